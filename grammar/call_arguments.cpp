// The arguments of a call, sorted into positional and keyword ones.
#include "grammar/call_arguments.h"

#include "grammar/syntax.h"

namespace pyfaq::grammar {

TSNode CallArguments::keyword(std::string_view name) const {
  for (const KeywordArgument& argument : keywords) {
    if (argument.name == name) return argument.value;
  }
  return TSNode{};
}

CallArguments read_arguments(TSNode arguments, std::string_view source) {
  CallArguments result;
  if (is_type(arguments, "generator_expression")) {
    result.is_generator = true;
    result.positional.push_back(arguments);
    return result;
  }
  if (!is_type(arguments, "argument_list")) {
    result.understood = false;
    return result;
  }
  TreeCursor cursor(arguments);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return result;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (ts_node_is_missing(node) || is_type(node, "ERROR")) result.understood = false;
    if (!ts_node_is_named(node) || is_type(node, "comment")) continue;
    const std::string_view type = node_type(node);
    if (type == "keyword_argument") {
      result.keywords.push_back({node_text(field(node, "name"), source), field(node, "value")});
    } else if (type == "list_splat" || type == "dictionary_splat") {
      result.has_splat = true;
    } else {
      result.positional.push_back(node);
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  return result;
}

}  // namespace pyfaq::grammar
