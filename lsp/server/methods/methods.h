// One handler per LSP method, each in the file named after it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "lsp/protocol/protocol.h"

namespace pyfaq::server {

class Session;
using protocol::Json;

Json initialize(Session& session, const Json& params);
void initialized(Session& session, const Json& params);
Json shutdown(Session& session, const Json& params);
Json pyfaq_debug_document(Session& session, const std::string& uri);
void set_trace(Session& session, const Json& params);
void text_document_did_open(Session& session, const protocol::TextDocumentItem& item);
void text_document_did_change(Session& session, const protocol::DidChangeParams& params);
void text_document_did_close(Session& session, const std::string& uri);
void text_document_did_save(Session& session, const std::string& uri);
Json text_document_hover(Session& session, const protocol::TextDocumentPositionParams& params);
Json text_document_code_action(Session& session, const protocol::CodeActionParams& params);
Json text_document_diagnostic(Session& session, const Json& params);
Json text_document_code_lens(Session& session, const std::string& uri);
void window_work_done_progress_cancel(Session& session, const Json& params);
Json workspace_diagnostic(Session& session, const Json& params);
Json workspace_execute_command(Session& session, const Json& params);
void workspace_did_change_watched_files(Session& session, const Json& params);
void workspace_did_change_configuration(Session& session, const Json& params);
void workspace_did_change_workspace_folders(Session& session, const Json& params);
/// The workspace folders of `initialize` params (workspaceFolders, else rootUri, else rootPath).
std::vector<std::filesystem::path> initial_workspace_folders(const Json& params);

}  // namespace pyfaq::server
