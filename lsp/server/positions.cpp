// LSP positions (line, character in the negotiated encoding) <-> byte offsets of a document.
#include "lsp/server/positions.h"

#include <algorithm>

namespace pyfaq::server {

std::size_t to_offset(const grammar::TextBuffer& text, protocol::Position position,
                      grammar::ColumnUnit unit) {
  return text.to_offset({position.line, position.character}, unit);
}

protocol::Position to_position(const grammar::TextBuffer& text, std::size_t offset,
                               grammar::ColumnUnit unit) {
  const grammar::LineColumn at = text.to_line_column(offset, unit);
  return {static_cast<uint32_t>(at.line), static_cast<uint32_t>(at.column)};
}

protocol::Range to_range(const grammar::TextBuffer& text, grammar::ByteRange range,
                         grammar::ColumnUnit unit) {
  return {to_position(text, range.start, unit), to_position(text, range.end, unit)};
}

grammar::ByteRange to_byte_range(const grammar::TextBuffer& text, protocol::Range range,
                                 grammar::ColumnUnit unit) {
  const std::size_t start = to_offset(text, range.start, unit);
  const std::size_t end = to_offset(text, range.end, unit);
  return {std::min(start, end), std::max(start, end)};
}

}  // namespace pyfaq::server
