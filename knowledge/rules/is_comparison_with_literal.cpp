// PFQ105 is-comparison-with-literal: `x is 1`, `s is "abc"`, `l is []` — identity tests against
// a literal, whose identity Python does not promise.
#include <string>
#include <unordered_set>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::is_type;
using grammar::node_text;
using grammar::node_type;

/// A number literal (integers and floats, imaginary ones included: the grammar folds `1j` into
/// them), optionally negated.
bool is_number_literal(TSNode node) {
  if (is_type(node, "unary_operator")) {
    if (!is_type(grammar::field(node, "operator"), "-")) return false;
    node = grammar::skip_parentheses(grammar::field(node, "argument"));
  }
  return is_type(node, "integer") || is_type(node, "float");
}

/// A literal whose identity is not promised: numbers, strings (bytes and f-strings too),
/// tuple/list/dict/set displays and comprehensions. None, True, False, `...` and names are the
/// singletons and sentinels `is` is meant for.
bool is_literal_operand(TSNode operand) {
  const TSNode node = grammar::skip_parentheses(operand);
  if (is_number_literal(node)) return true;
  static const std::unordered_set<std::string_view> kLiteralTypes{"string",
                                                                  "concatenated_string",
                                                                  "tuple",
                                                                  "list",
                                                                  "dictionary",
                                                                  "set",
                                                                  "list_comprehension",
                                                                  "set_comprehension",
                                                                  "dictionary_comprehension",
                                                                  "generator_expression"};
  return kLiteralTypes.contains(node_type(node));
}

/// A display or comprehension that builds a new mutable object each time it runs: no other
/// reference can be identical to it.
bool builds_new_object(TSNode operand) {
  const TSNode node = grammar::skip_parentheses(operand);
  static const std::unordered_set<std::string_view> kFreshTypes{"list",
                                                                "dictionary",
                                                                "set",
                                                                "list_comprehension",
                                                                "set_comprehension",
                                                                "dictionary_comprehension",
                                                                "generator_expression"};
  return kFreshTypes.contains(node_type(node));
}

/// The operands and operator tokens of a comparison chain, in order, comments aside.
struct Chain {
  std::vector<TSNode> operands;
  std::vector<TSNode> operators;  // operators[i] sits between operands[i] and operands[i + 1]
};

Chain read_chain(TSNode comparison) {
  Chain chain;
  grammar::TreeCursor cursor(comparison);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return chain;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (is_type(node, "comment")) continue;
    const char* field_name = ts_tree_cursor_current_field_name(cursor.get());
    if (field_name && std::string_view(field_name) == "operators") {
      chain.operators.push_back(node);
    } else if (ts_node_is_named(node)) {
      chain.operands.push_back(node);
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  return chain;
}

/// How the message names the other side: its text when it is short and on one line.
std::string describe(TSNode node, std::string_view source) {
  const std::string_view text = node_text(node, source);
  if (text.size() > 40 || text.find('\n') != std::string_view::npos) return {};
  return std::string(text);
}

void check_comparison(const RuleContext& context, TSNode comparison) {
  const Chain chain = read_chain(comparison);
  if (chain.operands.size() != chain.operators.size() + 1) return;  // error recovery
  for (std::size_t i = 0; i < chain.operators.size(); ++i) {
    const TSNode op = chain.operators[i];
    const bool negated = is_type(op, "is not");
    if (!negated && !is_type(op, "is")) continue;
    const TSNode left = chain.operands[i];
    const TSNode right = chain.operands[i + 1];
    const bool left_literal = is_literal_operand(left);
    const bool right_literal = is_literal_operand(right);
    if (!left_literal && !right_literal) continue;

    const std::string_view source = context.source();
    const std::string keyword = negated ? "is not" : "is";
    const std::string replacement = negated ? "!=" : "==";
    const std::string left_text = describe(left, source);
    const std::string right_text = describe(right, source);
    const std::string shown = !left_text.empty() && !right_text.empty()
                                  ? "`" + left_text + " " + keyword + " " + right_text + "`"
                                  : "this `" + keyword + "` test";
    std::string message;
    const TSNode literal = right_literal ? right : left;
    if (builds_new_object(literal)) {
      const std::string literal_text = describe(literal, source);
      const std::string builder =
          !literal_text.empty() && literal_text.size() <= 20 ? "`" + literal_text + "`"
          : is_type(grammar::skip_parentheses(literal), "list") ||
                  is_type(grammar::skip_parentheses(literal), "dictionary") ||
                  is_type(grammar::skip_parentheses(literal), "set")
              ? "the display"
              : "the comprehension";
      message = shown + " is always " + (negated ? "True" : "False") + ": " + builder +
                " builds a new object; compare values with `" + replacement + "`";
    } else {
      message = shown +
                " compares identity with a literal, which Python does not guarantee; compare "
                "values with `" +
                replacement + "`";
    }
    Fix fix{"Replace `" + keyword + "` with `" + replacement + "`",
            FixSafety::Safe,
            {TextEdit{{ts_node_start_byte(op), ts_node_end_byte(op)}, replacement}}};
    const grammar::ByteRange range{ts_node_start_byte(comparison), ts_node_end_byte(comparison)};
    context.report(range, std::move(message), std::move(fix));
    return;  // one tip per comparison
  }
}

}  // namespace

void check_is_comparison_with_literal(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto comparison = query.capture("comparison");
  std::unordered_set<const void*> seen;  // a chain with two `is` matches twice
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    const TSNode node = match.get(comparison);
    if (!seen.insert(node.id).second) return;
    check_comparison(context, node);
  });
}

}  // namespace pyfaq::knowledge::rules
