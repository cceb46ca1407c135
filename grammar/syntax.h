// Small, allocation-free helpers over tree-sitter nodes of the Python grammar.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

/// The source text a node spans.
inline std::string_view node_text(TSNode node, std::string_view source) {
  const uint32_t start = ts_node_start_byte(node);
  const uint32_t end = ts_node_end_byte(node);
  if (start > source.size() || end > source.size() || end < start) return {};
  return source.substr(start, end - start);
}

inline std::string_view node_type(TSNode node) {
  return ts_node_type(node);
}
inline bool is_type(TSNode node, std::string_view type) {
  return !ts_node_is_null(node) && node_type(node) == type;
}

/// The child in `field`, or a null node.
inline TSNode field(TSNode node, std::string_view name) {
  return ts_node_child_by_field_name(node, name.data(), static_cast<uint32_t>(name.size()));
}

/// Whether two handles name the same node of the same tree.
inline bool same_node(TSNode a, TSNode b) {
  return ts_node_eq(a, b);
}

/// Visits `root` and every node below it, in source order and without recursion, until
/// `visit` returns false.
template <typename Visit>
void for_each_descendant(TSNode root, Visit&& visit) {
  if (ts_node_is_null(root)) return;  // broken code can leave a rule with no region to search
  TreeCursor cursor(root);
  for (;;) {
    if (!visit(ts_tree_cursor_current_node(cursor.get()))) return;
    if (ts_tree_cursor_goto_first_child(cursor.get())) continue;
    while (!ts_tree_cursor_goto_next_sibling(cursor.get())) {
      if (!ts_tree_cursor_goto_parent(cursor.get())) return;
    }
  }
}

/// Strips redundant parentheses: `((x))` -> `x`.
TSNode skip_parentheses(TSNode node);

/// The decorators of a function or class definition (empty range when undecorated): the
/// `decorated_definition` parent, or a null node.
TSNode decorated_parent(TSNode definition);

/// The outermost function_definition around `node` (itself included), or a null node when it
/// lies outside every def.
TSNode outermost_function(TSNode node);

/// Whether a comprehension node introduces its own scope.
bool is_comprehension(TSNode node);

}  // namespace pyfaq::grammar
