// PFQ202 float-equality-comparison: `0.1 + 0.2 == 0.3`, `total == 1.1` after `total += 0.1` —
// exact equality on floats computed in binary, where a decimal literal has no exact value.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::skip_parentheses;

// ---- Exact representability of a decimal literal -----------------------------------------

/// A non-negative integer as decimal digits, most significant first, without leading zeros.
using Digits = std::vector<uint8_t>;

/// Divides `digits` by `divisor` in place when it divides exactly; false (unchanged) otherwise.
bool divide_exactly(Digits& digits, uint32_t divisor) {
  Digits quotient;
  uint32_t remainder = 0;
  for (uint8_t digit : digits) {
    remainder = remainder * 10 + digit;
    const uint32_t q = remainder / divisor;
    remainder %= divisor;
    if (!quotient.empty() || q != 0) quotient.push_back(static_cast<uint8_t>(q));
  }
  if (remainder != 0) return false;
  digits = std::move(quotient);
  return true;
}

/// Multiplies `digits` by a small factor in place.
void multiply(Digits& digits, uint32_t factor) {
  uint32_t carry = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    const uint32_t value = *it * factor + carry;
    *it = static_cast<uint8_t>(value % 10);
    carry = value / 10;
  }
  while (carry != 0) {
    digits.insert(digits.begin(), static_cast<uint8_t>(carry % 10));
    carry /= 10;
  }
}

/// Whether `digits` (odd, nonzero) is below 2^53, i.e. fits a double's significand.
bool fits_significand(const Digits& digits) {
  if (digits.size() > 16) return false;
  uint64_t value = 0;
  for (uint8_t digit : digits) value = value * 10 + digit;
  return value < (uint64_t{1} << 53);
}

/// Whether the decimal value of a float literal's text (`0.1`, `1_000.5`, `1e-3`, `.5`) differs
/// from the double Python makes of it: computed exactly as digits * 10^exponent, reduced to
/// odd * 2^power, which a double holds iff odd < 2^53 and the power is in range. Nullopt when the
/// text is not a plain decimal float (an imaginary literal, a malformed token).
std::optional<bool> is_inexact_decimal(std::string_view text) {
  Digits digits;
  int64_t exponent = 0;
  bool seen_point = false;
  bool seen_digit = false;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') continue;
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (!digits.empty() || c != '0') digits.push_back(static_cast<uint8_t>(c - '0'));
      if (seen_point) --exponent;
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    int64_t written = 0;
    bool any = false;
    for (; i < text.size(); ++i) {
      if (text[i] == '_') continue;
      if (text[i] < '0' || text[i] > '9') return std::nullopt;  // `1e5j` and the like
      any = true;
      if (written < 100000) written = written * 10 + (text[i] - '0');
    }
    if (!any) return std::nullopt;
    exponent += negative ? -written : written;
  }
  if (digits.empty()) return false;  // zero
  while (digits.back() == 0) {
    digits.pop_back();
    ++exponent;
  }
  // value = digits * 10^exponent = digits * 2^exponent * 5^exponent
  int64_t power_of_two = exponent;
  if (exponent < 0) {
    if (digits.size() > 2000) return true;
    for (int64_t k = 0; k < -exponent; ++k) {
      if (!divide_exactly(digits, 5)) return true;  // a factor 5 stays in the denominator
    }
  } else {
    if (exponent > 400) return true;  // overflows to inf
    for (int64_t k = 0; k < exponent; ++k) multiply(digits, 5);
  }
  while (divide_exactly(digits, 2)) ++power_of_two;
  if (!fits_significand(digits)) return true;
  uint64_t odd = 0;
  for (uint8_t digit : digits) odd = odd * 10 + digit;
  int64_t bits = 0;
  while (odd >> bits) ++bits;
  // odd * 2^power_of_two must be a finite double, subnormals included.
  return power_of_two < -1074 || power_of_two + bits > 1024;
}

// ---- Float evidence ----------------------------------------------------------------------

/// A float literal (`0.1`, `-2.5`), not an imaginary one.
bool is_float_literal(TSNode node) {
  node = skip_parentheses(node);
  if (is_type(node, "unary_operator")) node = skip_parentheses(field(node, "argument"));
  return is_type(node, "float");
}

bool is_arithmetic(TSNode node, std::string_view source) {
  if (!is_type(node, "binary_operator")) return false;
  const std::string_view op = node_text(field(node, "operator"), source);
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "**";
}

/// What an expression says about floats: whether it is computed in floats, and the inexact
/// literals it involves.
struct Evidence {
  bool computed = false;
  std::vector<TSNode> inexact;
};

/// The float literals inside an arithmetic expression, through parentheses, unary signs and
/// nested + - * / **; records whether one of them (or a `float(...)` call) is there.
void collect_arithmetic(const RuleContext& context, TSNode root, Evidence& evidence) {
  std::vector<TSNode> pending{root};
  while (!pending.empty()) {
    const TSNode node = skip_parentheses(pending.back());
    pending.pop_back();
    if (is_arithmetic(node, context.source())) {
      pending.push_back(field(node, "right"));
      pending.push_back(field(node, "left"));
    } else if (is_type(node, "unary_operator")) {
      pending.push_back(field(node, "argument"));
    } else if (is_type(node, "float")) {
      const auto inexact = is_inexact_decimal(node_text(node, context.source()));
      if (!inexact) continue;
      evidence.computed = true;
      if (*inexact) evidence.inexact.push_back(node);
    } else if (is_type(node, "call") &&
               context.model.qualified_name(field(node, "function")) == "builtins.float") {
      evidence.computed = true;
    }
  }
}

/// Evidence of a binary_operator: computed when one of its float literals or float() calls sits
/// among its (nested) operands.
Evidence arithmetic_evidence(const RuleContext& context, TSNode node) {
  Evidence evidence;
  if (!is_arithmetic(node, context.source())) return evidence;
  collect_arithmetic(context, node, evidence);
  if (!evidence.computed) evidence.inexact.clear();
  return evidence;
}

/// Evidence of a name: computed when, in the scope that decides its meaning, it is the target
/// of `+= -= *= /=` with a float operand, or assigned a computed float.
Evidence name_evidence(const RuleContext& context, TSNode identifier) {
  Evidence evidence;
  const grammar::SemanticModel& model = context.model;
  const std::string_view source = context.source();
  for (const grammar::BindingId id : model.resolve_bindings(identifier)) {
    const grammar::Binding& binding = model.binding(id);
    if (binding.kind != grammar::BindingKind::Assignment) continue;
    const TSNode statement = binding.definition;
    if (is_type(statement, "augmented_assignment")) {
      const std::string_view op = node_text(field(statement, "operator"), source);
      if (op != "+=" && op != "-=" && op != "*=" && op != "/=") continue;
      if (!is_type(field(statement, "left"), "identifier")) continue;
      const TSNode right = skip_parentheses(field(statement, "right"));
      Evidence part;
      if (is_float_literal(right) || is_arithmetic(right, source)) {
        collect_arithmetic(context, right, part);
      }
      if (!part.computed) continue;
      evidence.computed = true;
      evidence.inexact.insert(evidence.inexact.end(), part.inexact.begin(), part.inexact.end());
    } else {
      const TSNode value = model.assigned_value(binding);
      if (ts_node_is_null(value)) continue;
      Evidence part = arithmetic_evidence(context, value);
      if (!part.computed) continue;
      evidence.computed = true;
      evidence.inexact.insert(evidence.inexact.end(), part.inexact.begin(), part.inexact.end());
    }
  }
  return evidence;
}

Evidence evidence_of(const RuleContext& context, TSNode operand) {
  const TSNode node = skip_parentheses(operand);
  if (is_type(node, "identifier")) return name_evidence(context, node);
  return arithmetic_evidence(context, node);
}

/// The inexact float literal an operand is (`0.1`, `-0.3`), or a null node.
TSNode inexact_literal(const RuleContext& context, TSNode operand) {
  TSNode node = skip_parentheses(operand);
  if (is_type(node, "unary_operator")) node = skip_parentheses(field(node, "argument"));
  if (!is_type(node, "float")) return TSNode{};
  const auto inexact = is_inexact_decimal(node_text(node, context.source()));
  return inexact && *inexact ? node : TSNode{};
}

/// None, True, False and strings: equality with them says nothing about floats.
bool is_non_number_literal(TSNode operand) {
  const TSNode node = skip_parentheses(operand);
  return is_type(node, "none") || is_type(node, "true") || is_type(node, "false") ||
         is_type(node, "string") || is_type(node, "concatenated_string");
}

/// The integer or float literal zero (`0`, `0.0`, `-0.0`).
bool is_zero_literal(const RuleContext& context, TSNode operand) {
  TSNode node = skip_parentheses(operand);
  if (is_type(node, "unary_operator")) node = skip_parentheses(field(node, "argument"));
  if (!is_type(node, "integer") && !is_type(node, "float")) return false;
  const std::string_view text = node_text(node, context.source());
  if (is_type(node, "integer")) return text.find_first_not_of("0_") == std::string_view::npos;
  const auto inexact = is_inexact_decimal(text);
  if (!inexact) return false;
  const std::size_t mantissa_end = text.find_first_of("eE");
  return text.substr(0, mantissa_end).find_first_not_of("0_.") == std::string_view::npos;
}

// ---- The fix -----------------------------------------------------------------------------

/// The scope a node is evaluated in: that of an identifier inside it, else the innermost scope
/// whose node contains it.
std::optional<grammar::ScopeId> scope_containing(const RuleContext& context, TSNode node) {
  std::optional<grammar::ScopeId> found;
  grammar::for_each_descendant(node, [&](TSNode current) {
    if (is_type(current, "identifier")) found = context.model.scope_of(current);
    return !found;
  });
  if (found) return found;
  const uint32_t start = ts_node_start_byte(node);
  const uint32_t end = ts_node_end_byte(node);
  uint32_t best_size = UINT32_MAX;
  for (grammar::ScopeId id = 0; id < context.model.scope_count(); ++id) {
    const TSNode scope_node = context.model.scope(id).node;
    const uint32_t scope_start = ts_node_start_byte(scope_node);
    const uint32_t scope_end = ts_node_end_byte(scope_node);
    if (scope_start <= start && end <= scope_end && scope_end - scope_start < best_size) {
      best_size = scope_end - scope_start;
      found = id;
    }
  }
  return found;
}

/// Where `import math` goes: before the module's first statement after its docstring and its
/// `from __future__` imports, at the start of a line. Nullopt when there is no such place.
std::optional<uint32_t> module_import_offset(const RuleContext& context) {
  const TSNode module = context.document.root();
  const uint32_t count = ts_node_named_child_count(module);
  uint32_t index = 0;
  const auto skip_comments = [&] {
    while (index < count && is_type(ts_node_named_child(module, index), "comment")) ++index;
  };
  skip_comments();
  if (index < count) {
    const TSNode first = ts_node_named_child(module, index);
    if (is_type(first, "expression_statement") && ts_node_named_child_count(first) == 1 &&
        is_type(ts_node_named_child(first, 0), "string")) {
      ++index;
    }
  }
  skip_comments();
  while (index < count && is_type(ts_node_named_child(module, index), "future_import_statement")) {
    ++index;
    skip_comments();
  }
  if (index >= count) return std::nullopt;
  const uint32_t offset = ts_node_start_byte(ts_node_named_child(module, index));
  const std::string_view source = context.source();
  if (offset > source.size() || (offset > 0 && source[offset - 1] != '\n')) return std::nullopt;
  return offset;
}

/// Whether `math` already means the math module where the comparison is: nullopt when the name
/// means something else there (then the fix would need more than an import).
std::optional<bool> math_is_imported(const RuleContext& context, TSNode comparison) {
  const auto scope = scope_containing(context, comparison);
  if (!scope) return std::nullopt;
  const auto decides = context.model.binding_scope("math", *scope);
  if (!decides) return false;  // unbound: a module-level import will bind it
  const grammar::Scope& owner = context.model.scope(*decides);
  if (owner.has_wildcard_import) return std::nullopt;
  const auto sole = owner.sole_import.find("math");
  if (sole == owner.sole_import.end()) return std::nullopt;
  if (context.model.binding(sole->second).import_target != "math") return std::nullopt;
  return true;
}

std::optional<Fix> make_fix(const RuleContext& context, TSNode comparison, TSNode left,
                            TSNode right, bool negated) {
  bool has_comment = false;
  grammar::for_each_descendant(comparison, [&](TSNode node) {
    has_comment = is_type(node, "comment");
    return !has_comment;
  });
  if (has_comment) return std::nullopt;
  const auto imported = math_is_imported(context, comparison);
  if (!imported) return std::nullopt;
  const std::string_view source = context.source();
  std::string replacement = negated ? "not math.isclose(" : "math.isclose(";
  replacement += node_text(left, source);
  replacement += ", ";
  replacement += node_text(right, source);
  if (is_zero_literal(context, left) || is_zero_literal(context, right)) {
    replacement += ", abs_tol=1e-9";
  }
  replacement += ')';
  Fix fix{negated ? "Replace `!=` with `not math.isclose()`" : "Replace `==` with `math.isclose()`",
          FixSafety::Unsafe,
          {TextEdit{{ts_node_start_byte(comparison), ts_node_end_byte(comparison)},
                    std::move(replacement)}}};
  if (!*imported) {
    const auto offset = module_import_offset(context);
    if (!offset) return std::nullopt;
    fix.title += " and import `math`";
    fix.edits.push_back(TextEdit{{*offset, *offset}, "import math\n"});
  }
  return fix;
}

// ---- The check ---------------------------------------------------------------------------

/// How the message shows a node: its text when short and on one line.
std::string describe(TSNode node, std::string_view source) {
  const std::string_view text = node_text(node, source);
  if (text.size() > 50 || text.find('\n') != std::string_view::npos) return {};
  return std::string(text);
}

void check_comparison(const RuleContext& context, TSNode comparison) {
  std::vector<TSNode> operands;
  std::vector<TSNode> operators;
  grammar::TreeCursor cursor(comparison);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (is_type(node, "comment")) continue;
    const char* field_name = ts_tree_cursor_current_field_name(cursor.get());
    if (field_name && std::string_view(field_name) == "operators") {
      operators.push_back(node);
    } else if (ts_node_is_named(node)) {
      operands.push_back(node);
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  if (operators.size() != 1 || operands.size() != 2) return;  // chains are left alone
  const bool negated = is_type(operators[0], "!=");
  if (!negated && !is_type(operators[0], "==")) return;

  TSNode named = TSNode{};  // the inexact literal the message names
  for (int side = 0; side < 2 && ts_node_is_null(named); ++side) {
    const TSNode computed = operands[side];
    const TSNode other = operands[1 - side];
    const Evidence evidence = evidence_of(context, computed);
    if (!evidence.computed) continue;
    if (!evidence.inexact.empty() && !is_non_number_literal(other)) {
      named = evidence.inexact.front();
    } else if (const TSNode literal = inexact_literal(context, other); !ts_node_is_null(literal)) {
      named = literal;
    }
  }
  if (ts_node_is_null(named)) return;

  const std::string_view source = context.source();
  const std::string shown = describe(comparison, source);
  std::string message = shown.empty() ? "This comparison" : "`" + shown + "`";
  message += " tests computed floats for exact equality, but `";
  message += node_text(named, source);
  message += "` has no exact binary value; compare within a tolerance";
  context.report({ts_node_start_byte(comparison), ts_node_end_byte(comparison)}, std::move(message),
                 make_fix(context, comparison, operands[0], operands[1], negated));
}

}  // namespace

void check_float_equality_comparison(const RuleContext& context) {
  const auto& query = *context.query;
  const auto comparison = query.capture("comparison");
  std::unordered_set<const void*> seen;  // a query may match one node more than once
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    const TSNode node = match.get(comparison);
    if (!seen.insert(node.id).second) return;
    check_comparison(context, node);
  });
}

}  // namespace pyfaq::knowledge::rules
