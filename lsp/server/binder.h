// Binds typed handlers to JSON: parameter readers turn the wrong shape into InvalidParams here,
// in one place, and every method is one line of the table.
#pragma once

#include <functional>
#include <string_view>

#include "lsp/protocol/json_rpc.h"

namespace pyfaq::server {

class Session;

using RequestHandler = std::function<protocol::Json(Session&, const protocol::Json& params)>;
using NotificationHandler = std::function<void(Session&, const protocol::Json& params)>;

/// Runs `reader` on the params and hands the typed result to `handler`. Any failure to read
/// (a missing field, a wrong type, nlohmann's own type errors) becomes InvalidParams.
template <typename Params, typename Handler>
auto read_then(Params (*reader)(const protocol::Json&), Handler handler) {
  return [reader, handler](Session& session, const protocol::Json& params) {
    Params typed;
    try {
      typed = reader(params);
    } catch (const protocol::RpcError&) {
      throw;
    } catch (const std::exception& error) {
      throw protocol::RpcError(protocol::ErrorCode::InvalidParams, error.what());
    }
    return handler(session, typed);
  };
}

struct MethodEntry {
  std::string_view method;
  RequestHandler request;            // set for requests
  NotificationHandler notification;  // set for notifications
};

/// The alphabetized table of every method the server handles.
const std::vector<MethodEntry>& method_table();

}  // namespace pyfaq::server
