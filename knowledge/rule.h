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
  const grammar::CompiledQuery* query;  // the rule's query, when it has one
  const RuleInfo& rule;
  std::vector<Finding>& findings;

  std::string_view source() const { return document.text(); }
  void report(grammar::ByteRange range, std::string message, std::optional<Fix> fix = {}) const {
    findings.push_back(Finding{&rule, range, std::move(message), std::move(fix)});
  }
};

using RuleCheck = void (*)(const RuleContext&);

/// A rule as the registry lists it: its facts, the name of its `.scm` query file (empty when it
/// needs none), the function that checks it, and the module a file must import for the rule to
/// have anything to find (empty: every file).
struct RuleDefinition {
  RuleInfo info;
  std::string_view query_name;
  RuleCheck check;
  std::string_view needs_import;
};

/// The embedded name of a rule's query file: "rules/NAME.scm".
inline std::string query_file(const RuleDefinition& rule) {
  return "rules/" + std::string(rule.query_name) + ".scm";
}

/// Every rule pyfaq knows, in code order.
std::span<const RuleDefinition> all_rules();

/// The rule with this code (`PFQ301`) or name (`signal-handler-arity`), if any.
const RuleDefinition* find_rule(std::string_view code_or_name);

}  // namespace pyfaq::knowledge
