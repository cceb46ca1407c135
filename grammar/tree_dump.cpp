// A syntax tree written out node by node, for comparing an edited tree with a fresh parse.
#include "grammar/tree_dump.h"

#include <vector>

namespace pyfaq::grammar {

std::string dump_tree(TSNode root) {
  std::string out;
  if (ts_node_is_null(root)) return out;
  // Iterative: a tree of deeply nested brackets would overflow the stack through recursion.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::size_t depth = 0;
  for (;;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    out.append(depth, ' ');
    out += ts_node_type(node);
    if (const char* field = ts_tree_cursor_current_field_name(&cursor)) {
      out += " ";
      out += field;
    }
    out += " " + std::to_string(ts_node_start_byte(node)) + "-" +
           std::to_string(ts_node_end_byte(node));
    if (ts_node_is_missing(node)) out += " missing";
    if (ts_node_has_error(node)) out += " error";
    out += "\n";
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
      --depth;
    }
  }
}

}  // namespace pyfaq::grammar
