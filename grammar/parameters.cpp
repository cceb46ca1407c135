// Reading a def's or lambda's parameter list into Python's calling-convention terms.
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"
#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

ParameterList read_parameters(TSNode parameters, std::string_view source) {
  ParameterList list;
  if (ts_node_is_null(parameters)) return list;
  bool keyword_only = false;  // after `*` or `*args`
  const auto add = [&](TSNode name, TSNode declaration, bool has_default) {
    if (!is_type(name, "identifier")) {
      list.understood = false;  // Python 2 tuple parameters, recovered errors
      return;
    }
    auto& target = keyword_only ? list.keyword_only : list.positional;
    target.push_back(Parameter{node_text(name, source), name, declaration, has_default});
  };
  TreeCursor cursor(parameters);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return list;
  do {
    const TSNode declaration = ts_tree_cursor_current_node(cursor.get());
    if (!ts_node_is_named(declaration) || is_type(declaration, "comment")) continue;
    TSNode child = declaration;
    if (is_type(child, "typed_parameter")) child = ts_node_named_child(child, 0);
    const std::string_view type = node_type(child);
    if (type == "identifier") {
      add(child, declaration, false);
    } else if (type == "default_parameter" || type == "typed_default_parameter") {
      add(field(child, "name"), declaration, true);
    } else if (type == "list_splat_pattern") {
      list.has_var_positional = true;
      keyword_only = true;
    } else if (type == "keyword_separator") {
      keyword_only = true;
    } else if (type == "dictionary_splat_pattern") {
      list.has_var_keyword = true;
    } else if (type != "positional_separator") {
      list.understood = false;
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  return list;
}

}  // namespace pyfaq::grammar
