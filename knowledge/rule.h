// The contract between the analysis driver and one rule.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/document.h"
#include "grammar/query.h"
#include "grammar/semantic_model.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

/// Everything a rule may read, and where it puts its findings. Rules are pure: no I/O, no state.
struct RuleContext {
  const grammar::Document& document;
  const grammar::SemanticModel& model;
  const grammar::RuleQuery* query;  // the rule's query matches, when it has a query
  const RuleInfo& rule;
  std::vector<Finding>& findings;

  std::string_view source() const { return document.text(); }
  void report(grammar::ByteRange range, std::string message, std::optional<Fix> fix = {}) const {
    findings.push_back(Finding{&rule, range, std::move(message), std::move(fix), rule.severity});
  }
};

using RuleCheck = void (*)(const RuleContext&);

/// A rule as the registry lists it: its facts; the stem of its files `rules/STEM.cpp`,
/// `rules/STEM.md` (its doc) and, when `has_query`, `rules/STEM.scm`; the function that checks
/// it; and the module a file must import for the rule to have anything to find (empty: every
/// file).
struct RuleDefinition {
  RuleInfo info;
  std::string_view stem;
  bool has_query;
  RuleCheck check;
  std::string_view needs_import;
};

/// The embedded name of a rule's query file: "rules/STEM.scm".
inline std::string query_file(const RuleDefinition& rule) {
  return "rules/" + std::string(rule.stem) + ".scm";
}

/// The embedded name of a rule's doc: "rules/STEM.md".
inline std::string doc_file(const RuleDefinition& rule) {
  return "rules/" + std::string(rule.stem) + ".md";
}

/// Every rule pyfaq knows, in code order.
std::span<const RuleDefinition> all_rules();

/// The rule with this code (`PFQ301`) or name (`signal-handler-arity`), if any.
const RuleDefinition* find_rule(std::string_view code_or_name);

}  // namespace pyfaq::knowledge
