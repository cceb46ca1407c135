// window/workDoneProgress/cancel: the user cancelled the workspace scan from the editor.
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

void window_work_done_progress_cancel(Session& session, const Json& params) {
  const Json token = params.is_object() ? params.value("token", Json()) : Json();
  if (!token.is_string() && !token.is_number_integer()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                             "token must be a string or an integer");
  }
  if (!token.is_string() || !session.workspace().cancel(token.get<std::string>())) {
    session.logger().debug("no progress to cancel for token " + token.dump());
  }
}

}  // namespace pyfaq::server
