// Which rules run on a file and how loud they are, as a project's configuration says it.
#include "knowledge/rule_selection.h"

#include <algorithm>

#include "knowledge/rule.h"

namespace pyfaq::knowledge {

namespace {

bool any_matches(const std::vector<std::string>& selectors, const RuleInfo& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& selector) { return selector_matches(selector, rule); });
}

bool names_exactly(const std::vector<std::string>& selectors, const RuleInfo& rule) {
  return std::any_of(selectors.begin(), selectors.end(), [&](const std::string& selector) {
    return selector == rule.code || selector == rule.name;
  });
}

/// Segment-aware glob match of `pattern` against all of `text`, iteratively with backtracking
/// to the last `*` (within a segment) or `**` (across segments).
bool glob(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;          // last `*`
  std::size_t globstar_p = std::string_view::npos, globstar_t = 0;  // last `**`
  while (t < text.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      p += 2;
      if (p < pattern.size() && pattern[p] == '/') ++p;  // `**/` also matches nothing
      globstar_p = p;
      globstar_t = t;
      star_p = std::string_view::npos;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_t = t;
      continue;
    }
    if (p < pattern.size() && (pattern[p] == text[t] || (pattern[p] == '?' && text[t] != '/'))) {
      ++p;
      ++t;
      continue;
    }
    if (star_p != std::string_view::npos && text[star_t] != '/') {
      p = star_p;
      t = ++star_t;
      continue;
    }
    if (globstar_p != std::string_view::npos) {
      p = globstar_p;
      t = ++globstar_t;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  if (p + 1 == pattern.size() && pattern[p] == '/') ++p;  // "dir/" matches "dir/" only
  return p == pattern.size();
}

}  // namespace

bool selector_matches(std::string_view selector, const RuleInfo& rule) {
  if (selector == "ALL" || selector == rule.name) return true;
  return !selector.empty() && selector.starts_with("PFQ") && rule.code.starts_with(selector);
}

bool is_known_selector(std::string_view selector) {
  return std::any_of(all_rules().begin(), all_rules().end(), [&](const RuleDefinition& rule) {
    return selector_matches(selector, rule.info);
  });
}

void apply_selection(const RuleSelection& selection, RuleSet& rules) {
  for (const RuleSet::Entry& entry : rules.entries()) {
    const RuleInfo& rule = entry.definition->info;
    const bool picked = selection.select.empty() ? true : any_matches(selection.select, rule);
    const bool extended = any_matches(selection.extend_select, rule);
    const bool allowed = rule.status == RuleStatus::Stable || selection.preview ||
                         names_exactly(selection.select, rule) ||
                         names_exactly(selection.extend_select, rule);
    const bool on = (picked || extended) && allowed && !any_matches(selection.ignore, rule);
    rules.set_enabled(rule.code, on);
    if (const auto found = selection.severities.find(std::string(rule.code));
        found != selection.severities.end()) {
      rules.set_severity(rule.code, found->second);
    }
  }
}

std::vector<std::string> ignored_for_file(const RuleSelection& selection,
                                          std::string_view relative_path) {
  std::vector<std::string> codes;
  for (const PerFileIgnore& ignore : selection.per_file_ignores) {
    if (!glob_matches(ignore.pattern, relative_path)) continue;
    for (const RuleDefinition& rule : all_rules()) {
      if (any_matches(ignore.selectors, rule.info)) codes.emplace_back(rule.info.code);
    }
  }
  return codes;
}

bool glob_matches(std::string_view pattern, std::string_view relative_path) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (glob(pattern, relative_path)) return true;
  if (pattern.find('/') != std::string_view::npos) {
    // "tests/" or "tests/**" style: everything under a folder.
    return pattern.ends_with('/') && relative_path.starts_with(pattern);
  }
  const auto slash = relative_path.rfind('/');
  return slash != std::string_view::npos && glob(pattern, relative_path.substr(slash + 1));
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "hint") return Severity::Hint;
  if (name == "information" || name == "info") return Severity::Information;
  if (name == "warning") return Severity::Warning;
  return std::nullopt;
}

}  // namespace pyfaq::knowledge
