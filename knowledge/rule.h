// The contract between the analysis driver and one rule.
#pragma once

#include <cstdint>
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

  bool* reads_other_functions_flag = nullptr;  // set by reads_other_functions()
  /// Where the findings wanted lie: the whole text, or the functions a re-analysis redoes
  /// (findings elsewhere are dropped, so a rule may skip code outside it).
  grammar::ByteRange region{0, SIZE_MAX};

  std::string_view source() const { return document.text(); }
  /// Whether a node overlaps the region (see `region`).
  bool in_region(TSNode node) const {
    return ts_node_end_byte(node) >= region.start && ts_node_start_byte(node) <= region.end;
  }
  /// Says that what the rule decides about some code depends on the body of a def other than
  /// the one holding that code (or, for code outside every def, on any def's body). A rule with
  /// Reach::Function calls it before it reads another def's body, so that an edit inside one
  /// function is not re-analysed alone when it could change tips elsewhere.
  void reads_other_functions() const {
    if (reads_other_functions_flag) *reads_other_functions_flag = true;
  }
  void report(grammar::ByteRange range, std::string message, std::optional<Fix> fix = {}) const {
    findings.push_back(Finding{&rule, range, std::move(message), std::move(fix), rule.severity});
  }
};

using RuleCheck = void (*)(const RuleContext&);

/// How far from a finding the code it depends on may lie, which decides whether an edit inside
/// one function can be re-analysed alone.
enum class Reach {
  /// A finding inside a def depends on that def and on the code outside every def body (module
  /// statements, class bodies, def headers); one outside every def body only on that code. When
  /// the rule needs another def's body for some code, it says so first with
  /// RuleContext::reads_other_functions().
  Function,
  /// Anything in the module, always: every edit re-analyses the module while the rule runs.
  Module,
};

/// A rule as the registry lists it: its facts; the stem of its files `rules/STEM.cpp`,
/// `rules/STEM.md` (its doc) and, when `has_query`, `rules/STEM.scm`; the function that checks
/// it; the modules a file must import one of for the rule to have anything to find
/// (space-separated; empty: every file); and its reach.
struct RuleDefinition {
  RuleInfo info;
  std::string_view stem;
  bool has_query;
  RuleCheck check;
  std::string_view needs_import;
  Reach reach = Reach::Module;
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
