// PFQ109 missing-self-parameter: a method reads `self` without declaring it, or a method with
// no parameters at all is called as `self.m()`.
#include <string>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::same_node;

/// The function_definition directly in a class body, through its decorators.
TSNode method_definition(TSNode statement) {
  if (is_type(statement, "decorated_definition")) statement = field(statement, "definition");
  return is_type(statement, "function_definition") ? statement : TSNode{};
}

/// Whether an identifier `self` is read: not an attribute's member name, a keyword argument's
/// name or a name in `global` / `nonlocal` (bindings resolve, so they never look unbound).
bool is_read(TSNode identifier) {
  const TSNode parent = ts_node_parent(identifier);
  if (is_type(parent, "attribute")) return !same_node(field(parent, "attribute"), identifier);
  if (is_type(parent, "keyword_argument")) return !same_node(field(parent, "name"), identifier);
  return !is_type(parent, "global_statement") && !is_type(parent, "nonlocal_statement");
}

/// The first read of `self` in the method's body that nothing binds: not the method, not an
/// enclosing function (a class inside a method may use the outer `self`), not the module.
std::optional<TSNode> first_unbound_self(const RuleContext& context, TSNode method) {
  // A `self` parameter binds every `self` below: skip the walk over the body.
  const grammar::ParameterList parameters =
      grammar::read_parameters(field(method, "parameters"), context.source());
  for (const auto* list : {&parameters.positional, &parameters.keyword_only}) {
    for (const grammar::Parameter& parameter : *list) {
      if (parameter.name == "self") return std::nullopt;
    }
  }
  std::optional<TSNode> found;
  grammar::for_each_descendant(field(method, "body"), [&](TSNode node) {
    if (is_type(node, "identifier") && node_text(node, context.source()) == "self" &&
        is_read(node) && context.model.qualified_name(node) == "builtins.self") {
      found = node;
    }
    return !found;
  });
  return found;
}

/// Whether the module names `ClassName.method` anywhere: a call through the class would change
/// meaning once `self` is added.
bool named_through_class(const RuleContext& context, std::string_view class_name,
                         std::string_view method) {
  context.reads_other_functions();
  bool found = false;
  grammar::for_each_descendant(context.document.root(), [&](TSNode node) {
    if (is_type(node, "attribute")) {
      const TSNode object = grammar::skip_parentheses(field(node, "object"));
      found = is_type(object, "identifier") && node_text(object, context.source()) == class_name &&
              node_text(field(node, "attribute"), context.source()) == method;
    }
    return !found;
  });
  return found;
}

/// Inserts `self` as the first parameter of an undecorated method with no positional
/// parameter: when it has one, that may well be the instance under another name.
std::optional<Fix> add_self(const RuleContext& context, TSNode method,
                            std::string_view class_name) {
  if (!context.model.decorators_of(method).empty()) return std::nullopt;
  const grammar::ParameterList list =
      grammar::read_parameters(field(method, "parameters"), context.source());
  if (!list.understood || !list.positional.empty()) return std::nullopt;
  const std::string_view name = node_text(field(method, "name"), context.source());
  if (named_through_class(context, class_name, name)) return std::nullopt;
  const TSNode parameters = field(method, "parameters");
  if (!is_type(parameters, "parameters")) return std::nullopt;
  const uint32_t after_paren = ts_node_start_byte(parameters) + 1;
  const bool has_parameters = ts_node_named_child_count(parameters) > 0;
  return Fix{"Add `self` as the first parameter of `" + std::string(name) + "`",
             FixSafety::Unsafe,
             {TextEdit{{after_paren, after_paren}, has_parameters ? "self, " : "self"}}};
}

/// Whether the method's parameter list is `()`: nothing, not even `*args`.
bool takes_nothing(TSNode method) {
  const TSNode parameters = field(method, "parameters");
  if (!is_type(parameters, "parameters")) return false;
  const uint32_t count = ts_node_named_child_count(parameters);
  for (uint32_t i = 0; i < count; ++i) {
    if (!is_type(ts_node_named_child(parameters, i), "comment")) return false;
  }
  return true;
}

/// The first `self.m(...)` in the class whose receiver is the instance: the first parameter of
/// an undecorated method (`cls.m()` in a classmethod calls the plain function and works).
std::optional<TSNode> first_instance_call(const RuleContext& context, TSNode class_body,
                                          TSNode method) {
  std::optional<TSNode> found;
  grammar::for_each_descendant(class_body, [&](TSNode node) {
    if (!is_type(node, "call")) return true;
    const TSNode callee = grammar::skip_parentheses(field(node, "function"));
    const grammar::Binding* target = context.model.method_of_receiver(callee);
    if (!target || !same_node(target->definition, method)) return true;
    const TSNode receiver = grammar::skip_parentheses(field(callee, "object"));
    const auto scope = context.model.scope_of(receiver);
    if (!scope) return true;
    const auto method_scope =
        context.model.binding_scope(node_text(receiver, context.source()), *scope);
    if (!method_scope) return true;
    if (context.model.decorators_of(context.model.scope(*method_scope).node).empty()) {
      found = callee;
    }
    return !found;
  });
  return found;
}

/// Whether the class stores an attribute of this name on an instance (`self.reset = ...`),
/// which would shadow the method.
bool assigns_attribute(const RuleContext& context, TSNode class_body, std::string_view name) {
  bool found = false;
  grammar::for_each_descendant(class_body, [&](TSNode node) {
    if (is_type(node, "assignment") || is_type(node, "augmented_assignment")) {
      grammar::for_each_descendant(field(node, "left"), [&](TSNode target) {
        found = found || (is_type(target, "attribute") &&
                          node_text(field(target, "attribute"), context.source()) == name);
        return !found;
      });
    }
    return !found;
  });
  return found;
}

void check_class(const RuleContext& context, TSNode class_name, TSNode body) {
  const std::string_view class_text = node_text(class_name, context.source());
  grammar::TreeCursor cursor(body);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return;
  do {
    const TSNode method = method_definition(ts_tree_cursor_current_node(cursor.get()));
    if (ts_node_is_null(method) || !context.in_region(method)) continue;
    const TSNode name = field(method, "name");
    const std::string_view method_name = node_text(name, context.source());
    if (const auto self = first_unbound_self(context, method)) {
      context.report({ts_node_start_byte(*self), ts_node_end_byte(*self)},
                     "`" + std::string(method_name) +
                         "` uses `self` but has no `self` parameter: this raises NameError",
                     add_self(context, method, class_text));
      continue;
    }
    if (!takes_nothing(method) || !context.model.decorators_of(method).empty()) continue;
    context.reads_other_functions();  // calls and attributes in the other methods
    const auto call = first_instance_call(context, body, method);
    if (!call || assigns_attribute(context, body, method_name)) continue;
    context.report({ts_node_start_byte(name), ts_node_end_byte(name)},
                   "`" + std::string(method_name) + "` takes no parameters, but `" +
                       std::string(node_text(*call, context.source())) +
                       "()` passes the instance as the first argument: this raises TypeError",
                   add_self(context, method, class_text));
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
}

}  // namespace

void check_missing_self_parameter(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto name = query.capture("class.name");
  const auto body = query.capture("class.body");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_class(context, match.get(name), match.get(body));
  });
}

}  // namespace pyfaq::knowledge::rules
