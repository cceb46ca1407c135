// libFuzzer target: byte offsets <-> LSP positions in UTF-8, UTF-16 and UTF-32 over arbitrary
// bytes (invalid UTF-8, CR, CRLF, NUL), and the line index after replacements. Checks that
// conversions stay in range, keep order, round-trip at character boundaries, and that an edited
// buffer indexes its lines as a fresh one does.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "grammar/text_buffer.h"
#include "grammar/utf8.h"
#include "lsp/server/positions.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using pyfaq::grammar::ByteRange;
using pyfaq::grammar::ColumnUnit;
using pyfaq::grammar::LineColumn;
using pyfaq::grammar::TextBuffer;

/// Where a character starts: not inside a UTF-8 sequence, not between "\r" and "\n".
bool is_boundary(const std::string& text, std::size_t offset) {
  if (offset == 0 || offset >= text.size()) return true;
  if (text[offset - 1] == '\r' && text[offset] == '\n') return false;
  for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
    const std::size_t length = pyfaq::grammar::utf8_sequence_length(text, offset - back);
    if (length > back) return false;
  }
  return true;
}

void check_offsets(const TextBuffer& buffer, FuzzedDataProvider& input, ColumnUnit unit) {
  const std::string& text = buffer.text();
  std::size_t previous_offset = 0;
  LineColumn previous{};
  for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
    const LineColumn at = buffer.to_line_column(offset, unit);
    const std::size_t back = buffer.to_offset(at, unit);
    FUZZ_CHECK(back <= std::min(offset, text.size()));
    FUZZ_CHECK(buffer.to_line_column(back, unit) == at);
    if (offset <= text.size() && is_boundary(text, offset)) FUZZ_CHECK(back == offset);
    // Order is kept: a later offset is never at an earlier position.
    FUZZ_CHECK(at.line > previous.line ||
               (at.line == previous.line && at.column >= previous.column));
    FUZZ_CHECK(back >= previous_offset);
    previous = at;
    previous_offset = back;
    FUZZ_CHECK(buffer.to_ts_point(std::min(offset, text.size())).row <= buffer.line_count());
  }
  // Arbitrary positions, huge ones included, land on a boundary inside the text.
  for (int i = 0; i < 8 && input.remaining_bytes() > 0; ++i) {
    const uint32_t line = input.ConsumeBool() ? input.ConsumeIntegral<uint32_t>()
                                              : input.ConsumeIntegralInRange<uint32_t>(0, 8);
    const uint32_t character = input.ConsumeBool() ? input.ConsumeIntegral<uint32_t>()
                                                   : input.ConsumeIntegralInRange<uint32_t>(0, 12);
    const std::size_t offset = pyfaq::server::to_offset(buffer, {line, character}, unit);
    FUZZ_CHECK(offset <= text.size());
    FUZZ_CHECK(is_boundary(text, offset));
    const auto position = pyfaq::server::to_position(buffer, offset, unit);
    FUZZ_CHECK(pyfaq::server::to_offset(buffer, position, unit) == offset);
  }
}

void check_same_lines(const TextBuffer& edited) {
  const TextBuffer fresh(edited.text());
  FUZZ_CHECK(edited.line_count() == fresh.line_count());
  for (std::size_t line = 0; line <= fresh.line_count(); ++line) {
    FUZZ_CHECK(edited.line_start(line) == fresh.line_start(line));
    FUZZ_CHECK(edited.line_content_end(line) == fresh.line_content_end(line));
  }
  for (std::size_t offset = 0; offset <= fresh.size(); ++offset) {
    const TSPoint a = edited.to_ts_point(offset);
    const TSPoint b = fresh.to_ts_point(offset);
    FUZZ_CHECK(a.row == b.row && a.column == b.column);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider input(data, size);
  TextBuffer buffer(input.ConsumeRandomLengthString(1024));
  for (const ColumnUnit unit : {ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32}) {
    check_offsets(buffer, input, unit);
  }
  for (int edits = 0; edits < 4 && input.remaining_bytes() > 0; ++edits) {
    const std::size_t start = input.ConsumeIntegralInRange<std::size_t>(0, buffer.size() + 2);
    const std::size_t end = input.ConsumeIntegralInRange<std::size_t>(0, buffer.size() + 2);
    const std::string replacement = input.ConsumeRandomLengthString(64);
    std::string expected = buffer.text();
    const std::size_t from = std::min(start, expected.size());
    const std::size_t to = std::clamp(end, from, expected.size());
    expected.replace(from, to - from, replacement);
    buffer.replace(ByteRange{start, end}, replacement);
    FUZZ_CHECK(buffer.text() == expected);
    check_same_lines(buffer);
  }
  return 0;
}
