// workspace/didChangeWatchedFiles: Python files, pyproject.toml, .gitignore and .python-version
// changed on disk (a checkout, a generator, another editor).
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"
#include "lsp/server/uri.h"

namespace pyfaq::server {

void workspace_did_change_watched_files(Session& session, const Json& params) {
  const Json changes = params.is_object() ? params.value("changes", Json()) : Json();
  if (!changes.is_array()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams, "changes must be an array");
  }
  bool settings_files = false;
  for (const Json& change : changes) {
    if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string() ||
        !change.contains("type") || !change["type"].is_number_integer()) {
      session.logger().warning("skipped a file event of the wrong shape: " + change.dump());
      continue;
    }
    const int type = change["type"].get<int>();
    if (type < 1 || type > 3) continue;
    const auto path = file_path_of(change["uri"].get<std::string>());
    if (!path) continue;
    const std::string name = path->filename().string();
    settings_files = settings_files || name == "pyproject.toml" || name == ".python-version";
    session.workspace().file_changed(*path, static_cast<FileChange>(type));
  }
  if (settings_files) {
    // The rules (re-read when pyproject.toml's time or size changes) and the docs version of
    // open documents may differ now.
    session.forget_python_versions();
    session.refresh_all_diagnostics();
  }
}

}  // namespace pyfaq::server
