// Thousands of random edits applied incrementally give the same text and tree as a fresh parse.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "grammar/document.h"

namespace pyfaq::grammar {
namespace {

constexpr std::string_view kSeedSource = R"py(import signal, threading as th
from os import path as p


class Worker(th.Thread):
    """Counts things."""

    def __init__(self, n: int = 3, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.n = [[0] * n for _ in range(n)]

    def run(self):
        for i, row in enumerate(self.n):
            row[i] += 1
        return {k: v for k, v in zip("abc", range(3)) if v}


def handler(signum, frame):
    global counter
    counter = (lambda x=1: x + 1)()
    print(f"got {signum!r} at {frame}")


signal.signal(signal.SIGTERM, handler)
match p.sep:
    case "/" | "\\":
        pass
    case _:
        raise SystemExit("é中😀")
)py";

// Fragments that open and close brackets, strings and blocks, plus multi-byte characters.
constexpr std::string_view kFragments[] = {
    "(",           ")",      "[",      "]",      "{",      "}",    ":",      "\n",
    "    ",        "\"",     "'",      "\"\"\"", "#",      "def ", "class ", "lambda x: ",
    "if x:\n    ", "return", "x",      "self.",  "1.5",    " + ",  "é",      "😀",
    "\r\n",        "\\",     "async ", "await ", "yield ", "f\"{", "}\"",    ",",
    "=",           ":=",     "*",      "**",     "@dec\n", "\t"};

// Keeps edits on UTF-8 character boundaries, as an editor's would be.
std::size_t to_boundary(const std::string& text, std::size_t offset) {
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  return offset;
}

TEST(IncrementalParse, RandomEditsMatchAFreshParse) {
  std::mt19937 random(20261125);
  Document document{std::string(kSeedSource)};
  std::string expected_text(kSeedSource);
  constexpr int kEdits = 3000;
  for (int i = 0; i < kEdits; ++i) {
    const std::size_t size = expected_text.size();
    std::size_t start = to_boundary(expected_text, random() % (size + 1));
    std::size_t length = std::min<std::size_t>(random() % 12, size - start);
    std::size_t end = to_boundary(expected_text, start + length);
    if (end < start) end = start;
    std::string replacement;
    const int pieces = static_cast<int>(random() % 3);
    for (int k = 0; k < pieces; ++k) {
      replacement += kFragments[random() % std::size(kFragments)];
    }
    // Keep the document from growing without bound or vanishing.
    if (expected_text.size() > 4000) replacement.clear();
    if (expected_text.size() < 200) replacement += std::string(kSeedSource.substr(0, 200));

    expected_text.replace(start, end - start, replacement);
    document.edit({start, end}, replacement);

    ASSERT_EQ(document.text(), expected_text) << "edit " << i;
    const Document fresh{expected_text};
    ASSERT_EQ(document.syntax_tree_sexp(), fresh.syntax_tree_sexp())
        << "edit " << i << " replaced [" << start << ", " << end << ") with \"" << replacement
        << "\" in:\n"
        << expected_text;
  }
}

TEST(IncrementalParse, EditsReuseTheTreeAndKeepErrorsLocal) {
  Document document{"def f():\n    return 1\n\nx = 2\n"};
  document.edit({13, 21}, "return 1 +");  // a syntax error inside f
  EXPECT_TRUE(ts_node_has_error(document.root()));
  // The statement after the broken one still parses as an assignment.
  EXPECT_NE(document.syntax_tree_sexp().find("(assignment left: (identifier) right: (integer))"),
            std::string::npos);
  document.edit({13, 23}, "return 1");
  EXPECT_EQ(document.text(), "def f():\n    return 1\n\nx = 2\n");
  EXPECT_FALSE(ts_node_has_error(document.root()));
}

TEST(IncrementalParse, OutOfRangeEditsAreClamped) {
  Document document{"x = 1\n"};
  document.edit({100, 200}, "y = 2\n");
  EXPECT_EQ(document.text(), "x = 1\ny = 2\n");
  document.edit({4, 2}, "");  // end before start: an insertion point
  EXPECT_EQ(document.text(), "x = 1\ny = 2\n");
}

}  // namespace
}  // namespace pyfaq::grammar
