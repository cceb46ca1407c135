// The text of a document and its line table: byte offsets <-> lines and columns in any unit.
#include "grammar/text_buffer.h"

#include <algorithm>

#include "grammar/utf8.h"

namespace pyfaq::grammar {

namespace {
std::size_t units_of(std::size_t sequence_length, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Utf8:
      return std::max<std::size_t>(sequence_length, 1);
    case ColumnUnit::Utf16:
      return utf16_units_for_sequence(sequence_length);
    case ColumnUnit::Utf32:
      return 1;
  }
  return 1;
}
}  // namespace

TextBuffer::TextBuffer(std::string text) : text_(std::move(text)) {
  index_lines();
}

void TextBuffer::index_lines() {
  line_starts_.assign(1, 0);
  newline_offsets_.clear();
  index_lines(0, text_.size(), true);
}

void TextBuffer::index_lines(std::size_t from, std::size_t until, bool start_at_until) {
  // Line starts and newlines in [from, until); a line start at `until` itself only if asked.
  for (std::size_t i = from; i < until; ++i) {
    const char c = text_[i];
    if (c == '\n') {
      newline_offsets_.push_back(i);
      if (i + 1 < until || start_at_until) line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') {
        newline_offsets_.push_back(i + 1);
        ++i;
      }
      if (i + 1 < until || start_at_until) line_starts_.push_back(i + 1);
    }
  }
}

std::size_t TextBuffer::line_start(std::size_t line) const {
  return line < line_starts_.size() ? line_starts_[line] : text_.size();
}

std::size_t TextBuffer::line_content_end(std::size_t line) const {
  if (line + 1 >= line_starts_.size()) return text_.size();
  std::size_t end = line_starts_[line + 1];
  if (end > 0 && text_[end - 1] == '\n') --end;
  if (end > line_starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

std::size_t TextBuffer::line_of(std::size_t offset) const {
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(after - line_starts_.begin()) - 1;
}

LineColumn TextBuffer::to_line_column(std::size_t offset, ColumnUnit unit) const {
  offset = std::min(offset, text_.size());
  const std::size_t line = line_of(offset);
  const std::size_t limit = std::min(offset, line_content_end(line));
  std::size_t column = 0;
  for (std::size_t i = line_start(line); i < limit;) {
    const std::size_t length = std::max<std::size_t>(utf8_sequence_length(text_, i), 1);
    if (i + length > limit) break;
    column += units_of(length, unit);
    i += length;
  }
  return {line, column};
}

std::size_t TextBuffer::to_offset(LineColumn position, ColumnUnit unit) const {
  if (position.line >= line_starts_.size()) return text_.size();
  const std::size_t end = line_content_end(position.line);
  std::size_t offset = line_start(position.line);
  std::size_t column = 0;
  while (offset < end && column < position.column) {
    const std::size_t length = std::max<std::size_t>(utf8_sequence_length(text_, offset), 1);
    const std::size_t units = units_of(length, unit);
    if (column + units > position.column) break;  // the column falls inside this character
    column += units;
    offset += length;
  }
  return offset;
}

TSPoint TextBuffer::to_ts_point(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::lower_bound(newline_offsets_.begin(), newline_offsets_.end(), offset);
  const std::size_t row = static_cast<std::size_t>(after - newline_offsets_.begin());
  const std::size_t row_start = row == 0 ? 0 : newline_offsets_[row - 1] + 1;
  return TSPoint{static_cast<uint32_t>(row), static_cast<uint32_t>(offset - row_start)};
}

void TextBuffer::replace(ByteRange range, std::string_view replacement) {
  const std::size_t start = std::min(range.start, text_.size());
  const std::size_t end = std::clamp(range.end, start, text_.size());
  // Only the lines around the edit are indexed again: from the start of the line before it
  // (a "\r" there may join a "\n" the edit brings) to the start of the second line after it
  // (whose terminator the edit cannot have touched); the later ones move by the size change.
  const std::size_t first_line = line_of(start);
  const std::size_t from = line_starts_[first_line > 0 ? first_line - 1 : 0];
  const std::size_t after_line = line_of(end) + 2;
  const bool to_text_end = after_line >= line_starts_.size();
  const std::size_t old_until = to_text_end ? text_.size() : line_starts_[after_line];
  text_.replace(start, end - start, replacement);
  const std::size_t new_until =
      to_text_end ? text_.size() : old_until - (end - start) + replacement.size();
  const auto moved_tail = [&](std::vector<std::size_t>& offsets, bool keep_from) {
    const auto kept_end = keep_from ? std::upper_bound(offsets.begin(), offsets.end(), from)
                                    : std::lower_bound(offsets.begin(), offsets.end(), from);
    const auto tail_begin =
        to_text_end ? offsets.end() : std::lower_bound(offsets.begin(), offsets.end(), old_until);
    std::vector<std::size_t> tail(tail_begin, offsets.end());
    for (std::size_t& offset : tail) offset = offset - old_until + new_until;
    offsets.erase(kept_end, offsets.end());
    return tail;
  };
  std::vector<std::size_t> starts_tail = moved_tail(line_starts_, true);
  std::vector<std::size_t> newlines_tail = moved_tail(newline_offsets_, false);
  index_lines(from, new_until, to_text_end);
  line_starts_.insert(line_starts_.end(), starts_tail.begin(), starts_tail.end());
  newline_offsets_.insert(newline_offsets_.end(), newlines_tail.begin(), newlines_tail.end());
}

}  // namespace pyfaq::grammar
