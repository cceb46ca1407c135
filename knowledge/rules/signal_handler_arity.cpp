// PFQ301 signal-handler-arity: the handler given to signal.signal() cannot be called as
// handler(signum, frame).
#include <array>
#include <string>
#include <unordered_set>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// A handler whose parameters are known: a lambda, or an undecorated (or static/class) def.
struct Handler {
  TSNode callable;           // function_definition or lambda
  TSNode parameters;         // parameters / lambda_parameters, or null for `lambda: ...`
  std::string label;         // how the message names it
  bool drops_first = false;  // bound method: Python passes self/cls itself
};

std::optional<Handler> resolve_handler(const RuleContext& context, TSNode argument) {
  const grammar::SemanticModel& model = context.model;
  const TSNode handler = grammar::skip_parentheses(argument);
  if (is_type(handler, "lambda")) {
    return Handler{handler, field(handler, "parameters"), "this lambda", false};
  }
  const grammar::Binding* def = nullptr;
  bool bound_method = false;
  if (is_type(handler, "identifier")) {
    def = model.function_named(handler);
  } else if (is_type(handler, "attribute")) {
    def = model.method_of_receiver(handler);
    bound_method = true;
  }
  if (!def) return std::nullopt;

  bool drops_first = bound_method;
  const std::vector<TSNode> decorators = model.decorators_of(def->definition);
  if (!decorators.empty()) {
    // Only a bound method's @staticmethod / @classmethod leave the signature known.
    if (!bound_method || decorators.size() != 1) return std::nullopt;
    const auto decorator = model.qualified_name(decorators.front());
    if (decorator == "builtins.staticmethod") {
      drops_first = false;
    } else if (decorator != "builtins.classmethod") {
      return std::nullopt;
    }
  }
  std::string label = "`";
  label += node_text(handler, context.source());
  label += '`';
  return Handler{def->definition, field(def->definition, "parameters"), std::move(label),
                 drops_first};
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

/// Every identifier inside a node, so a fix never picks a name that is already in use there.
std::unordered_set<std::string_view> names_inside(TSNode node, std::string_view source) {
  std::unordered_set<std::string_view> names;
  grammar::for_each_descendant(node, [&](TSNode current) {
    if (is_type(current, "identifier")) names.insert(node_text(current, source));
    return true;
  });
  return names;
}

std::optional<std::string_view> free_name(const std::unordered_set<std::string_view>& taken,
                                          std::initializer_list<std::string_view> candidates) {
  for (std::string_view name : candidates) {
    if (!taken.contains(name)) return name;
  }
  return std::nullopt;
}

/// Whether the module also calls the handler's def by its name with a call of its own: then
/// new parameters get defaults so those calls keep working.
bool called_directly(const RuleContext& context, const Handler& handler) {
  if (is_type(handler.callable, "lambda")) return false;
  const std::string_view name = node_text(field(handler.callable, "name"), context.source());
  bool found = false;
  grammar::for_each_descendant(context.document.root(), [&](TSNode node) {
    if (is_type(node, "call")) {
      const TSNode callee = grammar::skip_parentheses(field(node, "function"));
      const grammar::Binding* target = nullptr;
      if (is_type(callee, "identifier") && node_text(callee, context.source()) == name) {
        target = context.model.function_named(callee);
      } else if (is_type(callee, "attribute") &&
                 node_text(field(callee, "attribute"), context.source()) == name) {
        target = context.model.method_of_receiver(callee);
      }
      found = target && grammar::same_node(target->definition, handler.callable);
    }
    return !found;
  });
  return found;
}

/// Adds the missing `signum` / `frame` parameters after the ones the handler has.
std::optional<Fix> make_fix(const RuleContext& context, const Handler& handler,
                            const grammar::ParameterList& params, std::size_t positional) {
  if (positional > 1 || params.has_var_positional || !params.keyword_only.empty()) {
    return std::nullopt;
  }
  const auto taken = names_inside(handler.callable, context.source());
  const auto signum = free_name(taken, {"signum", "signalnum", "_signum"});
  const auto frame = free_name(taken, {"frame", "_frame", "stack_frame"});
  if (!signum || !frame) return std::nullopt;

  const bool keep_calls_working = called_directly(context, handler);
  const bool first_has_default = positional == 1 && params.positional.back().has_default;
  const std::string_view suffix = keep_calls_working || first_has_default ? "=None" : "";
  std::string added;
  if (positional == 0) added = std::string(*signum) + std::string(suffix) + ", ";
  added += std::string(*frame) + std::string(suffix);

  TextEdit edit;
  if (!params.positional.empty()) {
    // After the last positional parameter we keep (self for a bound method).
    const TSNode last = params.positional.back().declaration;
    edit = {{ts_node_end_byte(last), ts_node_end_byte(last)}, ", " + added};
  } else if (is_type(handler.callable, "lambda") && ts_node_is_null(handler.parameters)) {
    const uint32_t keyword_end = ts_node_start_byte(handler.callable) + 6;  // "lambda"
    edit = {{keyword_end, keyword_end}, " " + added};
  } else if (!ts_node_is_null(handler.parameters)) {
    const bool lambda = is_type(handler.parameters, "lambda_parameters");
    const uint32_t start = ts_node_start_byte(handler.parameters) + (lambda ? 0 : 1);
    const bool has_more = ts_node_named_child_count(handler.parameters) > 0;
    edit = {{start, start}, has_more ? added + ", " : added};
  } else {
    return std::nullopt;
  }
  const std::string title = "Add the `" + std::string(positional == 0 ? *signum : *frame) +
                            (positional == 0 ? "` and `" + std::string(*frame) + "`" : "`") +
                            (positional == 0 ? " parameters" : " parameter");
  return Fix{title, keep_calls_working ? FixSafety::Unsafe : FixSafety::Safe, {std::move(edit)}};
}

/// The handler argument of `signal.signal(signalnum, handler)`: the second of exactly two
/// positional arguments, comments aside.
std::optional<TSNode> handler_argument(TSNode arguments) {
  std::vector<TSNode> positional;
  grammar::TreeCursor cursor(arguments);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return std::nullopt;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (!ts_node_is_named(node) || is_type(node, "comment")) continue;
    const std::string_view type = grammar::node_type(node);
    if (type == "keyword_argument" || type == "list_splat" || type == "dictionary_splat" ||
        positional.size() == 2) {
      return std::nullopt;
    }
    positional.push_back(node);
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  if (positional.size() != 2) return std::nullopt;
  return positional[1];
}

void check_call(const RuleContext& context, TSNode function, TSNode arguments) {
  if (!is_type(arguments, "argument_list")) return;  // `f(x for x in y)` has no argument_list
  const std::optional<TSNode> handler_node = handler_argument(arguments);
  if (!handler_node) return;
  if (context.model.qualified_name(function) != "signal.signal") return;
  const TSNode argument = *handler_node;
  const std::optional<Handler> handler = resolve_handler(context, argument);
  if (!handler) return;

  grammar::ParameterList params = grammar::read_parameters(handler->parameters, context.source());
  if (!params.understood) return;
  // What Python passes positionally, after binding self/cls for a method.
  std::size_t positional = params.positional.size();
  std::size_t required = 0;
  for (const grammar::Parameter& p : params.positional) required += p.has_default ? 0 : 1;
  if (handler->drops_first) {
    if (positional == 0) {
      if (!params.has_var_positional) return;  // a method without self: another rule's business
    } else {
      required -= params.positional.front().has_default ? 0 : 1;
      --positional;
    }
  }
  std::string_view required_keyword;
  for (const grammar::Parameter& p : params.keyword_only) {
    if (!p.has_default) {
      required_keyword = p.name;
      break;
    }
  }
  const bool accepts_two = positional >= 2 || params.has_var_positional;
  if (required <= 2 && accepts_two && required_keyword.empty()) return;

  // For a bound method, say which parameter Python fills in itself.
  std::string besides;
  if (handler->drops_first && !params.positional.empty()) {
    besides = " besides `" + std::string(params.positional.front().name) + "`";
  }
  std::string message;
  if (!required_keyword.empty()) {
    message = handler->label + " has a required keyword-only parameter `" +
              std::string(required_keyword) + "`, which a signal never passes";
  } else if (required > 2) {
    message = handler->label + " requires " + plural(required, "argument") + besides +
              ", but a signal handler is called with two: (signum, frame)";
  } else if (positional == 0) {
    message = handler->label + " takes no arguments" + besides +
              ", but a signal handler is called with two: (signum, frame)";
  } else {
    message = handler->label + " takes " + plural(positional, "positional argument") + besides +
              ", but a signal handler is called with two: (signum, frame)";
  }
  const grammar::ByteRange range{ts_node_start_byte(argument), ts_node_end_byte(argument)};
  context.report(range, std::move(message), make_fix(context, *handler, params, positional));
}

}  // namespace

void check_signal_handler_arity(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto function = query.capture("call.function");
  const auto arguments = query.capture("call.arguments");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_call(context, match.get(function), match.get(arguments));
  });
}

}  // namespace pyfaq::knowledge::rules
