// Call arguments: positional and keyword ones as written, splats and generators noticed.
#include "grammar/call_arguments.h"

#include <gtest/gtest.h>

#include <string>

#include "grammar/document.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {
namespace {

/// The arguments of the first call in `source`.
CallArguments first_call(const Document& document) {
  TSNode call{};
  for_each_descendant(document.root(), [&](TSNode node) {
    if (is_type(node, "call")) call = node;
    return ts_node_is_null(call);
  });
  EXPECT_FALSE(ts_node_is_null(call));
  return read_arguments(field(call, "arguments"), document.text());
}

std::string text_of(const Document& document, TSNode node) {
  return std::string(node_text(node, document.text()));
}

TEST(CallArguments, SortsPositionalAndKeywordArguments) {
  const Document document("f(a, (b),  # note\n  c=1, d=x + y)\n");
  const CallArguments args = first_call(document);
  ASSERT_EQ(args.positional.size(), 2u);
  EXPECT_EQ(text_of(document, args.positional[0]), "a");
  EXPECT_EQ(text_of(document, args.positional[1]), "(b)");
  ASSERT_EQ(args.keywords.size(), 2u);
  EXPECT_EQ(args.keywords[0].name, "c");
  EXPECT_EQ(text_of(document, args.keyword("d")), "x + y");
  EXPECT_TRUE(ts_node_is_null(args.keyword("e")));
  EXPECT_EQ(args.count(), 4u);
  EXPECT_FALSE(args.has_splat);
  EXPECT_TRUE(args.understood);
}

TEST(CallArguments, NoticesSplats) {
  EXPECT_TRUE(first_call(Document("f(a, *rest)\n")).has_splat);
  EXPECT_TRUE(first_call(Document("f(**options)\n")).has_splat);
}

TEST(CallArguments, ALoneGeneratorIsOnePositionalArgument) {
  const Document document("sum(x for x in y)\n");
  const CallArguments args = first_call(document);
  EXPECT_TRUE(args.is_generator);
  ASSERT_EQ(args.positional.size(), 1u);
  EXPECT_EQ(text_of(document, args.positional[0]), "(x for x in y)");
}

TEST(CallArguments, EmptyCall) {
  const CallArguments args = first_call(Document("f()\n"));
  EXPECT_EQ(args.count(), 0u);
  EXPECT_TRUE(args.understood);
}

}  // namespace
}  // namespace pyfaq::grammar
