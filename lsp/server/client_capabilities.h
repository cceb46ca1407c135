// What the client said it can do, read once from `initialize`, with LSP's defaults where it
// said nothing.
#pragma once

#include "grammar/text_buffer.h"
#include "lsp/protocol/json_rpc.h"

namespace pyfaq::server {

struct ClientCapabilities {
  grammar::ColumnUnit position_unit = grammar::ColumnUnit::Utf16;
  bool hover_markdown = false;
  bool code_action_literals = false;
  bool diagnostic_code_description = false;
  bool diagnostic_data = false;
  bool pull_diagnostics = false;
  bool document_changes = false;
  bool workspace_folders = false;
  bool configuration = false;
  bool show_document = false;
  bool work_done_progress = false;     // window/workDoneProgress/create and $/progress
  bool watched_files_dynamic = false;  // client/registerCapability for didChangeWatchedFiles
  bool code_lens = false;
  bool code_lens_refresh = false;

  /// The `positionEncoding` to announce: "utf-8", "utf-16" or "utf-32".
  const char* position_encoding_name() const;
};

/// Reads `initialize` params; anything missing or of the wrong type counts as "not supported".
ClientCapabilities read_client_capabilities(const protocol::Json& initialize_params);

}  // namespace pyfaq::server
