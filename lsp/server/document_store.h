// The documents the editor has open, exactly as the editor has them, and their latest analysis.
// Mutated by the main loop only; read by the diagnostics worker through immutable snapshots.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "knowledge/analysis.h"
#include "knowledge/incremental.h"
#include "lsp/protocol/protocol.h"

namespace pyfaq::server {

/// One version of one document, never modified once made: safe to share across threads.
struct Snapshot {
  std::string uri;
  std::string language_id;
  int32_t version = 0;
  std::shared_ptr<const grammar::Document> document;

  bool is_python() const { return language_id == "python"; }
};

/// Findings and names of one snapshot under one rule set.
class Analysis {
 public:
  /// `model`: the document's full model when already built (null: built when first asked for).
  Analysis(std::shared_ptr<const grammar::Document> document,
           std::shared_ptr<const knowledge::RuleSet> rules, knowledge::AnalysisResult result,
           std::shared_ptr<const grammar::SemanticModel> model = nullptr)
      : document(std::move(document)),
        rules(std::move(rules)),
        result(std::move(result)),
        model_(std::move(model)) {}

  const std::shared_ptr<const grammar::Document> document;  // keeps the model's text alive
  const std::shared_ptr<const knowledge::RuleSet> rules;    // what it was made under
  const knowledge::AnalysisResult result;

  const std::vector<knowledge::Finding>& findings() const { return result.findings; }
  /// The document's full semantic model, built on first use (a re-analysis builds only a
  /// partial one, for the functions it redid).
  std::shared_ptr<const grammar::SemanticModel> model() const;

 private:
  mutable std::mutex model_mutex_;
  mutable std::shared_ptr<const grammar::SemanticModel> model_;
};

class DocumentStore {
 public:
  void open(protocol::TextDocumentItem item);
  /// Applies the changes in order. Throws RpcError(InvalidParams) for an unknown document, in
  /// which case nothing changes. Positions out of range clamp; the result is always the text the
  /// editor has.
  void change(const protocol::DidChangeParams& params, grammar::ColumnUnit unit);
  bool close(const std::string& uri);

  std::optional<Snapshot> get(const std::string& uri) const;
  std::vector<std::string> uris() const;

  /// The analysis of the current version under `rules`, computed on first use and kept until
  /// the document or the rules change. It re-analyses from the document's previous analysis
  /// when that was made under the same rules.
  std::shared_ptr<const Analysis> analysis(const Snapshot& snapshot,
                                           std::shared_ptr<const knowledge::RuleSet> rules);
  /// Stores an analysis made elsewhere (the diagnostics worker) if it is still current.
  void remember(const std::string& uri, std::shared_ptr<const Analysis> analysis);

 private:
  struct Entry {
    Snapshot snapshot;
    std::shared_ptr<const Analysis> analysis;  // of `snapshot`, or null
    std::shared_ptr<const Analysis> latest;    // the newest one made, of any version
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

/// Analyses a snapshot: from `previous` (an analysis of an earlier version of the same document)
/// when given and made under the same rules, else from scratch.
std::shared_ptr<const Analysis> analyze_snapshot(const Snapshot& snapshot,
                                                 std::shared_ptr<const knowledge::RuleSet> rules,
                                                 const Analysis* previous = nullptr);

}  // namespace pyfaq::server
