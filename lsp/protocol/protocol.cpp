// The LSP types the server reads and writes: plain structs with the specification's field
// names, and strict readers that turn a wrong shape into InvalidParams.
#include "lsp/protocol/protocol.h"

#include <limits>

namespace pyfaq::protocol {

namespace {
[[noreturn]] void invalid(const char* key, const char* expected) {
  throw RpcError(ErrorCode::InvalidParams, std::string("`") + key + "` must be " + expected);
}
}  // namespace

const Json& require(const Json& object, const char* key) {
  if (!object.is_object()) invalid(key, "inside an object");
  const auto found = object.find(key);
  if (found == object.end()) invalid(key, "present");
  return *found;
}

std::string read_string(const Json& object, const char* key) {
  const Json& value = require(object, key);
  if (!value.is_string()) invalid(key, "a string");
  return value.get<std::string>();
}

int32_t read_int(const Json& object, const char* key) {
  const Json& value = require(object, key);
  if (!value.is_number_integer()) invalid(key, "an integer");
  const auto number = value.get<int64_t>();
  if (number < std::numeric_limits<int32_t>::min() ||
      number > std::numeric_limits<int32_t>::max()) {
    invalid(key, "a 32-bit integer");
  }
  return static_cast<int32_t>(number);
}

/// LSP's uinteger stops at 2^31 - 1; up to 2^32 - 1 is taken too (and clamps like any position
/// past the end), so that a change from a sloppy client is applied rather than lost.
uint32_t read_uint(const Json& object, const char* key) {
  const Json& value = require(object, key);
  if (!value.is_number_integer()) invalid(key, "an integer");
  if (value.is_number_unsigned()) {
    const auto number = value.get<uint64_t>();
    if (number > std::numeric_limits<uint32_t>::max()) invalid(key, "at most 2^32-1");
    return static_cast<uint32_t>(number);
  }
  const auto number = value.get<int64_t>();
  if (number < 0) invalid(key, "non-negative");
  if (number > std::numeric_limits<uint32_t>::max()) invalid(key, "at most 2^32-1");
  return static_cast<uint32_t>(number);
}

Position read_position(const Json& json) {
  return {read_uint(json, "line"), read_uint(json, "character")};
}

Range read_range(const Json& json) {
  return {read_position(require(json, "start")), read_position(require(json, "end"))};
}

std::string read_document_uri(const Json& params) {
  return read_string(require(params, "textDocument"), "uri");
}

TextDocumentItem read_text_document_item(const Json& params) {
  const Json& item = require(params, "textDocument");
  return {read_string(item, "uri"), read_string(item, "languageId"), read_int(item, "version"),
          read_string(item, "text")};
}

DidChangeParams read_did_change(const Json& params) {
  const Json& document = require(params, "textDocument");
  DidChangeParams result{read_string(document, "uri"), read_int(document, "version"), {}};
  const Json& changes = require(params, "contentChanges");
  if (!changes.is_array()) invalid("contentChanges", "an array");
  for (const Json& change : changes) {
    TextDocumentContentChangeEvent event;
    if (change.contains("range")) event.range = read_range(change.at("range"));
    event.text = read_string(change, "text");
    result.changes.push_back(std::move(event));
  }
  return result;
}

TextDocumentPositionParams read_position_params(const Json& params) {
  return {read_document_uri(params), read_position(require(params, "position"))};
}

CodeActionParams read_code_action_params(const Json& params) {
  CodeActionParams result{read_document_uri(params), read_range(require(params, "range")), {}, {}};
  const Json& context = require(params, "context");
  result.diagnostics = require(context, "diagnostics");
  if (!result.diagnostics.is_array()) invalid("diagnostics", "an array");
  if (context.contains("only")) {
    const Json& only = context.at("only");
    if (!only.is_array()) invalid("only", "an array");
    std::vector<std::string> kinds;
    for (const Json& kind : only) {
      if (!kind.is_string()) invalid("only", "an array of strings");
      kinds.push_back(kind.get<std::string>());
    }
    result.only = std::move(kinds);
  }
  return result;
}

Json to_json(const Position& position) {
  return {{"line", position.line}, {"character", position.character}};
}

Json to_json(const Range& range) {
  return {{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

}  // namespace pyfaq::protocol
