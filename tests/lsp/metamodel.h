// Test helper: checks JSON-RPC messages against the LSP 3.17 meta-model (metaModel.json).
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pyfaq::testing {

class ModelIndex;

/// The LSP meta-model, able to say where a message departs from the shape it defines.
///
/// Every check returns human-readable problems, empty when the value conforms, each led by a
/// JSON path: `params.diagnostics[0].range.start.line: expected uinteger, got -1`. Checks are
/// strict: properties the model does not define are problems, except inside values typed
/// LSPAny, LSPObject or LSPArray. Methods under `$/` that the model lacks are accepted.
class MetaModel {
 public:
  /// Reads and indexes the meta-model; nullopt if the file is missing, unreadable or malformed.
  static std::optional<MetaModel> load(const std::string& path);

  /// Whether the model defines `method` as a request or a notification.
  bool knows_method(const std::string& method) const;

  /// Checks a notification's params (null or discarded when the message has none).
  std::vector<std::string> check_notification(const std::string& method,
                                              const nlohmann::json& params) const;

  /// Checks a request's params (null or discarded when the message has none).
  std::vector<std::string> check_request(const std::string& method,
                                         const nlohmann::json& params) const;

  /// Checks the result of a successful response to a request with `method`.
  std::vector<std::string> check_result(const std::string& method,
                                        const nlohmann::json& result) const;

  /// Names the method of the request a response answers; nullopt skips checking its result.
  using MethodOfResponse = std::function<std::optional<std::string>(const nlohmann::json& id)>;

  /// Checks a whole JSON-RPC message: the envelope (jsonrpc, id, members), then the params of a
  /// request or notification, or a response's error object or result.
  std::vector<std::string> check_message(const nlohmann::json& message,
                                         const MethodOfResponse& method_of_response) const;

 private:
  explicit MetaModel(std::shared_ptr<const ModelIndex> index);

  std::vector<std::string> check_params(const nlohmann::json& definition,
                                        const nlohmann::json& params) const;
  std::vector<std::string> unknown_method(const std::string& method, bool is_other_kind,
                                          const char* other_kind) const;

  std::shared_ptr<const ModelIndex> index_;
};

}  // namespace pyfaq::testing
