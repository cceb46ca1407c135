// The analysis entry point: a parsed document and a rule set in, findings out.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/document.h"
#include "grammar/query.h"
#include "grammar/semantic_model.h"
#include "knowledge/finding.h"
#include "knowledge/rule.h"

namespace pyfaq::knowledge {

/// Which rules run. Built once at start-up and shared read-only by every analysis thread.
class RuleSet {
 public:
  /// All registered rules, enabled, preview ones too (tests and explicit selections want them;
  /// `apply_selection` gives the defaults). Throws std::runtime_error if a query fails to compile,
  /// which a test rules out for every shipped query.
  static RuleSet all();

  /// Turns a rule off or on by code or name; false when no such rule exists.
  bool set_enabled(std::string_view code_or_name, bool enabled);
  /// Whether the rule with this code or name is on.
  bool is_enabled(std::string_view code_or_name) const;
  /// Changes how loud a rule's tips are; false when no such rule exists.
  bool set_severity(std::string_view code_or_name, Severity severity);
  /// The severity of a rule's tips under this set (its own unless changed).
  Severity severity_of(const RuleInfo& rule) const;

  struct Entry {
    const RuleDefinition* definition;
    bool has_query = false;  // the rule reads matches of its own patterns
    bool enabled = true;
    Severity severity = Severity::Warning;
    uint32_t first_pattern = 0, end_pattern = 0;  // its patterns within combined_query()
  };
  const std::vector<Entry>& entries() const { return entries_; }
  /// Every rule's query in one, so that one pass over a tree finds every rule's matches.
  const grammar::CompiledQuery* combined_query() const { return combined_.get(); }

 private:
  std::vector<Entry> entries_;
  std::shared_ptr<const grammar::CompiledQuery> combined_;
};

/// Which entries of `rules` run on a module with this model: the enabled ones whose needed
/// import (if any) the module has.
std::vector<bool> running_rules(const RuleSet& rules, const grammar::SemanticModel& model);

/// What the rules marked in `running` found: findings as the rules make them (unsorted,
/// suppression comments not applied), and per RuleSet entry whether it read another function's
/// body for some code (RuleContext::reads_other_functions).
struct RuleRun {
  std::vector<Finding> findings;
  std::vector<bool> reads_other_functions;
};

/// Runs the entries marked in `running`. With `range`, the rules see only query matches that
/// intersect it.
RuleRun run_rules(const grammar::Document& document, const grammar::SemanticModel& model,
                  const RuleSet& rules, const std::vector<bool>& running,
                  std::optional<grammar::ByteRange> range = std::nullopt);

/// Drops the findings a `# pyfaq: ignore` comment silences and sorts the rest by position.
std::vector<Finding> apply_suppressions(const grammar::Document& document,
                                        std::vector<Finding> findings);

/// Runs every enabled rule over a document. Pure and thread-safe for distinct documents; broken
/// Python yields fewer findings, never an error. Findings suppressed by a
/// `# pyfaq: ignore[...]` comment are dropped; the rest come sorted by position.
std::vector<Finding> analyze(const grammar::Document& document, const RuleSet& rules);

/// The same, with the document's semantic model already built.
std::vector<Finding> analyze(const grammar::Document& document, const grammar::SemanticModel& model,
                             const RuleSet& rules);

}  // namespace pyfaq::knowledge
