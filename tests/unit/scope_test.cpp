// Scopes and parameter lists as the semantic layer sees them, and its robustness on odd input.
#include <gtest/gtest.h>

#include <string>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {
namespace {

TEST(Scopes, OneScopePerModuleClassFunctionLambdaAndComprehension) {
  const Document document(
      "class C:\n"
      "    def m(self):\n"
      "        return [x for x in (lambda y: y)(self)]\n"
      "g = (i for i in range(3))\n");
  const SemanticModel model = SemanticModel::build(document);
  ASSERT_EQ(model.scope_count(), 6u);
  EXPECT_EQ(model.scope(0).kind, ScopeKind::Module);
  EXPECT_EQ(model.scope(1).kind, ScopeKind::Class);
  EXPECT_EQ(model.scope(2).kind, ScopeKind::Function);
  EXPECT_EQ(model.scope(3).kind, ScopeKind::Comprehension);
  EXPECT_EQ(model.scope(4).kind, ScopeKind::Lambda);
  EXPECT_EQ(model.scope(5).kind, ScopeKind::Comprehension);
  // The lambda sits in the first iterable, which the enclosing method evaluates.
  EXPECT_EQ(model.scope(4).parent, std::optional<ScopeId>(2));
  EXPECT_EQ(model.bindings_in(0, "C").size(), 1u);
  EXPECT_EQ(model.bindings_in(1, "m").size(), 1u);
  EXPECT_EQ(model.bindings_in(0, "m").size(), 0u);
  EXPECT_EQ(model.bindings_in(2, "self").size(), 1u);
  EXPECT_EQ(model.bindings_in(3, "x").size(), 1u);
  EXPECT_EQ(model.bindings_in(4, "y").size(), 1u);
}

TEST(Scopes, ImportTargets) {
  const Document document(
      "import a.b.c\nimport d.e as f\nfrom g.h import i as j, k\nfrom . import l\n"
      "from ..m import n\nfrom o import *\n");
  const SemanticModel model = SemanticModel::build(document);
  const auto target = [&](std::string_view name) {
    const auto ids = model.bindings_in(kModuleScope, name);
    return ids.size() == 1 ? model.binding(ids[0]).import_target : std::string("?");
  };
  EXPECT_EQ(target("a"), "a");
  EXPECT_EQ(target("f"), "d.e");
  EXPECT_EQ(target("j"), "g.h.i");
  EXPECT_EQ(target("k"), "g.h.k");
  EXPECT_EQ(target("l"), ".l");
  EXPECT_EQ(target("n"), "..m.n");
  EXPECT_TRUE(model.scope(kModuleScope).has_wildcard_import);
}

TEST(Scopes, ImportedModules) {
  const Document document(
      "import a.b\nimport c.d as e\nfrom f.g import h\nfrom . import i\nfrom .j import k\n"
      "def fn():\n    import signal\n");
  const SemanticModel model = SemanticModel::build(document);
  for (const char* name : {"a", "c", "f", "signal"})
    EXPECT_TRUE(model.imports_module(name)) << name;
  for (const char* name : {"b", "e", "g", "h", "i", "j", "k", ""}) {
    EXPECT_FALSE(model.imports_module(name)) << name;
  }
}

ParameterList parameters_of(const Document& document) {
  TSNode def = ts_node_named_child(document.root(), 0);
  if (is_type(def, "expression_statement")) {  // f = lambda ...
    def = field(ts_node_named_child(def, 0), "right");
  }
  return read_parameters(field(def, "parameters"), document.text());
}

TEST(Parameters, EveryKind) {
  const Document document("def f(a, /, b: int, c=1, *args: int, d, e: int = 2, **kw): pass\n");
  const ParameterList list = parameters_of(document);
  EXPECT_TRUE(list.understood);
  ASSERT_EQ(list.positional.size(), 3u);
  EXPECT_EQ(list.positional[0].name, "a");
  EXPECT_EQ(list.positional[1].name, "b");
  EXPECT_FALSE(list.positional[1].has_default);
  EXPECT_TRUE(list.positional[2].has_default);
  EXPECT_TRUE(list.has_var_positional);
  ASSERT_EQ(list.keyword_only.size(), 2u);
  EXPECT_EQ(list.keyword_only[0].name, "d");
  EXPECT_TRUE(list.keyword_only[1].has_default);
  EXPECT_TRUE(list.has_var_keyword);
  EXPECT_EQ(node_text(list.positional[1].declaration, document.text()), "b: int");
}

TEST(Parameters, BareStarMakesKeywordOnly) {
  const Document document("def f(a, *, b): pass\n");
  const ParameterList list = parameters_of(document);
  EXPECT_EQ(list.positional.size(), 1u);
  EXPECT_EQ(list.keyword_only.size(), 1u);
  EXPECT_FALSE(list.has_var_positional);
}

TEST(Parameters, Lambda) {
  const Document document("f = lambda x, *y, z=3: 0\n");
  const ParameterList list = parameters_of(document);
  EXPECT_EQ(list.positional.size(), 1u);
  EXPECT_TRUE(list.has_var_positional);
  EXPECT_EQ(list.keyword_only.size(), 1u);
  EXPECT_TRUE(list.keyword_only[0].has_default);
}

TEST(Robustness, DeeplyNestedExpressionsDoNotExhaustTheStack) {
  const std::string parens =
      "x = " + std::string(10000, '(') + "signal" + std::string(10000, ')') + "\n";
  std::string chain = "import os\ny = os";
  for (int i = 0; i < 10000; ++i) chain += ".a";
  for (const std::string& text : {parens, chain, std::string(10000, '[')}) {
    const Document document(text);
    const SemanticModel model = SemanticModel::build(document);
    EXPECT_GE(model.scope_count(), 1u);
  }
  const Document document(chain);
  const SemanticModel model = SemanticModel::build(document);
  // The outermost attribute of the chain: the right-hand side of the assignment.
  const TSNode assignment = ts_node_named_child(ts_node_named_child(document.root(), 1), 0);
  const auto name = model.qualified_name(field(assignment, "right"));
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->size(), std::string("os").size() + 10000 * 2);
}

TEST(Robustness, BinaryGarbageParses) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919) % 256);
  const Document document(garbage);
  const SemanticModel model = SemanticModel::build(document);
  EXPECT_TRUE(ts_node_has_error(document.root()));
  EXPECT_GE(model.scope_count(), 1u);
}

}  // namespace
}  // namespace pyfaq::grammar
