// LSP meta-model checks of methods and of whole JSON-RPC messages (envelope, params, results).
#include "tests/lsp/metamodel.h"

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string_view>

#include "tests/lsp/metamodel_index.h"

namespace pyfaq::testing {

using nlohmann::json;

namespace {

// The type of a result the model leaves out: a void request answers null.
const json kNullType = {{"kind", "base"}, {"name", "null"}};
const json kNull = nullptr;
const json kDiscarded = json::value_t::discarded;

bool is_absent(const json& value) {
  return value.is_null() || value.is_discarded();
}

bool is_extension_method(const std::string& method) {
  return method.rfind("$/", 0) == 0;
}

bool is_int32(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>() <= 0x7fffffffULL;
  if (!value.is_number_integer()) return false;
  const auto number = value.get<std::int64_t>();
  return number >= -0x80000000LL && number <= 0x7fffffffLL;
}

// JSON-RPC members outside `allowed` are problems, like unknown properties in params.
void check_members(const json& object, std::initializer_list<std::string_view> allowed,
                   const std::string& prefix, const char* what,
                   std::vector<std::string>& problems) {
  for (const auto& [name, member] : object.items()) {
    bool known = false;
    for (const std::string_view member_name : allowed) known = known || member_name == name;
    if (!known) problems.push_back(prefix + name + ": not a member of " + what);
  }
}

void check_response_error(const json& error, std::vector<std::string>& problems) {
  if (!error.is_object()) {
    problems.push_back("error: expected ResponseError, got " + brief_value(error));
    return;
  }
  const auto code = error.find("code");
  if (code == error.end()) {
    problems.push_back("error: missing required property \"code\"");
  } else if (!is_int32(*code)) {
    problems.push_back("error.code: expected integer, got " + brief_value(*code));
  }
  const auto message = error.find("message");
  if (message == error.end()) {
    problems.push_back("error: missing required property \"message\"");
  } else if (!message->is_string()) {
    problems.push_back("error.message: expected string, got " + brief_value(*message));
  }
  check_members(error, {"code", "message", "data"}, "error.", "ResponseError", problems);
}

void append(std::vector<std::string>& into, std::vector<std::string> more) {
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
}

}  // namespace

MetaModel::MetaModel(std::shared_ptr<const ModelIndex> index) : index_(std::move(index)) {}

std::optional<MetaModel> MetaModel::load(const std::string& path) {
  std::ifstream file(path);
  if (!file) return std::nullopt;
  try {
    return MetaModel(std::make_shared<const ModelIndex>(json::parse(file)));
  } catch (const json::exception&) {
    return std::nullopt;
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

bool MetaModel::knows_method(const std::string& method) const {
  return index_->request(method) != nullptr || index_->notification(method) != nullptr;
}

std::vector<std::string> MetaModel::unknown_method(const std::string& method, bool is_other_kind,
                                                   const char* other_kind) const {
  if (is_other_kind) return {"method: \"" + method + "\" is " + other_kind + " in LSP 3.17"};
  // `$/` methods are protocol-dependent: a receiver may ignore them.
  if (is_extension_method(method)) return {};
  return {"method: unknown method \"" + method + "\""};
}

std::vector<std::string> MetaModel::check_notification(const std::string& method,
                                                       const json& params) const {
  const json* definition = index_->notification(method);
  if (definition == nullptr) {
    return unknown_method(method, index_->request(method) != nullptr, "a request");
  }
  return check_params(*definition, params);
}

std::vector<std::string> MetaModel::check_request(const std::string& method,
                                                  const json& params) const {
  const json* definition = index_->request(method);
  if (definition == nullptr) {
    return unknown_method(method, index_->notification(method) != nullptr, "a notification");
  }
  return check_params(*definition, params);
}

std::vector<std::string> MetaModel::check_params(const json& definition, const json& params) const {
  const auto params_type = definition.find("params");
  if (params_type == definition.end()) {
    if (is_absent(params)) return {};
    return {"params: expected none (the method takes no params), got " + brief_value(params)};
  }
  std::vector<std::string> problems;
  TypeWalker walker(*index_);
  walker.report(params.is_discarded() ? kNull : params, *params_type, "params", problems);
  return problems;
}

std::vector<std::string> MetaModel::check_result(const std::string& method,
                                                 const json& result) const {
  const json* definition = index_->request(method);
  if (definition == nullptr) {
    return unknown_method(method, index_->notification(method) != nullptr, "a notification");
  }
  const auto result_type = definition->find("result");
  std::vector<std::string> problems;
  TypeWalker walker(*index_);
  walker.report(result, result_type == definition->end() ? kNullType : *result_type, "result",
                problems);
  return problems;
}

std::vector<std::string> MetaModel::check_message(
    const json& message, const MethodOfResponse& method_of_response) const {
  if (!message.is_object())
    return {"message: expected a JSON-RPC object, got " + brief_value(message)};
  std::vector<std::string> problems;
  const auto version = message.find("jsonrpc");
  if (version == message.end()) {
    problems.push_back("jsonrpc: missing, expected \"2.0\"");
  } else if (*version != "2.0") {
    problems.push_back("jsonrpc: expected \"2.0\", got " + brief_value(*version));
  }
  const auto id = message.find("id");
  const auto method = message.find("method");

  if (method != message.end()) {
    if (!method->is_string()) {
      problems.push_back("method: expected string, got " + brief_value(*method));
      return problems;
    }
    const bool is_request = id != message.end();
    // LSP narrows JSON-RPC's request id to integer | string.
    if (is_request && !is_int32(*id) && !id->is_string()) {
      problems.push_back("id: expected integer | string, got " + brief_value(*id));
    }
    check_members(message, {"jsonrpc", "id", "method", "params"}, "",
                  is_request ? "a request" : "a notification", problems);
    const auto params = message.find("params");
    if (params != message.end() && !params->is_object() && !params->is_array()) {
      problems.push_back("params: JSON-RPC params must be an object or array, got " +
                         brief_value(*params));
    }
    const json& params_value = params == message.end() ? kDiscarded : *params;
    append(problems, is_request ? check_request(*method, params_value)
                                : check_notification(*method, params_value));
    return problems;
  }

  if (id == message.end()) {
    problems.push_back("id: missing (a response carries its request's id; null if unknown)");
  } else if (!is_int32(*id) && !id->is_string() && !id->is_null()) {
    problems.push_back("id: expected integer | string | null, got " + brief_value(*id));
  }
  check_members(message, {"jsonrpc", "id", "result", "error"}, "", "a response", problems);
  const auto result = message.find("result");
  const auto error = message.find("error");
  if ((result == message.end()) == (error == message.end())) {
    problems.push_back("message: a response has exactly one of result and error");
  }
  if (error != message.end()) check_response_error(*error, problems);
  if (result != message.end() && id != message.end() && method_of_response) {
    if (const std::optional<std::string> answered = method_of_response(*id)) {
      append(problems, check_result(*answered, *result));
    }
  }
  return problems;
}

}  // namespace pyfaq::testing
