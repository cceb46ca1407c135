// Offsets <-> line/column in UTF-8, UTF-16 and code points: ASCII, é, CJK, emoji, CRLF, lone CR.
#include "grammar/text_buffer.h"

#include <gtest/gtest.h>

#include <random>

namespace pyfaq::grammar {
namespace {

struct Case {
  const char* name;
  std::string text;
  std::size_t offset;
  LineColumn utf8, utf16, utf32;
};

void PrintTo(const Case& c, std::ostream* out) {
  *out << c.name;
}

class OffsetToPosition : public testing::TestWithParam<Case> {};

TEST_P(OffsetToPosition, EachUnitAndBack) {
  const Case& c = GetParam();
  const TextBuffer buffer(c.text);
  EXPECT_EQ(buffer.to_line_column(c.offset, ColumnUnit::Utf8), c.utf8);
  EXPECT_EQ(buffer.to_line_column(c.offset, ColumnUnit::Utf16), c.utf16);
  EXPECT_EQ(buffer.to_line_column(c.offset, ColumnUnit::Utf32), c.utf32);
  EXPECT_EQ(buffer.to_offset(c.utf8, ColumnUnit::Utf8), c.offset);
  EXPECT_EQ(buffer.to_offset(c.utf16, ColumnUnit::Utf16), c.offset);
  EXPECT_EQ(buffer.to_offset(c.utf32, ColumnUnit::Utf32), c.offset);
}

// "é" is 2 bytes / 1 unit, "中" 3 bytes / 1 unit, "😀" 4 bytes / 2 UTF-16 units.
INSTANTIATE_TEST_SUITE_P(
    Table, OffsetToPosition,
    testing::Values(Case{"ascii_start", "x = 1\ny = 2\n", 0, {0, 0}, {0, 0}, {0, 0}},
                    Case{"ascii_second_line", "x = 1\ny = 2\n", 8, {1, 2}, {1, 2}, {1, 2}},
                    Case{"ascii_end", "x = 1\ny = 2\n", 12, {2, 0}, {2, 0}, {2, 0}},
                    Case{"e_acute_after", "s = 'é'\n", 7, {0, 7}, {0, 6}, {0, 6}},
                    Case{"e_acute_before", "s = 'é'\n", 5, {0, 5}, {0, 5}, {0, 5}},
                    Case{"cjk", "中文 = 1\n", 6, {0, 6}, {0, 2}, {0, 2}},
                    Case{"cjk_second_line", "a\n中文x\n", 8, {1, 6}, {1, 2}, {1, 2}},
                    Case{"emoji_after", "x = '😀'\n", 9, {0, 9}, {0, 7}, {0, 6}},
                    Case{"emoji_then_ascii", "😀😀y\n", 8, {0, 8}, {0, 4}, {0, 2}},
                    Case{"crlf_line_two", "a = 1\r\nb = 2\r\n", 9, {1, 2}, {1, 2}, {1, 2}},
                    Case{"crlf_end_of_line", "a = 1\r\nb = 2\r\n", 5, {0, 5}, {0, 5}, {0, 5}},
                    Case{"lone_cr", "a\rb\rc", 4, {2, 0}, {2, 0}, {2, 0}},
                    Case{"mixed_endings", "a\r\nb\nc\rd", 7, {3, 0}, {3, 0}, {3, 0}},
                    Case{"empty", "", 0, {0, 0}, {0, 0}, {0, 0}}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(TextBuffer, CountsLinesAsLspDoes) {
  EXPECT_EQ(TextBuffer("").line_count(), 1u);
  EXPECT_EQ(TextBuffer("a").line_count(), 1u);
  EXPECT_EQ(TextBuffer("a\n").line_count(), 2u);
  EXPECT_EQ(TextBuffer("a\r\nb").line_count(), 2u);
  EXPECT_EQ(TextBuffer("a\rb\rc").line_count(), 3u);
  EXPECT_EQ(TextBuffer("\r\n\r\n").line_count(), 3u);
}

TEST(TextBuffer, ColumnPastLineEndClampsToLineEnd) {
  const TextBuffer buffer("abc\r\ndef\n");
  EXPECT_EQ(buffer.to_offset({0, 99}, ColumnUnit::Utf16), 3u);  // before "\r\n"
  EXPECT_EQ(buffer.to_offset({1, 99}, ColumnUnit::Utf16), 8u);
}

TEST(TextBuffer, LinePastEndClampsToEndOfText) {
  const TextBuffer buffer("abc\ndef");
  EXPECT_EQ(buffer.to_offset({2, 0}, ColumnUnit::Utf16), 7u);
  EXPECT_EQ(buffer.to_offset({1000, 5}, ColumnUnit::Utf16), 7u);
}

TEST(TextBuffer, HalfASurrogatePairMovesToTheCharacterStart) {
  const TextBuffer buffer("😀x");
  EXPECT_EQ(buffer.to_offset({0, 1}, ColumnUnit::Utf16), 0u);
  EXPECT_EQ(buffer.to_offset({0, 2}, ColumnUnit::Utf16), 4u);
}

TEST(TextBuffer, OffsetInsideACharacterMovesToItsStart) {
  const TextBuffer buffer("é中");
  EXPECT_EQ(buffer.to_line_column(1, ColumnUnit::Utf16), (LineColumn{0, 0}));
  EXPECT_EQ(buffer.to_line_column(3, ColumnUnit::Utf16), (LineColumn{0, 1}));
  EXPECT_EQ(buffer.to_line_column(4, ColumnUnit::Utf16), (LineColumn{0, 1}));
}

TEST(TextBuffer, OffsetBetweenCrAndLfIsTheLineEnd) {
  const TextBuffer buffer("ab\r\ncd");
  EXPECT_EQ(buffer.to_line_column(3, ColumnUnit::Utf16), (LineColumn{0, 2}));
}

TEST(TextBuffer, OffsetPastTheEndClamps) {
  const TextBuffer buffer("ab\ncd");
  EXPECT_EQ(buffer.to_line_column(500, ColumnUnit::Utf16), (LineColumn{1, 2}));
}

TEST(TextBuffer, InvalidBytesCountAsOneCharacterEach) {
  const TextBuffer buffer(
      "a\xff\xfe"
      "b");
  EXPECT_EQ(buffer.to_line_column(3, ColumnUnit::Utf16), (LineColumn{0, 3}));
  EXPECT_EQ(buffer.to_offset({0, 2}, ColumnUnit::Utf16), 2u);
}

TEST(TextBuffer, TreeSitterPointsCountOnlyNewlines) {
  const TextBuffer buffer("a\rb\r\nc");
  const TSPoint point = buffer.to_ts_point(5);  // "c"
  EXPECT_EQ(point.row, 1u);
  EXPECT_EQ(point.column, 0u);
  EXPECT_EQ(buffer.to_ts_point(2).row, 0u);  // "b" after a lone CR: same tree-sitter row
  EXPECT_EQ(buffer.to_ts_point(2).column, 2u);
}

TEST(TextBuffer, ReplaceUpdatesLines) {
  TextBuffer buffer("a\nb\nc");
  buffer.replace({1, 4}, "");  // drop "\nb\n"
  EXPECT_EQ(buffer.text(), "ac");
  EXPECT_EQ(buffer.line_count(), 1u);
  buffer.replace({1, 1}, "\r\n");
  EXPECT_EQ(buffer.line_count(), 2u);
  EXPECT_EQ(buffer.to_line_column(3, ColumnUnit::Utf16), (LineColumn{1, 0}));
  buffer.replace({50, 60}, "!");  // clamped to the end
  EXPECT_EQ(buffer.text(), "a\r\nc!");
}

// The line table is updated around each edit only: it must equal one built afresh.
TEST(TextBuffer, RandomReplacementsIndexLinesAsAFreshBuffer) {
  std::mt19937 random(7);
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n)(random);
  };
  static constexpr std::string_view kPieces[] = {"a", "\n", "\r", "\r\n", "bc", "\n\n", "é", ""};
  TextBuffer buffer("one\r\ntwo\nthree\rfour\n");
  for (int step = 0; step < 3000; ++step) {
    std::string replacement;
    for (std::size_t k = pick(3); k > 0; --k) replacement += kPieces[pick(std::size(kPieces) - 1)];
    const std::size_t start = pick(buffer.size());
    buffer.replace({start, start + pick(4)}, replacement);
    const TextBuffer fresh(buffer.text());
    ASSERT_EQ(buffer.line_count(), fresh.line_count()) << "step " << step;
    for (std::size_t line = 0; line < fresh.line_count(); ++line) {
      ASSERT_EQ(buffer.line_start(line), fresh.line_start(line)) << "step " << step;
    }
    for (std::size_t offset = 0; offset <= fresh.size(); ++offset) {
      const TSPoint a = buffer.to_ts_point(offset), b = fresh.to_ts_point(offset);
      ASSERT_EQ(a.row, b.row) << "step " << step << " offset " << offset;
      ASSERT_EQ(a.column, b.column) << "step " << step << " offset " << offset;
    }
  }
}

}  // namespace
}  // namespace pyfaq::grammar
