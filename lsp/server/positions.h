// LSP positions (line, character in the negotiated encoding) <-> byte offsets of a document.
#pragma once

#include "grammar/text_buffer.h"
#include "lsp/protocol/protocol.h"

namespace pyfaq::server {

/// Out-of-range positions clamp as LSP says: past a line's end to its end, past the last line
/// to the end of the text.
std::size_t to_offset(const grammar::TextBuffer& text, protocol::Position position,
                      grammar::ColumnUnit unit);
protocol::Position to_position(const grammar::TextBuffer& text, std::size_t offset,
                               grammar::ColumnUnit unit);
protocol::Range to_range(const grammar::TextBuffer& text, grammar::ByteRange range,
                         grammar::ColumnUnit unit);
grammar::ByteRange to_byte_range(const grammar::TextBuffer& text, protocol::Range range,
                                 grammar::ColumnUnit unit);

}  // namespace pyfaq::server
