// pyfaq/debug/document: a document exactly as the server holds it (version, text, syntax tree),
// so that tests can compare it with the client's copy. Answered only under --debug-requests.
#include "grammar/tree_dump.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

Json pyfaq_debug_document(Session& session, const std::string& uri) {
  if (!session.options().debug_requests) {
    throw protocol::RpcError(protocol::ErrorCode::MethodNotFound,
                             "unknown method pyfaq/debug/document (needs --debug-requests)");
  }
  const std::optional<Snapshot> snapshot = session.documents().get(uri);
  if (!snapshot) return nullptr;
  const grammar::Document& document = *snapshot->document;
  return {{"version", snapshot->version},
          {"text", document.text()},
          {"tree", grammar::dump_tree(document.root())}};
}

}  // namespace pyfaq::server
