// workspace/diagnostic: the tips of the workspace's closed files, pulled by the client, with a
// result id per file so that what did not change is reported as `unchanged`.
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

Json workspace_diagnostic(Session& session, const Json& params) {
  if (!params.is_object()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams, "params must be an object");
  }
  std::map<std::string, std::string> previous;
  const Json ids = params.value("previousResultIds", Json::array());
  if (!ids.is_array()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                             "previousResultIds must be an array");
  }
  for (const Json& id : ids) {
    if (!id.is_object() || !id.contains("uri") || !id["uri"].is_string() || !id.contains("value") ||
        !id["value"].is_string()) {
      throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                               "previousResultIds holds { uri, value } strings");
    }
    previous[id["uri"].get<std::string>()] = id["value"].get<std::string>();
  }
  return session.workspace().report(previous);
}

}  // namespace pyfaq::server
