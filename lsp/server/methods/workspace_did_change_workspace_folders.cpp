// workspace/didChangeWorkspaceFolders: the folders whose pyproject.toml the server may read.
#include <algorithm>

#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"
#include "lsp/server/uri.h"

namespace pyfaq::server {

namespace {

/// The local paths of a WorkspaceFolder[]; entries of the wrong shape or scheme are skipped.
std::vector<std::filesystem::path> folder_paths(const Json& folders) {
  std::vector<std::filesystem::path> paths;
  if (!folders.is_array()) return paths;
  for (const Json& folder : folders) {
    if (!folder.is_object() || !folder.contains("uri") || !folder["uri"].is_string()) continue;
    if (auto path = file_path_of(folder["uri"].get<std::string>())) {
      paths.push_back(path->lexically_normal());
    }
  }
  return paths;
}

}  // namespace

std::vector<std::filesystem::path> initial_workspace_folders(const Json& params) {
  if (const auto folders = params.find("workspaceFolders");
      folders != params.end() && folders->is_array()) {
    return folder_paths(*folders);
  }
  if (const auto root = params.find("rootUri"); root != params.end() && root->is_string()) {
    if (auto path = file_path_of(root->get<std::string>())) return {path->lexically_normal()};
  }
  if (const auto root = params.find("rootPath"); root != params.end() && root->is_string()) {
    const std::filesystem::path path(root->get<std::string>());
    if (path.is_absolute()) return {path.lexically_normal()};
  }
  return {};
}

void workspace_did_change_workspace_folders(Session& session, const Json& params) {
  const Json event = params.is_object() ? params.value("event", Json::object()) : Json::object();
  if (!event.is_object()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams, "event must be an object");
  }
  std::vector<std::filesystem::path> folders = session.workspace_folders();
  for (const auto& removed : folder_paths(event.value("removed", Json::array()))) {
    std::erase(folders, removed);
  }
  for (auto& added : folder_paths(event.value("added", Json::array()))) {
    if (std::find(folders.begin(), folders.end(), added) == folders.end()) {
      folders.push_back(std::move(added));
    }
  }
  session.set_workspace_folders(std::move(folders));
  session.refresh_all_diagnostics();
}

}  // namespace pyfaq::server
