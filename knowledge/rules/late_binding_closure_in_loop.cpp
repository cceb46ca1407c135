// PFQ102 late-binding-closure-in-loop: a lambda or def made in a loop reads the loop variable
// and is kept beyond the iteration, so every copy sees the variable's last value.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::same_node;
using grammar::ScopeId;

constexpr std::array kStoringMethods{"append", "add",        "insert",
                                     "extend", "appendleft", "setdefault"};
constexpr std::array kCallbackMethods{
    "bind", "after", "connect", "call_soon", "call_later", "add_done_callback", "submit"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& list, std::string_view value) {
  for (const char* item : list) {
    if (value == item) return true;
  }
  return false;
}

/// Displays that hold a closure without calling it.
bool is_container(TSNode node) {
  const std::string_view type = grammar::node_type(node);
  return type == "parenthesized_expression" || type == "tuple" || type == "list" || type == "set" ||
         type == "dictionary" || type == "pair" || type == "expression_list";
}

/// A loop the closure is created in, with the scope its variables live in.
struct Loop {
  TSNode node;  // for_statement or comprehension
  bool comprehension;
  bool closure_is_element = false;  // E1: the closure is (held in) the comprehension's element
  std::vector<TSNode> variables;    // identifiers bound by `for ... in`
};

/// Identifiers a `for` target binds (`a`, `a, (b, c)`), not attributes or items.
void collect_targets(TSNode left, std::vector<TSNode>& out) {
  grammar::for_each_descendant(left, [&](TSNode node) {
    if (is_type(node, "attribute") || is_type(node, "subscript")) return true;
    if (is_type(node, "identifier")) {
      const TSNode parent = ts_node_parent(node);
      if (!is_type(parent, "attribute") && !is_type(parent, "subscript")) out.push_back(node);
    }
    return true;
  });
}

/// The loops between the closure and the nearest enclosing function or class, innermost first.
std::vector<Loop> loops_around(TSNode closure) {
  std::vector<Loop> loops;
  bool held_directly = true;  // only displays between the closure and `child`
  TSNode child = closure;
  for (TSNode parent = ts_node_parent(closure); !ts_node_is_null(parent);
       child = parent, parent = ts_node_parent(parent)) {
    const std::string_view type = grammar::node_type(parent);
    if (type == "function_definition" || type == "lambda" || type == "class_definition") break;
    if (type == "for_statement" && same_node(field(parent, "body"), child)) {
      Loop loop{parent, false, false, {}};
      collect_targets(field(parent, "left"), loop.variables);
      loops.push_back(std::move(loop));
    } else if (grammar::is_comprehension(parent) && same_node(field(parent, "body"), child)) {
      Loop loop{parent, true, held_directly, {}};
      const uint32_t count = ts_node_named_child_count(parent);
      for (uint32_t i = 0; i < count; ++i) {
        const TSNode clause = ts_node_named_child(parent, i);
        if (is_type(clause, "for_in_clause"))
          collect_targets(field(clause, "left"), loop.variables);
      }
      loops.push_back(std::move(loop));
    }
    if (!is_container(parent)) held_directly = false;
  }
  return loops;
}

/// The innermost identifier an expression stores into: `self.handlers[k]` -> `self`.
TSNode root_name(TSNode node) {
  for (;;) {
    node = grammar::skip_parentheses(node);
    if (is_type(node, "attribute")) {
      node = field(node, "object");
    } else if (is_type(node, "subscript")) {
      node = field(node, "value");
    } else {
      return is_type(node, "identifier") ? node : TSNode{};
    }
  }
}

/// How a closure (or a def's name) leaves the iteration: E2 stored (with the object it is
/// stored into) or E3 registered as a callback.
struct Escape {
  TSNode receiver;  // root name of the container it is stored in, or null
  TSNode at;        // the call, assignment or yield that lets it escape
};

std::optional<Escape> escape_of(const RuleContext& context, TSNode expression) {
  TSNode outer = expression;
  while (is_container(ts_node_parent(outer))) outer = ts_node_parent(outer);
  TSNode parent = ts_node_parent(outer);
  TSNode call{};
  if (is_type(parent, "keyword_argument") && same_node(field(parent, "value"), outer)) {
    const std::string_view keyword = node_text(field(parent, "name"), context.source());
    call = ts_node_parent(ts_node_parent(parent));
    if (keyword == "command" || keyword == "target") return Escape{TSNode{}, call};
  } else if (is_type(parent, "argument_list")) {
    call = ts_node_parent(parent);
  }
  if (is_type(call, "call")) {
    const TSNode callee = grammar::skip_parentheses(field(call, "function"));
    if (is_type(callee, "attribute")) {
      const std::string_view method = node_text(field(callee, "attribute"), context.source());
      if (contains(kStoringMethods, method))
        return Escape{root_name(field(callee, "object")), call};
      if (contains(kCallbackMethods, method)) return Escape{TSNode{}, call};
    }
    if (context.model.qualified_name(callee) == "atexit.register") return Escape{TSNode{}, call};
    return std::nullopt;
  }
  if (is_type(parent, "assignment") && same_node(field(parent, "right"), outer)) {
    const TSNode target = field(parent, "left");
    if (is_type(target, "subscript") || is_type(target, "attribute")) {
      return Escape{root_name(target), parent};
    }
  }
  if (is_type(parent, "yield")) return Escape{TSNode{}, parent};
  return std::nullopt;
}

/// The statement holding a node: its ancestor that sits directly in a block or the module.
TSNode statement_of(TSNode node) {
  for (TSNode parent = ts_node_parent(node); !ts_node_is_null(parent);
       node = parent, parent = ts_node_parent(parent)) {
    if (is_type(parent, "block") || is_type(parent, "module")) return node;
  }
  return TSNode{};
}

/// Whether the statement is directly followed by `break`, `return` or `raise`: the loop ends
/// while the variable still has this iteration's value.
bool loop_ends_after(TSNode statement) {
  TSNode next = ts_node_next_named_sibling(statement);
  while (is_type(next, "comment")) next = ts_node_next_named_sibling(next);
  return is_type(next, "break_statement") || is_type(next, "return_statement") ||
         is_type(next, "raise_statement");
}

bool inside(TSNode node, TSNode container) {
  return ts_node_start_byte(node) >= ts_node_start_byte(container) &&
         ts_node_end_byte(node) <= ts_node_end_byte(container);
}

/// Whether the container the closure is stored in is made inside the loop body: a fresh
/// container each iteration, used up in it.
bool receiver_made_in_loop(const RuleContext& context, TSNode receiver, TSNode loop_body) {
  if (ts_node_is_null(receiver)) return false;
  const auto scope = context.model.scope_of(receiver);
  if (!scope) return false;
  const std::string_view name = node_text(receiver, context.source());
  const auto binding_scope = context.model.binding_scope(name, *scope);
  if (!binding_scope) return false;
  for (const grammar::BindingId id : context.model.bindings_in(*binding_scope, name)) {
    if (inside(context.model.binding(id).name_node, loop_body)) return true;
  }
  return false;
}

/// Whether the closure escapes a `for` loop's iteration (E2/E3 without a suppression): the
/// lambda itself, or any later use of the def's name in the loop body.
bool escapes_for_loop(const RuleContext& context, TSNode closure, TSNode loop) {
  const TSNode body = field(loop, "body");
  const auto qualifies = [&](TSNode expression) {
    const std::optional<Escape> escape = escape_of(context, expression);
    if (!escape) return false;
    if (loop_ends_after(statement_of(escape->at))) return false;
    return !receiver_made_in_loop(context, escape->receiver, body);
  };
  if (is_type(closure, "lambda")) return qualifies(closure);

  // A def in a loop outside every def: the loop body may hold other defs' bodies.
  if (ts_node_is_null(grammar::outermost_function(loop))) context.reads_other_functions();
  const TSNode name = field(closure, "name");
  const std::string_view text = node_text(name, context.source());
  const auto def_scope = context.model.scope_of(name);
  if (!def_scope) return false;
  const auto def_binding = context.model.binding_scope(text, *def_scope);
  bool escapes = false;
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (is_type(node, "identifier") && ts_node_start_byte(node) >= ts_node_end_byte(closure) &&
        node_text(node, context.source()) == text) {
      const auto scope = context.model.scope_of(node);
      escapes =
          scope && context.model.binding_scope(text, *scope) == def_binding && qualifies(node);
    }
    return !escapes;
  });
  return escapes;
}

/// The reads, inside the closure's body, of loop variables that resolve to the loop's binding
/// (not a parameter such as `lambda v=v:` nor a local of the closure), in source order.
std::vector<TSNode> free_reads(const RuleContext& context, TSNode closure, const Loop& loop) {
  std::vector<TSNode> reads;
  const grammar::SemanticModel& model = context.model;
  grammar::for_each_descendant(field(closure, "body"), [&](TSNode node) {
    if (!is_type(node, "identifier")) return true;
    const TSNode parent = ts_node_parent(node);
    if (is_type(parent, "attribute") && same_node(field(parent, "attribute"), node)) return true;
    if (is_type(parent, "keyword_argument") && same_node(field(parent, "name"), node)) return true;
    const std::string_view name = node_text(node, context.source());
    for (const TSNode variable : loop.variables) {
      if (node_text(variable, context.source()) != name) continue;
      const auto use_scope = model.scope_of(node);
      const auto variable_scope = model.scope_of(variable);
      if (!use_scope || !variable_scope) continue;
      const auto resolved = model.binding_scope(name, *use_scope);
      if (resolved && resolved == model.binding_scope(name, *variable_scope)) {
        reads.push_back(node);
        break;
      }
    }
    return true;
  });
  return reads;
}

/// `lambda: v` -> `lambda v=v: v`: defaults are evaluated when the lambda is made.
std::optional<Fix> bind_now(const RuleContext& context, TSNode lambda,
                            const std::vector<std::string_view>& names) {
  const std::string_view source = context.source();
  const TSNode parameters = field(lambda, "parameters");
  const grammar::ParameterList list = grammar::read_parameters(parameters, source);
  if (!list.understood) return std::nullopt;
  std::string defaults;
  for (const std::string_view name : names) {
    if (!defaults.empty()) defaults += ", ";
    defaults += std::string(name) + "=" + std::string(name);
  }
  TextEdit edit;
  if (!list.positional.empty()) {
    const uint32_t end = ts_node_end_byte(list.positional.back().declaration);
    edit = {{end, end}, ", " + defaults};
  } else if (!ts_node_is_null(parameters)) {
    const uint32_t start = ts_node_start_byte(parameters);
    edit = {{start, start}, defaults + ", "};
  } else {
    const uint32_t keyword_end = ts_node_start_byte(lambda) + 6;  // "lambda"
    edit = {{keyword_end, keyword_end}, " " + defaults};
  }
  return Fix{"Bind " + defaults + " when the lambda is made", FixSafety::Unsafe, {std::move(edit)}};
}

void check_closure(const RuleContext& context, TSNode closure) {
  const std::vector<Loop> loops = loops_around(closure);
  std::vector<TSNode> reads;
  for (const Loop& loop : loops) {
    const bool escapes = loop.comprehension ? loop.closure_is_element
                                            : escapes_for_loop(context, closure, loop.node);
    if (!escapes) continue;
    for (const TSNode read : free_reads(context, closure, loop)) reads.push_back(read);
  }
  if (reads.empty()) return;
  std::sort(reads.begin(), reads.end(),
            [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
  std::vector<std::string_view> names;
  for (const TSNode read : reads) {
    const std::string_view name = node_text(read, context.source());
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  const TSNode first = reads.front();
  const bool lambda = is_type(closure, "lambda");
  const std::string subject =
      lambda ? "this lambda"
             : "`" + std::string(node_text(field(closure, "name"), context.source())) + "`";
  context.report({ts_node_start_byte(first), ts_node_end_byte(first)},
                 subject + " reads the loop variable `" + std::string(names.front()) +
                     "` when it is called, not when it is made: every copy kept from the loop "
                     "sees its last value" +
                     std::string(lambda ? "" : " (bind it with functools.partial)"),
                 lambda ? bind_now(context, closure, names) : std::nullopt);
}

}  // namespace

void check_late_binding_closure_in_loop(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto closure = query.capture("closure");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_closure(context, match.get(closure));
  });
}

}  // namespace pyfaq::knowledge::rules
