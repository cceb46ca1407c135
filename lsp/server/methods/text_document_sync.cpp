// didOpen / didChange / didClose / didSave: keep the store exactly as the editor has the text.
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

void text_document_did_open(Session& session, const protocol::TextDocumentItem& item) {
  const std::string uri = item.uri;
  const bool python = item.language_id == "python";
  session.documents().open(item);
  session.workspace().document_opened(uri);
  if (python) session.schedule_diagnostics(uri);
}

void text_document_did_change(Session& session, const protocol::DidChangeParams& params) {
  session.documents().change(params, session.client.position_unit);
  const auto snapshot = session.documents().get(params.uri);
  if (snapshot && snapshot->is_python()) session.schedule_diagnostics(params.uri);
}

void text_document_did_close(Session& session, const std::string& uri) {
  if (!session.documents().close(uri)) return;
  session.forget_diagnostics(uri);
  session.workspace().document_closed(uri);
}

void text_document_did_save(Session&, const std::string&) {
  // Tips follow every change already; a save brings nothing new.
}

}  // namespace pyfaq::server
