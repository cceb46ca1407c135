// The documents the editor has open, exactly as the editor has them, and their latest analysis.
#include "lsp/server/document_store.h"

#include "lsp/server/positions.h"

namespace pyfaq::server {

void DocumentStore::open(protocol::TextDocumentItem item) {
  Snapshot snapshot{item.uri, item.language_id, item.version,
                    std::make_shared<const grammar::Document>(std::move(item.text))};
  const std::string uri = snapshot.uri;  // the right side of `=` is evaluated first
  const std::lock_guard lock(mutex_);
  entries_[uri] = Entry{std::move(snapshot), nullptr};
}

void DocumentStore::change(const protocol::DidChangeParams& params, grammar::ColumnUnit unit) {
  std::shared_ptr<const grammar::Document> current;
  {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(params.uri);
    if (found == entries_.end()) {
      throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                               "didChange for a document that is not open: " + params.uri);
    }
    current = found->second.snapshot.document;
  }
  // Edit a private copy, made only when an edit needs the old text; publish it only once every
  // change is applied.
  std::shared_ptr<grammar::Document> next;
  for (const protocol::TextDocumentContentChangeEvent& change : params.changes) {
    if (!change.range) {
      next = std::make_shared<grammar::Document>(change.text);
      continue;
    }
    if (!next) next = std::make_shared<grammar::Document>(*current);
    const grammar::ByteRange range = to_byte_range(next->buffer(), *change.range, unit);
    next->edit(range, change.text);
  }
  const std::lock_guard lock(mutex_);
  Entry& entry = entries_[params.uri];
  entry.snapshot.version = params.version;
  if (next) entry.snapshot.document = std::move(next);
  entry.analysis = nullptr;
}

bool DocumentStore::close(const std::string& uri) {
  const std::lock_guard lock(mutex_);
  return entries_.erase(uri) > 0;
}

std::optional<Snapshot> DocumentStore::get(const std::string& uri) const {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(uri);
  if (found == entries_.end()) return std::nullopt;
  return found->second.snapshot;
}

std::vector<std::string> DocumentStore::uris() const {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> result;
  for (const auto& [uri, entry] : entries_) result.push_back(uri);
  return result;
}

std::shared_ptr<const Analysis> analyze_snapshot(const Snapshot& snapshot,
                                                 std::shared_ptr<const knowledge::RuleSet> rules) {
  auto analysis = std::make_shared<Analysis>();
  analysis->document = snapshot.document;
  analysis->rules = std::move(rules);
  analysis->model = std::make_shared<const grammar::SemanticModel>(
      grammar::SemanticModel::build(*snapshot.document));
  if (snapshot.is_python()) {
    analysis->findings = knowledge::analyze(*snapshot.document, *analysis->model, *analysis->rules);
  }
  return analysis;
}

std::shared_ptr<const Analysis> DocumentStore::analysis(
    const Snapshot& snapshot, std::shared_ptr<const knowledge::RuleSet> rules) {
  {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(snapshot.uri);
    if (found != entries_.end() && found->second.analysis &&
        found->second.analysis->document == snapshot.document &&
        found->second.analysis->rules == rules) {
      return found->second.analysis;
    }
  }
  auto analysis = analyze_snapshot(snapshot, std::move(rules));
  remember(snapshot.uri, analysis);
  return analysis;
}

void DocumentStore::remember(const std::string& uri, std::shared_ptr<const Analysis> analysis) {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(uri);
  if (found != entries_.end() && found->second.snapshot.document == analysis->document) {
    found->second.analysis = std::move(analysis);
  }
}

}  // namespace pyfaq::server
