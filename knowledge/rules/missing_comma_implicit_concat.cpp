// PFQ203 missing-comma-implicit-concat: `["fee", "fie" "foo", "fum"]` — two adjacent strings in
// a collection join into one element, most likely because a comma is missing.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::is_type;
using grammar::node_text;

/// The text between the quotes of a string literal, and its prefix letters.
struct Literal {
  std::string_view prefix;
  std::string_view content;
  bool interpolated = false;
};

std::optional<Literal> read_literal(TSNode string, std::string_view source) {
  if (!is_type(string, "string")) return std::nullopt;
  Literal literal;
  const uint32_t count = ts_node_child_count(string);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(string, i);
    if (is_type(child, "interpolation")) literal.interpolated = true;
  }
  const std::string_view text = node_text(string, source);
  const std::size_t quote = text.find_first_of("'\"");
  if (quote == std::string_view::npos || text.size() < quote + 2) return std::nullopt;
  const char mark = text[quote];
  const bool triple = text.size() >= quote + 6 && text.substr(quote, 3) == std::string(3, mark);
  const std::size_t width = triple ? 3 : 1;
  if (text.size() < quote + 2 * width) return std::nullopt;
  literal.prefix = text.substr(0, quote);
  literal.content = text.substr(quote + width, text.size() - quote - 2 * width);
  return literal;
}

/// Whether a string literal reads as one word — a module name, key, flag or file name: no
/// whitespace (written or escaped), no f-string, no raw string or regular-expression syntax.
/// Prose, SQL, messages and patterns are often split on purpose; words rarely are.
bool is_word_like(TSNode string, std::string_view source) {
  const std::optional<Literal> literal = read_literal(string, source);
  if (!literal || literal->interpolated) return false;
  if (literal->prefix.find_first_of("fFtTrR") != std::string_view::npos) return false;
  const std::string_view content = literal->content;
  if (content.find_first_of(" \t\n\r\f\v()[]{}|^$") != std::string_view::npos) return false;
  // Escapes other than \xNN (bytes written out) are whitespace or pattern syntax.
  for (std::size_t at = content.find('\\'); at != std::string_view::npos;
       at = content.find('\\', at + 2)) {
    if (at + 1 >= content.size() || content[at + 1] != 'x') return false;
  }
  return true;
}

/// Whether the parts look like one value split to fit the line rather than separate words:
/// three or more parts (one forgotten comma joins two), a part that ends in a separator
/// (`"api/v1/"` `"users"`), or a long number written in pieces.
bool looks_split_on_purpose(const std::vector<TSNode>& parts, std::string_view source) {
  if (parts.size() > 2) return true;
  const std::string_view first = read_literal(parts.front(), source)->content;
  const std::string_view second = read_literal(parts.back(), source)->content;
  if (first.empty() || second.empty()) return true;
  if (std::string_view("/.:_-=,+&").find(first.back()) != std::string_view::npos) return true;
  return first.find_first_not_of("0123456789") == std::string_view::npos;
}

/// The string parts of a concatenation, comments aside.
std::vector<TSNode> parts_of(TSNode concatenation) {
  std::vector<TSNode> parts;
  const uint32_t count = ts_node_named_child_count(concatenation);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(concatenation, i);
    if (!is_type(child, "comment")) parts.push_back(child);
  }
  return parts;
}

std::string_view display_name(TSNode display) {
  if (is_type(display, "list")) return "list";
  if (is_type(display, "set")) return "set";
  return "tuple";
}

void check_concatenation(const RuleContext& context, TSNode concatenation) {
  const std::string_view source = context.source();
  const TSNode display = ts_node_parent(concatenation);
  const std::vector<TSNode> parts = parts_of(concatenation);
  if (parts.size() < 2) return;
  for (const TSNode part : parts) {
    if (!is_word_like(part, source)) return;
  }
  if (looks_split_on_purpose(parts, source)) return;
  // A collection of strings: other elements, at least one a plain string, all word-like.
  bool has_string_sibling = false;
  std::size_t siblings = 0;
  const uint32_t count = ts_node_named_child_count(display);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode element = ts_node_named_child(display, i);
    if (is_type(element, "comment") || grammar::same_node(element, concatenation)) continue;
    ++siblings;
    if (is_type(element, "string")) {
      if (!is_word_like(element, source)) return;
      has_string_sibling = true;
    }
  }
  if (siblings == 0 || !has_string_sibling) return;

  const std::string first(node_text(parts.front(), source));
  const std::string second(node_text(parts[1], source));
  std::string message;
  if (parts.size() == 2 && first.size() + second.size() <= 60) {
    message = "`" + first + "` and `" + second + "` join into one element of this " +
              std::string(display_name(display)) + "; is a comma missing between them?";
  } else {
    message = "these " + std::to_string(parts.size()) +
              " adjacent strings join into one element of this " +
              std::string(display_name(display)) + "; is a comma missing?";
  }
  Fix fix{
      parts.size() == 2 ? "Add the missing comma" : "Add the missing commas", FixSafety::Safe, {}};
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const uint32_t end = ts_node_end_byte(parts[i]);
    fix.edits.push_back(TextEdit{{end, end}, ","});
  }
  context.report({ts_node_start_byte(concatenation), ts_node_end_byte(concatenation)},
                 std::move(message), std::move(fix));
}

}  // namespace

void check_missing_comma_implicit_concat(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto concat = query.capture("concat");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_concatenation(context, match.get(concat));
  });
}

}  // namespace pyfaq::knowledge::rules
