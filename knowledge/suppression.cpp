// `# pyfaq: ignore[rule-name]` comments that silence a tip on their line.
#include "knowledge/suppression.h"

#include <algorithm>
#include <string>

#include "grammar/syntax.h"
#include "knowledge/strings.h"

namespace pyfaq::knowledge {

namespace {

/// Whether one comment's text ignores `rule`.
bool comment_ignores(std::string_view comment, const RuleInfo& rule) {
  constexpr std::string_view kMarker = "pyfaq:";
  for (auto at = comment.find(kMarker); at != std::string_view::npos;
       at = comment.find(kMarker, at + 1)) {
    std::string_view rest = trim(comment.substr(at + kMarker.size()));
    if (!rest.starts_with("ignore")) continue;
    rest.remove_prefix(std::string_view("ignore").size());
    if (rest.empty() || rest.front() != '[') {
      if (rest.empty() || rest.front() == ' ' || rest.front() == '#') return true;
      continue;
    }
    const auto close = rest.find(']');
    if (close == std::string_view::npos) continue;
    std::string_view list = rest.substr(1, close - 1);
    while (!list.empty()) {
      const auto comma = list.find(',');
      const std::string_view item = trim(list.substr(0, comma));
      if (item == rule.name || item == rule.code) return true;
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  return false;
}

}  // namespace

bool is_suppressed(const grammar::Document& document, const Finding& finding) {
  const grammar::TextBuffer& buffer = document.buffer();
  const std::size_t line = buffer.line_of(finding.range.start);
  const std::size_t start = buffer.line_start(line);
  const std::size_t end = buffer.line_content_end(line);
  const std::string_view text = document.text();
  for (auto hash = text.find('#', start); hash != std::string_view::npos && hash < end;
       hash = text.find('#', hash + 1)) {
    const TSNode node = ts_node_descendant_for_byte_range(
        document.root(), static_cast<uint32_t>(hash), static_cast<uint32_t>(hash + 1));
    if (!grammar::is_type(node, "comment")) continue;
    if (comment_ignores(grammar::node_text(node, text), *finding.rule)) return true;
    hash = ts_node_end_byte(node);  // the rest of the line is this comment
    if (hash >= end) break;
  }
  return false;
}

std::optional<RuleMention> suppressed_rule_at(const grammar::Document& document,
                                              std::size_t offset) {
  const auto at = static_cast<uint32_t>(offset);
  const TSNode comment = ts_node_descendant_for_byte_range(document.root(), at, at + 1);
  if (!grammar::is_type(comment, "comment")) return std::nullopt;
  const std::string_view text = grammar::node_text(comment, document.text());
  const std::size_t base = ts_node_start_byte(comment);
  constexpr std::string_view kMarker = "pyfaq:";
  for (auto marker = text.find(kMarker); marker != std::string_view::npos;
       marker = text.find(kMarker, marker + 1)) {
    std::size_t cursor = text.find_first_not_of(" \t", marker + kMarker.size());
    if (cursor == std::string_view::npos || text.compare(cursor, 7, "ignore[") != 0) continue;
    const std::size_t close = text.find(']', cursor);
    if (close == std::string_view::npos) continue;
    for (std::size_t item = cursor + 7; item < close;) {
      const std::size_t comma = std::min(text.find(',', item), close);
      const std::size_t first = text.find_first_not_of(" \t", item);
      const std::size_t last = text.find_last_not_of(" \t", comma - 1);
      if (first < comma && last != std::string_view::npos && last >= first &&
          base + first <= offset && offset <= base + last) {
        const RuleDefinition* rule = find_rule(text.substr(first, last + 1 - first));
        if (!rule) return std::nullopt;
        return RuleMention{{base + first, base + last + 1}, rule};
      }
      item = comma + 1;
    }
  }
  return std::nullopt;
}

std::string suppression_comment(const RuleInfo& rule) {
  return "# pyfaq: ignore[" + std::string(rule.name) + "]";
}

}  // namespace pyfaq::knowledge
