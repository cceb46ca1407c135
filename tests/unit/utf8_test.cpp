// UTF-8 validation: well-formed sequences pass, every kind of malformed one is found.
#include "grammar/utf8.h"

#include <gtest/gtest.h>

namespace pyfaq::grammar {
namespace {

TEST(Utf8, WellFormedText) {
  EXPECT_EQ(first_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("é 中 😀 \xf4\x8f\xbf\xbf"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
}

TEST(Utf8, MalformedSequences) {
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);            // stray continuation
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xe0\x80\xaf"), 1u);     // overlong 3-byte
  EXPECT_EQ(first_invalid_utf8("\xed\xa0\x80"), 0u);      // UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("ok\xe4\xb8"), 2u);        // truncated at the end
  EXPECT_EQ(first_invalid_utf8("\xff"), 0u);
}

TEST(Utf8, SequenceLengths) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("é", 0), 2u);
  EXPECT_EQ(utf8_sequence_length("中", 0), 3u);
  EXPECT_EQ(utf8_sequence_length("😀", 0), 4u);
  EXPECT_EQ(utf8_sequence_length("😀", 1), 0u);
  EXPECT_EQ(utf8_sequence_length("a", 5), 0u);
}

TEST(Utf8, ReplacingInvalidBytes) {
  EXPECT_EQ(replace_invalid_utf8("ok é"), "ok é");
  EXPECT_EQ(replace_invalid_utf8("a\xff"
                                 "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(replace_invalid_utf8("\xe4\xb8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(first_invalid_utf8(replace_invalid_utf8("\xc0\xaf\xed\xa0\x80")), std::nullopt);
}

}  // namespace
}  // namespace pyfaq::grammar
