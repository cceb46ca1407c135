// The documents the editor has open, exactly as the editor has them, and their latest analysis.
#include "lsp/server/document_store.h"

#include "lsp/server/positions.h"

namespace pyfaq::server {

void DocumentStore::open(protocol::TextDocumentItem item) {
  Snapshot snapshot{item.uri, item.language_id, item.version,
                    std::make_shared<const grammar::Document>(std::move(item.text))};
  const std::string uri = snapshot.uri;  // the right side of `=` is evaluated first
  const std::lock_guard lock(mutex_);
  entries_[uri] = Entry{std::move(snapshot), nullptr, nullptr};
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
  bool edited = false;  // ranged changes wait for one re-parse
  for (const protocol::TextDocumentContentChangeEvent& change : params.changes) {
    if (!change.range) {
      next = std::make_shared<grammar::Document>(change.text);
      edited = false;
      continue;
    }
    if (!next) next = std::make_shared<grammar::Document>(*current);
    const grammar::ByteRange range = to_byte_range(next->buffer(), *change.range, unit);
    next->edit_text(range, change.text);
    edited = true;
  }
  if (edited) next->reparse();  // once for all the changes
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

std::shared_ptr<const grammar::SemanticModel> Analysis::model() const {
  const std::lock_guard lock(model_mutex_);
  if (!model_) {
    model_ =
        std::make_shared<const grammar::SemanticModel>(grammar::SemanticModel::build(*document));
  }
  return model_;
}

std::shared_ptr<const Analysis> analyze_snapshot(const Snapshot& snapshot,
                                                 std::shared_ptr<const knowledge::RuleSet> rules,
                                                 const Analysis* previous) {
  knowledge::AnalysisResult result;
  std::shared_ptr<const grammar::SemanticModel> model;
  if (snapshot.is_python()) {
    if (previous && previous->rules == rules) {
      result =
          knowledge::reanalyze(*previous->document, previous->result, *snapshot.document, *rules);
    } else {
      model = std::make_shared<const grammar::SemanticModel>(
          grammar::SemanticModel::build(*snapshot.document));
      result = knowledge::analyze_document(*snapshot.document, *model, *rules);
    }
  }
  return std::make_shared<const Analysis>(snapshot.document, std::move(rules), std::move(result),
                                          std::move(model));
}

std::shared_ptr<const Analysis> DocumentStore::analysis(
    const Snapshot& snapshot, std::shared_ptr<const knowledge::RuleSet> rules) {
  std::shared_ptr<const Analysis> previous;
  {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(snapshot.uri);
    if (found != entries_.end()) {
      const auto& current = found->second.analysis;
      if (current && current->document == snapshot.document && current->rules == rules) {
        return current;
      }
      previous = found->second.latest;
    }
  }
  auto analysis = analyze_snapshot(snapshot, std::move(rules), previous.get());
  remember(snapshot.uri, analysis);
  return analysis;
}

void DocumentStore::remember(const std::string& uri, std::shared_ptr<const Analysis> analysis) {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(uri);
  if (found == entries_.end()) return;
  if (found->second.snapshot.document == analysis->document) found->second.analysis = analysis;
  found->second.latest = std::move(analysis);
}

}  // namespace pyfaq::server
