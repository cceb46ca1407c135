// What a name may hold (bound_values) and how a call's arguments bind (read_arguments).
#include "grammar/bound_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar/call_arguments.h"
#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {
namespace {

/// The last identifier `name` in the document (where the tests read it).
TSNode last_identifier(const Document& document, std::string_view name) {
  TSNode found{};
  for_each_descendant(document.root(), [&](TSNode node) {
    if (is_type(node, "identifier") && node_text(node, document.text()) == name) found = node;
    return true;
  });
  return found;
}

/// The texts of the values `x` may hold where it is last read, or "<unknown>".
std::string values_of_x(std::string source) {
  const Document document(std::move(source));
  const SemanticModel model = SemanticModel::build(document);
  const auto values = bound_values(model, last_identifier(document, "x"));
  if (!values) return "<unknown>";
  std::string out;
  for (const BoundValue& value : *values) {
    if (!out.empty()) out += " | ";
    out += node_text(value.value, document.text());
  }
  return out;
}

TEST(BoundValues, PlainStores) {
  EXPECT_EQ(values_of_x("x = open(p)\nuse(x)\n"), "open(p)");
  EXPECT_EQ(values_of_x("x: list = []\nuse(x)\n"), "[]");
  EXPECT_EQ(values_of_x("a = x = {}\nuse(x)\n"), "{}");
  EXPECT_EQ(values_of_x("x = b = set()\nuse(x)\n"), "set()");
  EXPECT_EQ(values_of_x("with open(p) as x:\n    use(x)\n"), "open(p)");
  EXPECT_EQ(values_of_x("if (x := f()):\n    use(x)\n"), "f()");
  EXPECT_EQ(values_of_x("x = []\nif c:\n    x = list(y)\nuse(x)\n"), "[] | list(y)");
}

TEST(BoundValues, ScopesAndGlobals) {
  EXPECT_EQ(values_of_x("x = {}\ndef f():\n    use(x)\n"), "{}");
  EXPECT_EQ(values_of_x("x = {}\ndef f():\n    x = []\n    use(x)\n"), "[]");
  EXPECT_EQ(values_of_x("x = {}\ndef g():\n    global x\n    x = y\ndef f():\n    use(x)\n"),
            "{} | y");
}

TEST(BoundValues, AnythingElseIsUnknown) {
  for (const char* source : {
           "def f(x):\n    use(x)\n",
           "import x\nuse(x)\n",
           "from m import x\nuse(x)\n",
           "for x in y:\n    use(x)\n",
           "x = []\nx += [1]\nuse(x)\n",
           "x, y = a, b\nuse(x)\n",
           "x = 1, 2\nuse(x)\n",
           "x = []\ndel x\nuse(x)\n",
           "def x():\n    pass\nuse(x)\n",
           "with open(p) as (x, y):\n    use(x)\n",
           "x: list\nuse(x)\n",
           "use(x)\n",
           "use(len)\n",
       }) {
    EXPECT_EQ(values_of_x(source), "<unknown>") << source;
  }
}

TEST(CallArguments, SortsPositionalKeywordsAndSplats) {
  const Document document("f(a, b, c=1, *d, e, **g)  # done\nh(p, # why\n  q)\nk(x for x in y)\n");
  std::vector<TSNode> calls;
  for_each_descendant(document.root(), [&](TSNode node) {
    if (is_type(node, "call")) calls.push_back(node);
    return true;
  });
  ASSERT_EQ(calls.size(), 3u);
  const CallArguments first = read_arguments(field(calls[0], "arguments"), document.text());
  EXPECT_TRUE(first.understood);
  EXPECT_EQ(first.positional.size(), 3u);
  EXPECT_EQ(first.leading_positional, 2u);
  EXPECT_TRUE(first.has_splat);
  EXPECT_FALSE(first.has_comment);
  EXPECT_EQ(node_text(argument_at(first, 1, "b"), document.text()), "b");
  EXPECT_TRUE(ts_node_is_null(argument_at(first, 2, "e")));  // after *d: position unknown
  EXPECT_EQ(node_text(keyword_value(first, "c"), document.text()), "1");

  const CallArguments second = read_arguments(field(calls[1], "arguments"), document.text());
  EXPECT_EQ(second.positional.size(), 2u);
  EXPECT_TRUE(second.has_comment);
  EXPECT_TRUE(ts_node_is_null(argument_at(second, 2, "mode")));

  // `f(x for x in y)`: one generator expression, passed as the only positional argument.
  const CallArguments third = read_arguments(field(calls[2], "arguments"), document.text());
  EXPECT_TRUE(third.is_generator);
  EXPECT_EQ(third.positional.size(), 1u);
}

}  // namespace
}  // namespace pyfaq::grammar
