// The arguments of a call, sorted as Python binds them: positional ones, keywords, splats.
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
    result.leading_positional = 1;
    return result;
  }
  if (!is_type(arguments, "argument_list") || ts_node_has_error(arguments)) {
    result.understood = false;
    return result;
  }
  TreeCursor cursor(arguments);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return result;
  bool seen_list_splat = false;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (!ts_node_is_named(node)) continue;
    const std::string_view type = node_type(node);
    if (type == "comment") {
      result.has_comment = true;
    } else if (type == "keyword_argument") {
      result.keywords.push_back({node_text(field(node, "name"), source), field(node, "value")});
    } else if (type == "list_splat" || type == "dictionary_splat") {
      result.has_splat = true;
      seen_list_splat = seen_list_splat || type == "list_splat";
    } else {
      result.positional.push_back(node);
      if (!seen_list_splat) ++result.leading_positional;
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  return result;
}

TSNode argument_at(const CallArguments& arguments, std::size_t index, std::string_view name) {
  if (index < arguments.leading_positional) return arguments.positional[index];
  if (arguments.has_splat || index < arguments.positional.size()) return TSNode{};
  return arguments.keyword(name);
}

}  // namespace pyfaq::grammar
