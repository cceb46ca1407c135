// Tips as LSP diagnostics, and the publisher that coalesces changes.
#include "lsp/server/diagnostics.h"

#include "lsp/server/positions.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

using protocol::Json;

namespace {
int lsp_severity(knowledge::Severity severity) {
  switch (severity) {
    case knowledge::Severity::Warning:
      return 2;
    case knowledge::Severity::Information:
      return 3;
    case knowledge::Severity::Hint:
      return 4;
  }
  return 4;
}
}  // namespace

Json to_diagnostic(const Session& session, const Snapshot& snapshot,
                   const knowledge::Finding& finding, const knowledge::LinkOptions& links) {
  const grammar::TextBuffer& text = snapshot.document->buffer();
  const grammar::ColumnUnit unit = session.client.position_unit;
  const std::string url = knowledge::faq_link(finding.rule->faq, links);
  Json diagnostic{
      {"range", protocol::to_json(to_range(text, finding.range, unit))},
      {"severity", lsp_severity(finding.severity)},
      {"code", finding.rule->code},
      {"source", "pyfaq"},
      {"message", finding.message},
  };
  if (session.client.diagnostic_code_description) diagnostic["codeDescription"] = {{"href", url}};
  Json data{{"rule", finding.rule->code}, {"version", snapshot.version}, {"faq", url}};
  if (finding.fix) {
    Json edits = Json::array();
    for (const knowledge::TextEdit& edit : finding.fix->edits) {
      edits.push_back({{"range", protocol::to_json(to_range(text, edit.range, unit))},
                       {"newText", edit.replacement}});
    }
    data["fix"] = {{"title", finding.fix->title},
                   {"safe", finding.fix->safety == knowledge::FixSafety::Safe},
                   {"edits", std::move(edits)}};
  }
  diagnostic["data"] = std::move(data);
  return diagnostic;
}

Json to_diagnostics(const Session& session, const Snapshot& snapshot, const Analysis& analysis,
                    const knowledge::LinkOptions& links) {
  Json items = Json::array();
  for (const knowledge::Finding& finding : analysis.findings()) {
    items.push_back(to_diagnostic(session, snapshot, finding, links));
  }
  return items;
}

DiagnosticsPublisher::DiagnosticsPublisher(Session& session, bool synchronous)
    : session_(session), synchronous_(synchronous) {
  if (!synchronous_) worker_ = std::thread([this] { run_worker(); });
}

DiagnosticsPublisher::~DiagnosticsPublisher() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (worker_.joinable()) worker_.join();
}

void DiagnosticsPublisher::schedule(const std::string& uri) {
  if (synchronous_) {
    publish(uri);
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    pending_.insert(uri);  // a set: a burst of changes becomes one analysis
  }
  wake_.notify_one();
}

void DiagnosticsPublisher::forget(const std::string& uri, bool clear) {
  {
    const std::lock_guard lock(mutex_);
    pending_.erase(uri);
  }
  if (!clear) return;
  session_.notify("textDocument/publishDiagnostics",
                  {{"uri", uri}, {"diagnostics", Json::array()}});
}

void DiagnosticsPublisher::run_worker() {
  for (;;) {
    std::string uri;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
      if (stopping_) return;
      uri = *pending_.begin();
      pending_.erase(pending_.begin());
    }
    try {
      publish(uri);
    } catch (const std::exception& error) {
      session_.logger().error("diagnostics for " + uri + " failed: " + error.what());
    }
  }
}

void DiagnosticsPublisher::publish(const std::string& uri) {
  const std::optional<Snapshot> snapshot = session_.documents().get(uri);
  if (!snapshot) return;
  if (!snapshot->document->parsed()) {
    session_.report_problems({uri + " is over " + std::to_string(grammar::kMaxParsedBytes >> 20) +
                              " MiB: pyfaq keeps it in sync but gives no tips or hovers for it"},
                             "");
  }
  const auto analysis = session_.documents().analysis(*snapshot, session_.rules_for(uri));
  Json diagnostics = to_diagnostics(session_, *snapshot, *analysis, session_.links_for(uri));
  const std::lock_guard lock(mutex_);
  // Publish only if this is still the document's current text. Checked and sent under the lock,
  // so nothing older can go out after it. (Not by version: a client whose versions go backwards
  // must still get tips for the text it has.)
  const std::optional<Snapshot> now = session_.documents().get(uri);
  if (!now || now->document != snapshot->document) return;
  session_.notify(
      "textDocument/publishDiagnostics",
      {{"uri", uri}, {"version", snapshot->version}, {"diagnostics", std::move(diagnostics)}});
}

}  // namespace pyfaq::server
