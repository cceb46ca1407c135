// JSON-RPC 2.0 as LSP uses it: error codes, ids, and the shapes of outgoing messages.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace pyfaq::protocol {

using Json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

/// Thrown by a handler to answer its request with an error.
class RpcError : public std::runtime_error {
 public:
  RpcError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

/// Whether a JSON value may serve as a request id (a number or a string).
inline bool is_valid_id(const Json& id) {
  return id.is_number_integer() || id.is_string();
}

inline Json make_response(const Json& id, Json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

inline Json make_error(const Json& id, ErrorCode code, const std::string& message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

inline Json make_notification(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

/// A request; null params are left out (JSON-RPC allows only an object or an array there).
inline Json make_request(const Json& id, const std::string& method, Json params) {
  Json request{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) request["params"] = std::move(params);
  return request;
}

}  // namespace pyfaq::protocol
