// What a name may hold: the value expressions of its bindings, when each binding is a plain store.
#include "grammar/bound_values.h"

#include "grammar/syntax.h"

namespace pyfaq::grammar {

namespace {

/// The value a binding stores into its bare name, if it is a plain store.
std::optional<BoundValue> value_of(const Binding& binding) {
  const TSNode statement = binding.definition;
  if (binding.kind == BindingKind::Assignment && is_type(statement, "assignment")) {
    if (!same_node(field(statement, "left"), binding.name_node)) return std::nullopt;
    TSNode value = field(statement, "right");
    // `a = b = value`: the inner assignments are the chain's other targets.
    while (is_type(value, "assignment")) value = field(value, "right");
    if (ts_node_is_null(value) || is_type(value, "expression_list") ||
        is_type(value, "pattern_list") || is_type(value, "yield") ||
        is_type(value, "augmented_assignment")) {
      return std::nullopt;
    }
    return BoundValue{value, StoreKind::Assignment, statement};
  }
  if (binding.kind == BindingKind::Assignment && is_type(statement, "named_expression")) {
    if (!same_node(field(statement, "name"), binding.name_node)) return std::nullopt;
    return BoundValue{field(statement, "value"), StoreKind::Walrus, statement};
  }
  if (binding.kind == BindingKind::AsTarget && is_type(statement, "as_pattern") &&
      is_type(ts_node_parent(statement), "with_item")) {
    const TSNode alias = field(statement, "alias");
    if (ts_node_named_child_count(alias) != 1 ||
        !same_node(ts_node_named_child(alias, 0), binding.name_node)) {
      return std::nullopt;
    }
    return BoundValue{ts_node_named_child(statement, 0), StoreKind::WithAs, statement};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<BoundValue>> bound_values_in(const SemanticModel& model, ScopeId scope,
                                                       std::string_view name) {
  const auto ids = model.bindings_in(scope, name);
  if (ids.empty()) return std::nullopt;
  std::vector<BoundValue> values;
  values.reserve(ids.size());
  for (const BindingId id : ids) {
    auto value = value_of(model.binding(id));
    if (!value || ts_node_is_null(value->value)) return std::nullopt;
    values.push_back(*value);
  }
  return values;
}

std::optional<std::vector<BoundValue>> bound_values(const SemanticModel& model, TSNode identifier) {
  if (!is_type(identifier, "identifier")) return std::nullopt;
  const auto scope = model.scope_of(identifier);
  if (!scope) return std::nullopt;
  const std::string_view name = node_text(identifier, model.source());
  const auto resolving = model.binding_scope(name, *scope);
  if (!resolving) return std::nullopt;
  return bound_values_in(model, *resolving, name);
}

}  // namespace pyfaq::grammar
