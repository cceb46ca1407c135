// Questions rules ask of calls, answered through name resolution.
#pragma once

#include <initializer_list>
#include <string_view>

#include "grammar/semantic_model.h"
#include "grammar/syntax.h"
#include "knowledge/rule.h"

namespace pyfaq::knowledge::rules {

/// Whether `node` (parentheses aside) is a call of a function whose qualified name is one of
/// `names` (`os.popen`, `builtins.open`).
inline bool is_call_to(const grammar::SemanticModel& model, TSNode node,
                       std::initializer_list<std::string_view> names) {
  node = grammar::skip_parentheses(node);
  if (!grammar::is_type(node, "call")) return false;
  const auto name = model.qualified_name(grammar::field(node, "function"));
  if (!name) return false;
  for (const std::string_view candidate : names) {
    if (*name == candidate) return true;
  }
  return false;
}

/// Calls `visit(call, function, arguments)` for each match of a rule whose query has the call
/// rules' shape: `(call function: ... @call.function arguments: ... @call.arguments) @call`.
template <typename Visit>
void for_each_call_match(const RuleContext& context, Visit visit) {
  const grammar::RuleQuery& query = *context.query;
  const auto call = query.capture("call");
  const auto function = query.capture("call.function");
  const auto arguments = query.capture("call.arguments");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    visit(match.get(call), match.get(function), match.get(arguments));
  });
}

}  // namespace pyfaq::knowledge::rules
