// Re-analysis after an edit: redo only the functions whose bodies changed, reuse the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "knowledge/analysis.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

/// A def not nested in another def: the unit an edit inside a function body re-analyses.
struct Unit {
  grammar::ByteRange definition;  // the whole function_definition
  grammar::ByteRange body;  // from the header's `:` to the end, so comments before the block too
};

/// A module's code outside the unit bodies: what must stay the same for a re-analysis to redo
/// only the units.
struct Outline {
  std::vector<Unit> units;  // in source order
  /// The syntax outside the unit bodies, comments and docstrings left out: each node's kind and
  /// nesting, each token's text. Equal signatures: the same code, laid out, commented or
  /// documented differently.
  std::string signature;
};

Outline read_outline(const grammar::Document& document);

/// One analysis of one version of a document, with what re-analysing a later version needs.
struct AnalysisResult {
  std::vector<Finding> findings;      // sorted, suppressed ones dropped
  std::vector<Finding> unsuppressed;  // everything the rules found
  Outline outline;
  std::vector<bool> running;                // per RuleSet entry: whether it ran
  std::vector<bool> reads_other_functions;  // per RuleSet entry: see RuleRun
  std::size_t reanalysed_units = 0;         // how many units a re-analysis redid
  bool incremental = false;                 // made from an earlier result
  std::string_view why_from_scratch;        // a re-analysis that could not reuse: why
};

/// Analyses a document from scratch.
AnalysisResult analyze_document(const grammar::Document& document,
                                const grammar::SemanticModel& model, const RuleSet& rules);

/// Analyses `after`, a later version of `before` whose analysis under the same `rules` is
/// `previous`. When the edits changed only function bodies, comments and layout (equal outline
/// signatures; no changed body imports or declares `global`), and every rule that runs has
/// Reach::Function and read no other function's body, only the changed functions are
/// re-analysed: with a model that sees of the other defs only their names, and the query
/// matches that intersect the changed ones; every other finding is carried over, moved by the
/// edits. Otherwise `after` is analysed from scratch. Either way the findings are those
/// `analyze_document` gives.
AnalysisResult reanalyze(const grammar::Document& before, const AnalysisResult& previous,
                         const grammar::Document& after, const RuleSet& rules);

}  // namespace pyfaq::knowledge
