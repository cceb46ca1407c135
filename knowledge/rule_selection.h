// Which rules run on a file and how loud they are, as a project's configuration says it:
// ruff-style selectors (`ALL`, a code `PFQ301`, a code prefix `PFQ3`, a rule name), severity
// overrides and per-file ignores. Pure: reading the configuration file is lsp/'s job.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/analysis.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

struct PerFileIgnore {
  std::string pattern;                 // a glob relative to the project root: `tests/**`
  std::vector<std::string> selectors;  // the rules it silences there
};

struct RuleSelection {
  std::vector<std::string> select;  // empty: every stable rule
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  bool preview = false;                        // whether `ALL` and prefixes also pick preview rules
  std::map<std::string, Severity> severities;  // rule code -> severity
  std::vector<PerFileIgnore> per_file_ignores;

  friend bool operator==(const RuleSelection&, const RuleSelection&) = default;
};

/// Whether `selector` picks `rule`: `ALL`, its code, a prefix of its code, or its name.
bool selector_matches(std::string_view selector, const RuleInfo& rule);

/// Whether `selector` picks any rule at all (unknown selectors are reported to the user).
bool is_known_selector(std::string_view selector);

/// Enables exactly the rules `selection` picks in `rules` and sets their severities. A preview
/// rule runs only when `preview` is on or it is selected by its exact code or name; `ignore`
/// wins over `select`.
void apply_selection(const RuleSelection& selection, RuleSet& rules);

/// The rules silenced for the file at `relative_path` (relative to the project root, with `/`)
/// by per-file ignores, as codes.
std::vector<std::string> ignored_for_file(const RuleSelection& selection,
                                          std::string_view relative_path);

/// Glob matching as configuration files use it: `*` and `?` stay within one path segment, `**`
/// spans segments, and a pattern without `/` also matches the file name alone.
bool glob_matches(std::string_view pattern, std::string_view relative_path);

/// "hint", "information" (or "info"), "warning".
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace pyfaq::knowledge
