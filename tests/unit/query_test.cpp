// Every shipped .scm query compiles against the pinned grammar, uses no predicates, and names
// the captures its rule reads.
#include "grammar/query.h"

#include <gtest/gtest.h>

#include <variant>

#include "grammar/python_language.h"
#include "knowledge/analysis.h"
#include "knowledge/embedded_files.h"
#include "knowledge/rule.h"

namespace pyfaq {
namespace {

TEST(Queries, GrammarIsTheAbiThisCoreSpeaks) {
  const TSLanguage* language = grammar::python_language();
  EXPECT_EQ(ts_language_abi_version(language), 15u);
  grammar::ParserPtr parser = grammar::make_python_parser();
  EXPECT_EQ(ts_parser_language(parser.get()), language);
}

TEST(Queries, EveryEmbeddedQueryCompiles) {
  std::size_t queries = 0;
  for (const knowledge::EmbeddedFile& query : knowledge::embedded_files()) {
    if (!query.name.ends_with(".scm")) continue;
    ++queries;
    auto compiled = grammar::CompiledQuery::compile(query.content);
    ASSERT_TRUE(std::holds_alternative<grammar::CompiledQuery>(compiled))
        << query.name << ": " << std::get<std::string>(compiled);
    EXPECT_FALSE(std::get<grammar::CompiledQuery>(compiled).has_predicates())
        << query.name << " uses a predicate, which rules must check in C++ instead";
  }
  EXPECT_GE(queries, 1u);
}

TEST(Queries, EveryRuleHasItsDocAndQuery) {
  for (const knowledge::RuleDefinition& rule : knowledge::all_rules()) {
    EXPECT_FALSE(knowledge::embedded_file(knowledge::doc_file(rule)).empty())
        << rule.info.code << " has no doc " << knowledge::doc_file(rule);
    if (!rule.has_query) continue;
    EXPECT_FALSE(knowledge::embedded_file(knowledge::query_file(rule)).empty())
        << rule.info.code << " names a missing query " << knowledge::query_file(rule);
  }
  EXPECT_NO_THROW(knowledge::RuleSet::all());
}

TEST(Queries, ABrokenQueryIsReportedNotCrashed) {
  auto unknown_node = grammar::CompiledQuery::compile("(no_such_node) @x");
  ASSERT_TRUE(std::holds_alternative<std::string>(unknown_node));
  EXPECT_NE(std::get<std::string>(unknown_node).find("unknown node type"), std::string::npos);
  auto syntax = grammar::CompiledQuery::compile("(call");
  ASSERT_TRUE(std::holds_alternative<std::string>(syntax));
}

TEST(Queries, RuleCodesAndNamesAreUnique) {
  const auto rules = knowledge::all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    for (std::size_t j = i + 1; j < rules.size(); ++j) {
      EXPECT_NE(rules[i].info.code, rules[j].info.code);
      EXPECT_NE(rules[i].info.name, rules[j].info.name);
    }
    EXPECT_EQ(knowledge::find_rule(rules[i].info.code), &rules[i]);
    EXPECT_EQ(knowledge::find_rule(rules[i].info.name), &rules[i]);
  }
}

}  // namespace
}  // namespace pyfaq
