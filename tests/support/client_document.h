// An editor's copy of a document, written apart from the server's code: code points, lines as
// LSP counts them ("\n", "\r\n", lone "\r"), positions in UTF-8, UTF-16 or UTF-32 units, and
// the clamping the server documents (past a line's end: its end; past the last line: the end of
// the text; inside a character: its start; a reversed range: swapped). Tests apply the same
// edits to it and to the server, then compare.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyfaq::testing {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

struct ClientPosition {
  uint32_t line = 0;
  uint32_t character = 0;
};

class ClientDocument {
 public:
  ClientDocument(std::string_view utf8, PositionEncoding encoding);

  /// Replaces the range between two positions, as the server must.
  void replace(ClientPosition from, ClientPosition to, std::string_view utf8);
  void replace_all(std::string_view utf8);

  std::string text() const;  // UTF-8
  std::size_t code_points() const { return text_.size(); }
  std::size_t line_count() const { return line_starts_.size(); }
  /// Length of a line's content (without its terminator) in the encoding's units.
  std::size_t line_length(std::size_t line) const;

 private:
  /// Index into text_ of a position, clamped.
  std::size_t index_of(ClientPosition position) const;
  std::size_t content_end(std::size_t start) const;
  std::size_t units(char32_t c) const;
  void index_lines();

  std::u32string text_;
  PositionEncoding encoding_;
  std::vector<std::size_t> line_starts_;  // index of each line's first code point
};

/// UTF-8 <-> code points for valid text (tests generate only valid text).
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);

}  // namespace pyfaq::testing
