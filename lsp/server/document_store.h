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
struct Analysis {
  std::shared_ptr<const grammar::Document> document;  // keeps `model`'s text alive
  std::shared_ptr<const knowledge::RuleSet> rules;    // what it was made under
  std::vector<knowledge::Finding> findings;
  std::shared_ptr<const grammar::SemanticModel> model;
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
  /// the document or the rules change.
  std::shared_ptr<const Analysis> analysis(const Snapshot& snapshot,
                                           std::shared_ptr<const knowledge::RuleSet> rules);
  /// Stores an analysis made elsewhere (the diagnostics worker) if it is still current.
  void remember(const std::string& uri, std::shared_ptr<const Analysis> analysis);

 private:
  struct Entry {
    Snapshot snapshot;
    std::shared_ptr<const Analysis> analysis;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

/// Analyses a snapshot from scratch (no caching): findings and the semantic model.
std::shared_ptr<const Analysis> analyze_snapshot(const Snapshot& snapshot,
                                                 std::shared_ptr<const knowledge::RuleSet> rules);

}  // namespace pyfaq::server
