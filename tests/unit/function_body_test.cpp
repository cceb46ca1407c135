// Where fixes add statements at the top of a function body: after the docstring, at the body's
// indentation, never into a body that shares the def's line.
#include "knowledge/rules/function_body.h"

#include <gtest/gtest.h>

#include <string>

#include "grammar/document.h"
#include "grammar/syntax.h"

namespace pyfaq::knowledge::rules {
namespace {

/// The text after inserting `lines` at the top of the first def's body, or "(none)".
std::string inserted(const std::string& text,
                     const std::vector<std::pair<int, std::string>>& lines) {
  const grammar::Document document(text);
  TSNode function{};
  grammar::for_each_descendant(document.root(), [&](TSNode node) {
    if (grammar::is_type(node, "function_definition")) function = node;
    return ts_node_is_null(function);
  });
  const auto top = body_top(function, document.text());
  if (!top) return "(none)";
  const TextEdit edit = top->insert(lines);
  std::string result = text;
  result.replace(edit.range.start, edit.range.end - edit.range.start, edit.replacement);
  return result;
}

TEST(FunctionBody, InsertsBeforeTheFirstStatement) {
  EXPECT_EQ(inserted("def f():\n    return 1\n", {{0, "global x"}}),
            "def f():\n    global x\n    return 1\n");
}

TEST(FunctionBody, SkipsTheDocstringAndComments) {
  EXPECT_EQ(inserted("def f():\n    \"\"\"Doc.\"\"\"\n    # note\n    return 1\n", {{0, "a = 1"}}),
            "def f():\n    \"\"\"Doc.\"\"\"\n    # note\n    a = 1\n    return 1\n");
}

TEST(FunctionBody, NestsByTheFilesOwnIndentationStep) {
  EXPECT_EQ(inserted("class C:\n  def m(self, p=[]):\n    p.append(1)\n",
                     {{0, "if p is None:"}, {1, "p = []"}}),
            "class C:\n  def m(self, p=[]):\n    if p is None:\n      p = []\n    p.append(1)\n");
  EXPECT_EQ(inserted("def f():\n\treturn 1\n", {{0, "if x:"}, {1, "y = 1"}}),
            "def f():\n\tif x:\n\t\ty = 1\n\treturn 1\n");
}

TEST(FunctionBody, RefusesBodiesWithoutARoom) {
  EXPECT_EQ(inserted("def f(): return 1\n", {{0, "global x"}}), "(none)");
  EXPECT_EQ(inserted("def f():\n    \"\"\"Only a docstring.\"\"\"\n", {{0, "global x"}}), "(none)");
}

TEST(FunctionBody, DecoratedAndAsyncDefs) {
  EXPECT_EQ(inserted("@dec\nasync def f():\n    return 1\n", {{0, "global x"}}),
            "@dec\nasync def f():\n    global x\n    return 1\n");
}

}  // namespace
}  // namespace pyfaq::knowledge::rules
