// `# pyfaq: ignore[rule-name]` comments that silence a tip on their line.
#include "knowledge/suppression.h"

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

std::string suppression_comment(const RuleInfo& rule) {
  return "# pyfaq: ignore[" + std::string(rule.name) + "]";
}

}  // namespace pyfaq::knowledge
