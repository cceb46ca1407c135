// textDocument/diagnostic: tips pulled by the client, with result ids so that an unchanged
// document costs nothing.
#include "lsp/server/diagnostics.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

Json text_document_diagnostic(Session& session, const Json& params) {
  const std::string uri = protocol::read_document_uri(params);
  const auto snapshot = session.documents().get(uri);
  if (!snapshot) {
    // VS Code pulls a document once more after closing it when workspace diagnostics are on:
    // what the workspace has of the file on disk, or nothing.
    if (auto report = session.workspace().closed_file_report(uri)) return std::move(*report);
    return {{"kind", "full"}, {"items", Json::array()}};
  }
  auto rules = session.rules_for(uri);  // first: it may notice a changed pyproject.toml
  const uint64_t generation = session.rules_generation();
  const std::string result_id =
      std::to_string(snapshot->version) + ":" + std::to_string(generation);
  if (const auto previous = params.find("previousResultId");
      previous != params.end() && previous->is_string() &&
      previous->get<std::string>() == result_id) {
    return {{"kind", "unchanged"}, {"resultId", result_id}};
  }
  Json items = Json::array();
  if (snapshot->is_python()) {
    const auto analysis = session.documents().analysis(*snapshot, std::move(rules));
    items = to_diagnostics(session, *snapshot, *analysis, session.links_for(uri));
  }
  return {{"kind", "full"}, {"resultId", result_id}, {"items", std::move(items)}};
}

}  // namespace pyfaq::server
