// What the client said it can do, read once from `initialize`.
#include "lsp/server/client_capabilities.h"

#include <initializer_list>

namespace pyfaq::server {

namespace {

using protocol::Json;

/// The value at a path of object keys, or null when any step is missing or not an object.
const Json* at_path(const Json& root, std::initializer_list<const char*> path) {
  const Json* node = &root;
  for (const char* key : path) {
    if (!node->is_object()) return nullptr;
    const auto found = node->find(key);
    if (found == node->end()) return nullptr;
    node = &*found;
  }
  return node;
}

bool flag(const Json& root, std::initializer_list<const char*> path) {
  const Json* value = at_path(root, path);
  return value && value->is_boolean() && value->get<bool>();
}

bool contains_string(const Json* array, const char* wanted) {
  if (!array || !array->is_array()) return false;
  for (const Json& item : *array) {
    if (item.is_string() && item.get<std::string>() == wanted) return true;
  }
  return false;
}

}  // namespace

const char* ClientCapabilities::position_encoding_name() const {
  switch (position_unit) {
    case grammar::ColumnUnit::Utf8:
      return "utf-8";
    case grammar::ColumnUnit::Utf32:
      return "utf-32";
    case grammar::ColumnUnit::Utf16:
      break;
  }
  return "utf-16";
}

ClientCapabilities read_client_capabilities(const Json& params) {
  ClientCapabilities client;
  const Json* capabilities = at_path(params, {"capabilities"});
  if (!capabilities) return client;
  const Json& caps = *capabilities;

  // UTF-8 is our native unit, so it wins whenever offered; UTF-16 is the mandatory default.
  const Json* encodings = at_path(caps, {"general", "positionEncodings"});
  if (contains_string(encodings, "utf-8")) {
    client.position_unit = grammar::ColumnUnit::Utf8;
  } else if (contains_string(encodings, "utf-32") && !contains_string(encodings, "utf-16")) {
    client.position_unit = grammar::ColumnUnit::Utf32;
  }

  const Json* formats = at_path(caps, {"textDocument", "hover", "contentFormat"});
  if (formats && formats->is_array()) {
    for (const Json& format : *formats) {
      if (!format.is_string()) continue;
      if (format == "markdown") client.hover_markdown = true;
      if (format == "markdown" || format == "plaintext") break;  // the client's first choice
    }
  }
  client.code_action_literals =
      at_path(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}) != nullptr;
  client.diagnostic_code_description =
      flag(caps, {"textDocument", "publishDiagnostics", "codeDescriptionSupport"});
  client.diagnostic_data = flag(caps, {"textDocument", "publishDiagnostics", "dataSupport"});
  // Pulling needs the refresh request too, or a settings change would never reach the client's
  // tips; a client that can pull but not be asked to re-pull gets pushes.
  client.pull_diagnostics = at_path(caps, {"textDocument", "diagnostic"}) != nullptr &&
                            flag(caps, {"workspace", "diagnostics", "refreshSupport"});
  client.document_changes = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  client.workspace_folders = flag(caps, {"workspace", "workspaceFolders"});
  client.configuration = flag(caps, {"workspace", "configuration"});
  client.show_document = flag(caps, {"window", "showDocument", "support"});
  client.work_done_progress = flag(caps, {"window", "workDoneProgress"});
  client.watched_files_dynamic =
      flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  client.code_lens = at_path(caps, {"textDocument", "codeLens"}) != nullptr;
  client.code_lens_refresh = flag(caps, {"workspace", "codeLens", "refreshSupport"});
  return client;
}

}  // namespace pyfaq::server
