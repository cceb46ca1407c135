// PFQ108 modify-list-while-iterating: `for x in items: ... items.remove(x)` skips elements.
#include <string>

#include "grammar/bound_values.h"
#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// `items`, `self.items`, `a.b.c`: a name or a chain of attributes on a name.
bool is_name_chain(TSNode node) {
  while (is_type(node, "attribute")) {
    if (!is_type(field(node, "attribute"), "identifier")) return false;
    node = field(node, "object");
  }
  return is_type(node, "identifier");
}

TSNode root_name(TSNode node) {
  while (is_type(node, "attribute")) node = field(node, "object");
  return node;
}

bool is_loop(TSNode node) {
  return is_type(node, "for_statement") || is_type(node, "while_statement");
}

bool is_scope_boundary(TSNode node) {
  return is_type(node, "function_definition") || is_type(node, "lambda") ||
         is_type(node, "class_definition") || grammar::is_comprehension(node);
}

/// Every binding of the name holds a value of one of these shapes.
bool every_value_is(const grammar::SemanticModel& model, TSNode name,
                    std::initializer_list<std::string_view> displays,
                    std::initializer_list<std::string_view> constructors) {
  return grammar::every_bound_value(model, name, [&](const grammar::BoundValue& bound) {
    const TSNode value = grammar::skip_parentheses(bound.value);
    for (std::string_view display : displays) {
      if (is_type(value, display)) return true;
    }
    if (!is_type(value, "call")) return false;
    const auto callee = model.qualified_name(field(value, "function"));
    if (!callee) return false;
    for (std::string_view constructor : constructors) {
      if (*callee == constructor) return true;
    }
    return false;
  });
}

bool known_dict_or_set(const grammar::SemanticModel& model, TSNode iterable) {
  return is_type(iterable, "identifier") &&
         every_value_is(model, iterable,
                        {"dictionary", "set", "dictionary_comprehension", "set_comprehension"},
                        {"builtins.dict", "builtins.set", "collections.defaultdict",
                         "collections.Counter", "collections.OrderedDict"});
}

bool known_list(const grammar::SemanticModel& model, TSNode iterable) {
  return is_type(iterable, "identifier") &&
         every_value_is(model, iterable, {"list", "list_comprehension"},
                        {"builtins.list", "builtins.sorted"});
}

/// Whether the loop body stores into `target` or its root name (`items = ...`,
/// `self.items = ...`): after that, the name may hold another list.
bool body_rebinds(TSNode body, std::string_view target, std::string_view root,
                  std::string_view source) {
  bool found = false;
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (found) return false;
    if (is_type(node, "assignment") || is_type(node, "augmented_assignment") ||
        is_type(node, "for_statement") || is_type(node, "named_expression") ||
        is_type(node, "as_pattern")) {
      const TSNode left = is_type(node, "named_expression") ? field(node, "name")
                          : is_type(node, "as_pattern")     ? field(node, "alias")
                                                            : field(node, "left");
      grammar::for_each_descendant(left, [&](TSNode part) {
        const std::string_view text = node_text(part, source);
        if ((is_type(part, "identifier") || is_type(part, "attribute")) &&
            (text == target || text == root)) {
          found = true;
        }
        return !found;
      });
    }
    return !found;
  });
  return found;
}

/// The mutating statement leaves the loop right after it: it is a return/raise itself, or a
/// later statement of its block is `return`, `raise` or a `break` that ends this loop.
bool exits_after(TSNode statement, bool break_ends_loop) {
  if (is_type(statement, "return_statement") || is_type(statement, "raise_statement")) return true;
  for (TSNode next = ts_node_next_named_sibling(statement); !ts_node_is_null(next);
       next = ts_node_next_named_sibling(next)) {
    if (is_type(next, "return_statement") || is_type(next, "raise_statement")) return true;
    if (is_type(next, "break_statement") && break_ends_loop) return true;
  }
  return false;
}

struct Mutation {
  TSNode node;            // the call or the del statement: where the tip starts
  TSNode object;          // L
  std::string_view verb;  // what it does, for the message
  TSNode key{};           // `del L[key]` / `L.pop(key)`: the position given, if any
};

/// `for k in L: del L[k]` or `L.pop(k)`: the elements are used as keys, so L is a mapping
/// (a dict raises RuntimeError instead; some mappings iterate over a snapshot).
bool keyed_by_element(TSNode key, TSNode loop_target, std::string_view source) {
  key = grammar::skip_parentheses(key);
  if (ts_node_is_null(key)) return false;
  if (is_type(key, "string") || is_type(key, "concatenated_string")) return true;
  return is_type(key, "identifier") && is_type(loop_target, "identifier") &&
         node_text(key, source) == node_text(loop_target, source);
}

/// Reports the mutation when it sits in a loop over the same list; says whether it did.
bool check_mutation(const RuleContext& context, const Mutation& mutation) {
  const std::string_view source = context.source();
  const TSNode object = grammar::skip_parentheses(mutation.object);
  if (!is_name_chain(object)) return false;
  const std::string_view target = node_text(object, source);
  const std::string_view root = node_text(root_name(object), source);

  // Up from the mutation to the innermost `for` over the same L whose body holds it. The
  // statements holding the mutation in each block wait for the loop a `break` there would end.
  std::vector<TSNode> statements;
  bool exits = false;
  const auto settle = [&](bool break_ends_loop) {
    for (const TSNode statement : statements)
      exits = exits || exits_after(statement, break_ends_loop);
    statements.clear();
  };
  TSNode child = mutation.node;
  for (TSNode node = ts_node_parent(child); !ts_node_is_null(node);
       child = node, node = ts_node_parent(node)) {
    if (is_scope_boundary(node)) return false;
    if (is_type(node, "block")) {
      statements.push_back(child);
      continue;
    }
    if (!is_loop(node)) continue;
    const bool in_body = grammar::same_node(field(node, "body"), child);
    if (in_body && is_type(node, "for_statement") &&
        node_text(ts_node_child(node, 0), source) != "async") {
      const TSNode iterable = grammar::skip_parentheses(field(node, "right"));
      if (node_text(iterable, source) == target) {
        settle(true);
        if (exits || keyed_by_element(mutation.key, field(node, "left"), source) ||
            known_dict_or_set(context.model, iterable) ||
            body_rebinds(field(node, "body"), target, root, source)) {
          return false;
        }
        const std::string list(target);
        const TSNode left = field(node, "left");
        const std::string item(is_type(left, "identifier") ? node_text(left, source) : "item");
        std::string message = "`" + list + "` is " + std::string(mutation.verb) +
                              " inside a loop over it, which skips elements: loop over `" + list +
                              "[:]`, or filter it with `" + list + "[:] = [" + item + " for " +
                              item + " in " + list + " if ...]`";
        const uint32_t end = ts_node_end_byte(iterable);
        Fix fix{"Iterate over a copy: `" + list + "[:]`",
                known_list(context.model, iterable) ? FixSafety::Safe : FixSafety::Unsafe,
                {TextEdit{{end, end}, "[:]"}}};
        context.report({ts_node_start_byte(mutation.node), ts_node_end_byte(mutation.node)},
                       std::move(message), std::move(fix));
        return true;
      }
    }
    // A `break` in this loop's body ends this inner loop, not the one over L.
    if (in_body) settle(false);
  }
  return false;
}

}  // namespace

void check_modify_list_while_iterating(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto call = query.capture("mutation");
  const auto object = query.capture("mutation.object");
  const auto method = query.capture("mutation.method");
  const auto deletion = query.capture("deletion");
  const std::string_view source = context.source();
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    if (const TSNode del = match.get(deletion); !ts_node_is_null(del)) {
      // `del items[i]`, also as one of several targets: `del items[i], other[j]`.
      TSNode targets = ts_node_named_child(del, 0);
      if (!is_type(targets, "expression_list")) targets = del;
      const uint32_t count = ts_node_named_child_count(targets);
      for (uint32_t i = 0; i < count; ++i) {
        const TSNode target = ts_node_named_child(targets, i);
        if (is_type(target, "subscript") &&
            check_mutation(context, {del, field(target, "value"), "shortened by `del`",
                                     field(target, "subscript")})) {
          break;  // one tip per statement
        }
      }
      return;
    }
    // The list methods' arities: `d.pop(key, default)` or `s.remove()` are something else.
    const std::string_view name = node_text(match.get(method), source);
    const TSNode node = match.get(call);
    const grammar::CallArguments args = grammar::read_arguments(field(node, "arguments"), source);
    if (!args.understood || args.has_splat || !args.keywords.empty()) return;
    const std::size_t count = args.positional.size();
    if ((name == "remove" && count == 1) || (name == "pop" && count <= 1)) {
      const TSNode key = name == "pop" && count == 1 ? args.positional[0] : TSNode{};
      check_mutation(context, {node, match.get(object), "shortened", key});
    } else if (name == "clear" && count == 0) {
      check_mutation(context, {node, match.get(object), "emptied"});
    }
  });
}

}  // namespace pyfaq::knowledge::rules
