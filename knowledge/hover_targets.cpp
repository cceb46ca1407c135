// What the token under the pointer means in hover-target notation: names through imports,
// aliases and attribute chains; builtins, keywords, operators and syntax; method definitions,
// decorators, instances of known classes, string-literal methods and assignment targets.
#include "knowledge/hover_targets.h"

#include <optional>
#include <string>
#include <string_view>

#include "grammar/syntax.h"

namespace pyfaq::knowledge {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::same_node;

grammar::ByteRange range_of(TSNode node) {
  return {ts_node_start_byte(node), ts_node_end_byte(node)};
}

/// The qualified name an identifier inside an import statement stands for: `import os.path`
/// -> `os` or `os.path`; `from a.b import c` -> `a`, `a.b` or `a.b.c`.
std::optional<std::string> import_name(TSNode identifier, std::string_view source) {
  const TSNode dotted = ts_node_parent(identifier);
  if (!is_type(dotted, "dotted_name")) return std::nullopt;
  const std::string_view prefix(source.data() + ts_node_start_byte(dotted),
                                ts_node_end_byte(identifier) - ts_node_start_byte(dotted));
  TSNode statement = ts_node_parent(dotted);
  if (is_type(statement, "aliased_import")) statement = ts_node_parent(statement);
  if (is_type(statement, "import_statement")) return std::string(prefix);
  if (!is_type(statement, "import_from_statement")) return std::nullopt;
  const TSNode module = field(statement, "module_name");
  if (same_node(module, dotted)) return std::string(prefix);
  if (!is_type(module, "dotted_name")) return std::nullopt;  // relative: never the stdlib
  return std::string(node_text(module, source)) + "." + std::string(prefix);
}

/// Whether a `*args` / `**kwargs` pattern is a parameter of a def or lambda (not an unpacking
/// target such as `a, *rest = x`).
bool is_star_parameter(TSNode splat) {
  if (!is_type(splat, "list_splat_pattern") && !is_type(splat, "dictionary_splat_pattern")) {
    return false;
  }
  TSNode holder = ts_node_parent(splat);
  if (is_type(holder, "typed_parameter")) holder = ts_node_parent(holder);
  return is_type(holder, "parameters") || is_type(holder, "lambda_parameters");
}

/// Whether `expression` is what an assignment stores to: `sys.stdout = ...`, also inside a
/// target list (`sys.stdout, sys.stderr = ...`).
bool is_assignment_target(TSNode expression) {
  TSNode node = expression;
  TSNode parent = ts_node_parent(node);
  while (is_type(parent, "pattern_list") || is_type(parent, "tuple_pattern") ||
         is_type(parent, "list_pattern") || is_type(parent, "parenthesized_expression")) {
    node = parent;
    parent = ts_node_parent(node);
  }
  return is_type(parent, "assignment") && same_node(field(parent, "left"), node);
}

/// The expression a name's single binding stores: `x = CLASS(...)`, `x: T = CLASS(...)`,
/// `(x := CLASS(...))` or `with CLASS(...) as x`. Null when the name has any other binding.
TSNode single_bound_value(TSNode name, const grammar::SemanticModel& model) {
  const auto scope = model.scope_of(name);
  if (!scope) return {};
  const std::string_view text = node_text(name, model.source());
  const auto resolving = model.binding_scope(text, *scope);
  if (!resolving) return {};
  const auto ids = model.bindings_in(*resolving, text);
  if (ids.size() != 1) return {};
  const grammar::Binding& binding = model.binding(ids.front());
  const TSNode statement = binding.definition;
  if (binding.kind == grammar::BindingKind::Assignment) {
    if (is_type(statement, "assignment") &&
        same_node(field(statement, "left"), binding.name_node)) {
      return field(statement, "right");
    }
    if (is_type(statement, "named_expression")) return field(statement, "value");
    return {};
  }
  if (binding.kind == grammar::BindingKind::AsTarget && is_type(statement, "as_pattern") &&
      is_type(ts_node_parent(statement), "with_item")) {
    const TSNode alias = field(statement, "alias");
    if (ts_node_named_child_count(alias) != 1 ||
        !same_node(ts_node_named_child(alias, 0), binding.name_node)) {
      return {};
    }
    return ts_node_named_child(statement, 0);
  }
  return {};
}

/// The class (or factory) whose call made `receiver`: `threading.Thread(...)` itself, or a name
/// whose single binding is such a call.
std::optional<std::string> instance_class(TSNode receiver, const grammar::SemanticModel& model) {
  receiver = grammar::skip_parentheses(receiver);
  if (is_type(receiver, "identifier")) receiver = single_bound_value(receiver, model);
  receiver = grammar::skip_parentheses(receiver);
  if (!is_type(receiver, "call")) return std::nullopt;
  return model.qualified_name(field(receiver, "function"));
}

/// `", ".join(...)`: a method called on a str literal (not bytes).
bool is_called_on_str_literal(TSNode attribute, std::string_view source) {
  const TSNode receiver = grammar::skip_parentheses(field(attribute, "object"));
  if (!is_type(receiver, "string") && !is_type(receiver, "concatenated_string")) return false;
  if (!is_type(ts_node_parent(attribute), "call")) return false;
  const std::string_view text = node_text(receiver, source);
  const std::string_view prefix = text.substr(0, text.find_first_of("'\""));
  return prefix.find_first_of("bB") == std::string_view::npos;
}

/// Notations for a resolved qualified name: the member itself, the module it may be, and the
/// module-wide targets of every enclosing module, most specific first.
void add_qualified_targets(const std::string& qualified, std::vector<std::string>& targets) {
  targets.push_back(qualified);
  targets.push_back("mod:" + qualified);
  for (auto dot = qualified.rfind('.'); dot != std::string::npos && dot > 0;
       dot = qualified.rfind('.', dot - 1)) {
    targets.push_back(qualified.substr(0, dot) + ".*");
  }
}

/// The notations of what an identifier means, tried in order.
std::vector<std::string> identifier_targets(TSNode identifier, const grammar::SemanticModel& model,
                                            std::string_view source) {
  const TSNode parent = ts_node_parent(identifier);
  if (is_type(parent, "keyword_argument") && same_node(field(parent, "name"), identifier)) {
    return {};
  }
  if (is_type(parent, "function_definition") && same_node(field(parent, "name"), identifier)) {
    TSNode holder = ts_node_parent(parent);
    if (is_type(holder, "decorated_definition")) holder = ts_node_parent(holder);
    if (is_type(holder, "block") && is_type(ts_node_parent(holder), "class_definition")) {
      return {"def:" + std::string(node_text(identifier, source))};
    }
    return {};
  }
  if (is_star_parameter(parent)) return {"syntax:star-params"};

  TSNode expression = identifier;
  const bool is_member =
      is_type(parent, "attribute") && same_node(field(parent, "attribute"), identifier);
  if (is_member) expression = parent;
  std::optional<std::string> qualified = import_name(identifier, source);
  if (!qualified) qualified = model.qualified_name(expression);

  std::vector<std::string> targets;
  if (!qualified) {
    if (!is_member) return {};
    const std::string member(node_text(identifier, source));
    if (is_called_on_str_literal(parent, source)) return {"strlit-method:" + member};
    if (const auto cls = instance_class(field(parent, "object"), model)) {
      return {"inst:" + *cls + "." + member, "inst:" + *cls + ".*"};
    }
    return {};
  }
  if (qualified->starts_with("builtins.")) {
    const std::string name = qualified->substr(9);
    if (name == "__name__" && !is_member) return {"name:__name__"};
    if (is_type(ts_node_parent(expression), "decorator")) targets.push_back("deco:" + name);
    targets.push_back("builtin:" + name);
    return targets;
  }
  if (is_assignment_target(expression)) targets.push_back("assign:" + *qualified);
  add_qualified_targets(*qualified, targets);
  return targets;
}

/// Notations for a keyword or operator token (an unnamed node), with the range to show.
HoverToken token_targets(TSNode token) {
  const std::string_view type = grammar::node_type(token);
  const TSNode parent = ts_node_parent(token);
  const auto one = [](std::string notation, TSNode node) {
    return HoverToken{{std::move(notation)}, range_of(node)};
  };
  if ((type == "global" && is_type(parent, "global_statement")) ||
      (type == "nonlocal" && is_type(parent, "nonlocal_statement")) ||
      (type == "lambda" && is_type(parent, "lambda")) ||
      (type == "match" && is_type(parent, "match_statement"))) {
    return one("kw:" + std::string(type), token);
  }
  // `is not` is one node with the two words as children.
  if (type == "is not") return one("op:is not", token);
  if ((type == "is" || type == "not") && is_type(parent, "is not")) return one("op:is not", parent);
  if (type == "is" && is_type(parent, "comparison_operator")) return one("op:is", token);
  if (type == ":=" && is_type(parent, "named_expression")) return one("op::=", token);
  if (type == "/" && is_type(parent, "positional_separator")) {
    return one("syntax:posonly-slash", parent);
  }
  if ((type == "*" || type == "**") && is_star_parameter(parent)) {
    return one("syntax:star-params", parent);
  }
  return {};
}

}  // namespace

HoverToken hover_token_at(const grammar::Document& document, const grammar::SemanticModel& model,
                          std::size_t offset) {
  const std::string_view source = document.text();
  if (offset >= source.size()) return {};
  const auto at = static_cast<uint32_t>(offset);
  const TSNode node = ts_node_descendant_for_byte_range(document.root(), at, at + 1);
  if (ts_node_is_null(node)) return {};
  const std::string_view type = grammar::node_type(node);
  if (type == "identifier") return {identifier_targets(node, model, source), range_of(node)};
  if (type == "positional_separator") return {{"syntax:posonly-slash"}, range_of(node)};
  if (type == "comment") {
    if (ts_node_start_byte(node) == 0 && node_text(node, source).starts_with("#!")) {
      return {{"syntax:shebang"}, range_of(node)};
    }
    return {};
  }
  if (!ts_node_is_named(node)) return token_targets(node);
  return {};
}

}  // namespace pyfaq::knowledge
