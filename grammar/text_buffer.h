// The text of a document and its line table: byte offsets <-> lines and columns in any unit.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyfaq::grammar {

/// A half-open range of byte offsets into a document's text.
struct ByteRange {
  std::size_t start = 0;
  std::size_t end = 0;
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

/// The unit a column is counted in: bytes, UTF-16 code units (LSP's default) or code points.
enum class ColumnUnit { Utf8, Utf16, Utf32 };

/// A zero-based line and a zero-based column counted in some ColumnUnit.
struct LineColumn {
  std::size_t line = 0;
  std::size_t column = 0;
  friend bool operator==(const LineColumn&, const LineColumn&) = default;
};

/// Text plus the start of every line. Lines end at "\n", "\r\n" or a lone "\r", as LSP counts
/// them; tree-sitter counts rows by "\n" alone, so tree-sitter points are computed separately.
class TextBuffer {
 public:
  explicit TextBuffer(std::string text = {});

  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  std::size_t line_count() const { return line_starts_.size(); }

  /// Offset of the first byte of `line`; the text's size for lines past the end.
  std::size_t line_start(std::size_t line) const;
  /// Offset just before the terminator of `line` (its content's end).
  std::size_t line_content_end(std::size_t line) const;
  /// The line holding `offset` (offsets past the end belong to the last line).
  std::size_t line_of(std::size_t offset) const;

  /// Line and column of `offset`, clamped to the text. An offset inside a multi-byte character or
  /// between "\r" and "\n" is moved back to the character's start.
  LineColumn to_line_column(std::size_t offset, ColumnUnit unit) const;
  /// Offset of a line and column. Past the end of a line clamps to its content's end; past the
  /// last line clamps to the end of the text; inside a character (half a surrogate pair) moves
  /// back to the character's start. Never fails.
  std::size_t to_offset(LineColumn position, ColumnUnit unit) const;

  /// The tree-sitter point (row by "\n", column in bytes) of `offset`.
  TSPoint to_ts_point(std::size_t offset) const;

  /// Replaces the bytes in `range` (clamped to the text) with `replacement`.
  void replace(ByteRange range, std::string_view replacement);

 private:
  void index_lines();
  void index_lines(std::size_t from, std::size_t until, bool start_at_until);

  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> newline_offsets_;  // every '\n', for tree-sitter rows
};

}  // namespace pyfaq::grammar
