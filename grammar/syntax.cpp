// Small, allocation-free helpers over tree-sitter nodes of the Python grammar.
#include "grammar/syntax.h"

namespace pyfaq::grammar {

TSNode skip_parentheses(TSNode node) {
  while (is_type(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) {
    const TSNode inner = ts_node_named_child(node, 0);
    if (is_type(inner, "comment")) break;
    node = inner;
  }
  return node;
}

TSNode decorated_parent(TSNode definition) {
  const TSNode parent = ts_node_parent(definition);
  if (is_type(parent, "decorated_definition")) return parent;
  return TSNode{};
}

TSNode outermost_function(TSNode node) {
  TSNode outermost{};
  for (TSNode up = node; !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (is_type(up, "function_definition")) outermost = up;
  }
  return outermost;
}

bool is_comprehension(TSNode node) {
  const std::string_view type = node_type(node);
  return type == "list_comprehension" || type == "set_comprehension" ||
         type == "dictionary_comprehension" || type == "generator_expression";
}

}  // namespace pyfaq::grammar
