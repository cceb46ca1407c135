// The one table binding method names to handlers, alphabetized. `exit` and `$/cancelRequest`
// are handled by the main loop and the reader, which own the state they touch.
#include "lsp/protocol/protocol.h"
#include "lsp/server/binder.h"
#include "lsp/server/methods/methods.h"

namespace pyfaq::server {

const std::vector<MethodEntry>& method_table() {
  static const std::vector<MethodEntry> kTable{
      {"$/setTrace", nullptr, set_trace},
      {"initialize", initialize, nullptr},
      {"initialized", nullptr, initialized},
      {"pyfaq/debug/document", read_then(protocol::read_document_uri, pyfaq_debug_document),
       nullptr},
      {"shutdown", shutdown, nullptr},
      {"textDocument/codeAction",
       read_then(protocol::read_code_action_params, text_document_code_action), nullptr},
      {"textDocument/codeLens", read_then(protocol::read_document_uri, text_document_code_lens),
       nullptr},
      {"textDocument/diagnostic", text_document_diagnostic, nullptr},
      {"textDocument/didChange", nullptr,
       read_then(protocol::read_did_change, text_document_did_change)},
      {"textDocument/didClose", nullptr,
       read_then(protocol::read_document_uri, text_document_did_close)},
      {"textDocument/didOpen", nullptr,
       read_then(protocol::read_text_document_item, text_document_did_open)},
      {"textDocument/didSave", nullptr,
       read_then(protocol::read_document_uri, text_document_did_save)},
      {"textDocument/hover", read_then(protocol::read_position_params, text_document_hover),
       nullptr},
      {"window/workDoneProgress/cancel", nullptr, window_work_done_progress_cancel},
      {"workspace/diagnostic", workspace_diagnostic, nullptr},
      {"workspace/didChangeConfiguration", nullptr, workspace_did_change_configuration},
      {"workspace/didChangeWatchedFiles", nullptr, workspace_did_change_watched_files},
      {"workspace/didChangeWorkspaceFolders", nullptr, workspace_did_change_workspace_folders},
      {"workspace/executeCommand", workspace_execute_command, nullptr},
  };
  return kTable;
}

}  // namespace pyfaq::server
