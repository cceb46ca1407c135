// Where a rule's fix may add statements at the top of a function body (after its docstring).
#include "knowledge/rules/function_body.h"

#include "grammar/syntax.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::is_type;

/// The first statement of a block after its docstring, comments aside, or a null node.
TSNode first_statement_after_docstring(TSNode body) {
  const uint32_t count = ts_node_named_child_count(body);
  uint32_t index = 0;
  while (index < count && is_type(ts_node_named_child(body, index), "comment")) ++index;
  if (index < count) {
    const TSNode first = ts_node_named_child(body, index);
    if (is_type(first, "expression_statement") && ts_node_named_child_count(first) == 1 &&
        is_type(ts_node_named_child(first, 0), "string")) {
      ++index;
    }
  }
  while (index < count && is_type(ts_node_named_child(body, index), "comment")) ++index;
  return index < count ? ts_node_named_child(body, index) : TSNode{};
}

/// The whitespace before a node on its line, or nullopt when something else precedes it.
std::optional<std::string_view> indentation_of(TSNode node, std::string_view source) {
  const uint32_t start = ts_node_start_byte(node);
  if (start > source.size()) return std::nullopt;
  const std::size_t newline = start == 0 ? std::string_view::npos : source.rfind('\n', start - 1);
  const std::size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  const std::string_view indent = source.substr(from, start - from);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  return indent;
}

}  // namespace

TextEdit BodyTop::insert(const std::vector<std::pair<int, std::string>>& lines) const {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += indent;
    for (int level = 0; level < lines[i].first; ++level) text += unit;
    text += lines[i].second;
    text += '\n';
  }
  text += indent;
  return TextEdit{{offset, offset}, std::move(text)};
}

std::optional<BodyTop> body_top(TSNode function_definition, std::string_view source) {
  const TSNode statement =
      first_statement_after_docstring(grammar::field(function_definition, "body"));
  if (ts_node_is_null(statement)) return std::nullopt;
  const auto def_indent = indentation_of(function_definition, source);
  const auto body_indent = indentation_of(statement, source);
  if (!def_indent || !body_indent || body_indent->size() <= def_indent->size() ||
      !body_indent->starts_with(*def_indent)) {
    return std::nullopt;
  }
  return BodyTop{ts_node_start_byte(statement), std::string(*body_indent),
                 std::string(body_indent->substr(def_indent->size()))};
}

}  // namespace pyfaq::knowledge::rules
