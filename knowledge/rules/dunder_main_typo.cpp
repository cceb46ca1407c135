// PFQ111 dunder-main-typo: `if __name__ == "main":` compares against a string that is never a
// module's name, so the guarded code never runs.
#include <cctype>
#include <string>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::is_type;
using grammar::node_text;

/// The two operands and the operator of `a == b` / `a != b`, comments aside; nullopt for any
/// other comparison (chains, `is`, `in` ...).
struct Comparison {
  TSNode left;
  TSNode right;
};

std::optional<Comparison> equality(TSNode comparison) {
  std::vector<TSNode> operands;
  int operators = 0;
  grammar::TreeCursor cursor(comparison);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return std::nullopt;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (is_type(node, "comment")) continue;
    if (ts_node_is_named(node)) {
      operands.push_back(node);
      continue;
    }
    const std::string_view op = grammar::node_type(node);
    if (op != "==" && op != "!=") return std::nullopt;
    ++operators;
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  if (operands.size() != 2 || operators != 1) return std::nullopt;
  return Comparison{operands[0], operands[1]};
}

/// The body of a plain string literal (`"main"`, `r'main'`, `u"""main"""`): nullopt for bytes,
/// f-strings and bodies with escapes, whose value is not their text.
struct StringBody {
  uint32_t start;  // byte offset of the body in the document
  std::string_view text;
};

std::optional<StringBody> plain_string_body(TSNode string, std::string_view source) {
  const std::string_view text = node_text(string, source);
  std::size_t prefix = 0;
  while (prefix < text.size() && std::isalpha(static_cast<unsigned char>(text[prefix]))) {
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(text[prefix])));
    if (letter != 'r' && letter != 'u') return std::nullopt;  // b"", f"" and friends
    ++prefix;
  }
  const std::string_view rest = text.substr(prefix);
  std::size_t quote = 0;
  if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
    quote = 3;
  } else if (rest.starts_with('"') || rest.starts_with('\'')) {
    quote = 1;
  }
  if (quote == 0 || rest.size() < 2 * quote) return std::nullopt;
  const std::string_view body = rest.substr(quote, rest.size() - 2 * quote);
  if (body.find('\\') != std::string_view::npos) return std::nullopt;
  return StringBody{static_cast<uint32_t>(ts_node_start_byte(string) + prefix + quote), body};
}

/// Whether a string body is a misspelt "__main__": not it, but "main" once underscores and
/// whitespace are dropped and letters lowered.
bool misspells_main(std::string_view body) {
  if (body == "__main__") return false;
  std::string letters;
  for (const char c : body) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) continue;
    letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return letters == "main";
}

/// Whether an identifier is the module's own `__name__`: not bound by anything in the file.
bool is_module_dunder_name(const RuleContext& context, TSNode node) {
  if (!is_type(node, "identifier") || node_text(node, context.source()) != "__name__") {
    return false;
  }
  return context.model.qualified_name(node) == "builtins.__name__";
}

void check_comparison(const RuleContext& context, TSNode comparison) {
  const std::optional<Comparison> operands = equality(comparison);
  if (!operands) return;
  TSNode other;
  if (is_module_dunder_name(context, operands->left)) {
    other = operands->right;
  } else if (is_module_dunder_name(context, operands->right)) {
    other = operands->left;
  } else {
    return;
  }
  const grammar::ByteRange range{ts_node_start_byte(other), ts_node_end_byte(other)};
  if (is_type(other, "string")) {
    const std::optional<StringBody> body = plain_string_body(other, context.source());
    if (!body || !misspells_main(body->text)) return;
    const auto body_end = static_cast<uint32_t>(body->start + body->text.size());
    context.report(range,
                   "\"" + std::string(body->text) +
                       "\" is not what `__name__` holds when the file runs as a script; that is "
                       "\"__main__\"",
                   Fix{"Compare with \"__main__\"",
                       FixSafety::Safe,
                       {TextEdit{{body->start, body_end}, "__main__"}}});
  } else if (is_type(other, "identifier") && node_text(other, context.source()) == "__main__") {
    // An unbound `__main__` raises NameError when the module runs the test.
    if (context.model.qualified_name(other) != "builtins.__main__") return;
    context.report(range,
                   "`__main__` without quotes is an undefined name (NameError): compare "
                   "`__name__` with the string \"__main__\"",
                   Fix{"Quote `__main__`", FixSafety::Safe, {TextEdit{range, "\"__main__\""}}});
  }
}

}  // namespace

void check_dunder_main_typo(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto comparison = query.capture("comparison");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_comparison(context, match.get(comparison));
  });
}

}  // namespace pyfaq::knowledge::rules
