// PFQ201 assign-result-of-inplace-method: `x = x.sort()`, `top = scores.sort()[:3]`,
// `deck = random.shuffle(deck)` -- in-place methods return None.
#include <string>

#include "grammar/bound_values.h"
#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/calls.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// Where a call's value is read.
enum class Use { AssignedToSame, Assigned, Returned, Iterated, Indexed, AttributeRead };

struct ValueUse {
  Use use;
  TSNode target;     // the assignment's target (Assigned, AssignedToSame), the attribute read
  TSNode statement;  // the assignment (Assigned, AssignedToSame)
};

/// How the value of `call` is used, when it is one of the uses the rule knows.
std::optional<ValueUse> value_use(TSNode call) {
  TSNode child = call;
  TSNode parent = ts_node_parent(call);
  while (is_type(parent, "parenthesized_expression")) {
    child = parent;
    parent = ts_node_parent(parent);
  }
  if (is_type(parent, "assignment") && grammar::same_node(field(parent, "right"), child)) {
    const TSNode left = field(parent, "left");
    if (is_type(left, "identifier") || is_type(left, "attribute") || is_type(left, "subscript")) {
      return ValueUse{Use::Assigned, left, parent};
    }
    return std::nullopt;  // unpacking: `values, idx = t.sort()`
  }
  if (is_type(parent, "return_statement")) return ValueUse{Use::Returned, {}, {}};
  if (is_type(parent, "for_statement") && grammar::same_node(field(parent, "right"), child)) {
    return ValueUse{Use::Iterated, {}, {}};
  }
  if (is_type(parent, "attribute") && grammar::same_node(field(parent, "object"), child)) {
    return ValueUse{Use::AttributeRead, field(parent, "attribute"), {}};
  }
  if (is_type(parent, "subscript") && grammar::same_node(field(parent, "value"), child)) {
    return ValueUse{Use::Indexed, {}, {}};
  }
  return std::nullopt;
}

bool is_builtin_call(const grammar::SemanticModel& model, TSNode node,
                     std::initializer_list<std::string_view> names) {
  if (!is_type(node, "call")) return false;
  const auto name = model.qualified_name(field(node, "function"));
  if (!name) return false;
  for (std::string_view candidate : names) {
    if (*name == candidate) return true;
  }
  return false;
}

/// A list by its shape: a display or comprehension, list(...), sorted(...), or a method that
/// returns a new list (`.split(...)`, `.splitlines()`, `.readlines()`).
bool is_list_expression(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_type(node, "list") || is_type(node, "list_comprehension")) return true;
  if (!is_type(node, "call")) return false;
  if (is_builtin_call(model, node, {"builtins.list", "builtins.sorted"})) return true;
  const TSNode function = field(node, "function");
  if (!is_type(function, "attribute")) return false;
  const std::string_view method = node_text(field(function, "attribute"), model.source());
  return method == "split" || method == "splitlines" || method == "readlines";
}

/// A list by light inference: a list expression, or a name every binding of which stores one.
bool is_list_typed(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_list_expression(model, node)) return true;
  return is_type(node, "identifier") &&
         grammar::every_bound_value(model, node, [&](const grammar::BoundValue& value) {
           return is_list_expression(model, value.value);
         });
}

/// Whether the arguments fit the list method (anything else is another type's method):
/// sort(*, key, reverse), reverse(), append(x), extend(xs), insert(i, x), remove(x), clear().
bool fits_list_method(std::string_view method, const grammar::CallArguments& args) {
  if (!args.understood || args.has_splat) return false;
  const std::size_t count = args.positional.size();
  if (method == "sort") {
    if (count != 0) return false;
    for (const auto& [keyword, value] : args.keywords) {
      if (keyword != "key" && keyword != "reverse") return false;
    }
    return true;
  }
  if (!args.keywords.empty()) return false;
  if (method == "reverse" || method == "clear") return count == 0;
  if (method == "append" || method == "extend" || method == "remove") return count == 1;
  if (method == "insert") return count == 2;
  return false;
}

/// A method name the rule may report: a list method that works in place, or shuffle.
bool is_inplace_candidate(std::string_view method) {
  return method == "sort" || method == "reverse" || method == "clear" || method == "append" ||
         method == "extend" || method == "remove" || method == "insert" || method == "shuffle";
}

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

/// What the None ends up as, in the message.
std::string consequence(const ValueUse& use, std::string_view source) {
  switch (use.use) {
    case Use::AssignedToSame:
    case Use::Assigned:
      return ", so " + quoted(node_text(use.target, source)) + " is set to None";
    case Use::Returned:
      return ", so this returns None";
    case Use::Iterated:
      return ", so the loop tries to iterate over None";
    case Use::Indexed:
      return ", so the subscript that follows is applied to None";
    case Use::AttributeRead:
      return ", so `." + std::string(node_text(use.target, source)) + "` is looked up on None";
  }
  return {};
}

/// `x = x.sort(...)` -> `x.sort(...)`: when the assignment is a statement of its own.
std::optional<Fix> drop_assignment(const RuleContext& context, TSNode call, const ValueUse& use) {
  const TSNode statement = ts_node_parent(use.statement);
  if (!is_type(statement, "expression_statement") || ts_node_named_child_count(statement) != 1) {
    return std::nullopt;
  }
  std::string replacement(node_text(call, context.source()));
  return Fix{"Call " + quoted(replacement) + " without assigning its result",
             FixSafety::Safe,
             {TextEdit{{ts_node_start_byte(use.statement), ts_node_end_byte(use.statement)},
                       std::move(replacement)}}};
}

/// `y = x.sort(key=k)` -> `y = sorted(x, key=k)`: a sorted copy, leaving x as it was.
std::optional<Fix> use_sorted(const RuleContext& context, TSNode call, TSNode function,
                              TSNode receiver, const grammar::CallArguments& args) {
  // `sorted` must mean the builtin where the call is.
  const auto scope = context.model.scope_of(field(function, "attribute"));
  if (args.has_comment || !scope || context.model.binding_scope("sorted", *scope) ||
      context.model.scope(grammar::kModuleScope).has_wildcard_import) {
    return std::nullopt;
  }
  const std::string_view source = context.source();
  std::string replacement = "sorted(" + std::string(node_text(receiver, source));
  for (const auto& [keyword, value] : args.keywords) {
    replacement += ", " + std::string(keyword) + "=" + std::string(node_text(value, source));
  }
  replacement += ")";
  return Fix{"Use " + quoted(replacement) + " (a sorted copy)",
             FixSafety::Unsafe,
             {TextEdit{{ts_node_start_byte(call), ts_node_end_byte(call)}, replacement}}};
}

void check_call(const RuleContext& context, TSNode call, TSNode function, TSNode arguments) {
  const std::string_view source = context.source();
  // Every call of the file comes here: rule out other callees before value_use, which walks
  // up the tree (ts_node_parent descends from the root).
  if (is_type(function, "attribute") &&
      !is_inplace_candidate(node_text(field(function, "attribute"), source))) {
    return;
  }
  // A module's function (or a builtin): only random.shuffle is in place.
  const auto qualified = context.model.qualified_name(function);
  if (qualified ? qualified != "random.shuffle" : !is_type(function, "attribute")) return;
  auto use = value_use(call);
  if (!use) return;
  const grammar::CallArguments args = grammar::read_arguments(arguments, source);

  if (qualified) {
    if (!args.understood || args.has_splat || args.positional.empty()) return;
    const std::string shuffled(node_text(args.positional[0], source));
    context.report({ts_node_start_byte(call), ts_node_end_byte(call)},
                   "`random.shuffle()` shuffles " + quoted(shuffled) +
                       " in place and returns None" + consequence(*use, source));
    return;
  }

  const std::string_view method = node_text(field(function, "attribute"), source);
  if (!fits_list_method(method, args)) return;
  const TSNode receiver = grammar::skip_parentheses(field(function, "object"));
  const bool same_target =
      use->use == Use::Assigned && node_text(use->target, source) == node_text(receiver, source);
  if (same_target) use->use = Use::AssignedToSame;
  const bool sort_or_reverse = method == "sort" || method == "reverse";
  const bool list_typed = is_list_typed(context.model, receiver);
  if (!(list_typed || (sort_or_reverse && same_target))) return;

  // A named list is named; an expression is "the list".
  const bool named = is_type(receiver, "identifier") || is_type(receiver, "attribute");
  const std::string_view receiver_text = node_text(receiver, source);
  std::string message =
      named ? quoted(std::string(receiver_text) + "." + std::string(method) + "()") + " changes " +
                  quoted(receiver_text)
            : quoted("." + std::string(method) + "()") + " changes the list";
  message += " in place and returns None" + consequence(*use, source);
  std::optional<Fix> fix;
  if (same_target) {
    fix = drop_assignment(context, call, *use);
  } else if (method == "sort" && list_typed) {
    message += named ? "; `sorted(" + std::string(receiver_text) + ")` returns a sorted copy"
                     : "; `sorted(...)` returns a sorted copy";
    fix = use_sorted(context, call, function, receiver, args);
  }
  context.report({ts_node_start_byte(call), ts_node_end_byte(call)}, std::move(message),
                 std::move(fix));
}

}  // namespace

void check_assign_result_of_inplace_method(const RuleContext& context) {
  for_each_call_match(context, [&](TSNode call, TSNode function, TSNode arguments) {
    check_call(context, call, function, arguments);
  });
}

}  // namespace pyfaq::knowledge::rules
