// The LSP types the server reads and writes: plain structs with the specification's field
// names, and strict readers that turn a wrong shape into InvalidParams.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lsp/protocol/json_rpc.h"

namespace pyfaq::protocol {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

struct Range {
  Position start;
  Position end;
};

struct TextDocumentContentChangeEvent {
  std::optional<Range> range;  // absent: the whole text
  std::string text;
};

struct TextDocumentItem {
  std::string uri;
  std::string language_id;
  int32_t version = 0;
  std::string text;
};

struct DidChangeParams {
  std::string uri;
  int32_t version = 0;
  std::vector<TextDocumentContentChangeEvent> changes;
};

/// A text document and a position in it (hover and other position requests).
struct TextDocumentPositionParams {
  std::string uri;
  Position position;
};

struct CodeActionParams {
  std::string uri;
  Range range;
  Json diagnostics;  // the context's diagnostics, read through their `data`
  std::optional<std::vector<std::string>> only;
};

// Readers: each throws RpcError(InvalidParams) naming the first field with the wrong shape.
const Json& require(const Json& object, const char* key);
std::string read_string(const Json& object, const char* key);
int32_t read_int(const Json& object, const char* key);
uint32_t read_uint(const Json& object, const char* key);
Position read_position(const Json& json);
Range read_range(const Json& json);
std::string read_document_uri(const Json& params);  // params.textDocument.uri
TextDocumentItem read_text_document_item(const Json& params);
DidChangeParams read_did_change(const Json& params);
TextDocumentPositionParams read_position_params(const Json& params);
CodeActionParams read_code_action_params(const Json& params);

Json to_json(const Position& position);
Json to_json(const Range& range);

}  // namespace pyfaq::protocol
