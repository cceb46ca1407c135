// Name resolution over a SemanticModel: scopes to qualified names and same-module definitions.
#include <algorithm>

#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {

std::optional<ScopeId> SemanticModel::scope_of(TSNode identifier) const {
  const uint32_t start = ts_node_start_byte(identifier);
  auto at = std::lower_bound(
      identifier_scopes_.begin(), identifier_scopes_.end(), start,
      [](const IdentifierScope& entry, uint32_t offset) { return entry.start < offset; });
  for (; at != identifier_scopes_.end() && at->start == start; ++at) {
    if (at->id == identifier.id) return at->scope;
  }
  return std::nullopt;
}

std::span<const BindingId> SemanticModel::bindings_in(ScopeId scope, std::string_view name) const {
  const auto& bindings = scopes_[scope].bindings;
  const auto found = bindings.find(name);
  if (found == bindings.end()) return {};
  return found->second;
}

std::optional<ScopeId> SemanticModel::binding_scope(std::string_view name, ScopeId from) const {
  if (scopes_[from].global_names.contains(name)) {
    return scopes_[kModuleScope].bindings.contains(name) ? std::optional(kModuleScope)
                                                         : std::nullopt;
  }
  // `nonlocal` bindings were moved to the enclosing function, so the walk up finds them there.
  for (std::optional<ScopeId> id = from; id; id = scopes_[*id].parent) {
    const Scope& scope = scopes_[*id];
    const bool visible = *id == from || scope.kind != ScopeKind::Class;
    if (visible && scope.bindings.contains(name)) return id;
  }
  return std::nullopt;
}

std::optional<std::string> SemanticModel::qualified_name(TSNode expression) const {
  // Collect the chain `root.a.b` from the outside in, without recursion.
  std::vector<std::string_view> attributes;
  TSNode node = skip_parentheses(expression);
  while (is_type(node, "attribute")) {
    const TSNode attribute = field(node, "attribute");
    if (!is_type(attribute, "identifier")) return std::nullopt;
    attributes.push_back(node_text(attribute, source_));
    node = skip_parentheses(field(node, "object"));
  }
  if (!is_type(node, "identifier")) return std::nullopt;
  const std::optional<ScopeId> scope = scope_of(node);
  if (!scope) return std::nullopt;

  const std::string_view name = node_text(node, source_);
  std::string qualified;
  if (const auto resolving = binding_scope(name, *scope)) {
    const auto& sole_import = scopes_[*resolving].sole_import;
    const auto found = sole_import.find(name);
    if (found == sole_import.end()) return std::nullopt;
    const Binding& first = bindings_[found->second];
    if (first.import_target.starts_with('.')) return std::nullopt;
    qualified = first.import_target;
  } else {
    if (scopes_[kModuleScope].has_wildcard_import) return std::nullopt;
    qualified = "builtins." + std::string(name);
  }
  for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
    qualified += '.';
    qualified += *it;
  }
  return qualified;
}

std::span<const BindingId> SemanticModel::resolve_bindings(TSNode identifier) const {
  if (!is_type(identifier, "identifier")) return {};
  const auto scope = scope_of(identifier);
  if (!scope) return {};
  const std::string_view name = node_text(identifier, source_);
  const auto resolving = binding_scope(name, *scope);
  if (!resolving) return {};
  return bindings_in(*resolving, name);
}

TSNode SemanticModel::assigned_value(const Binding& binding) const {
  if (binding.kind != BindingKind::Assignment) return TSNode{};
  const TSNode statement = binding.definition;
  if (is_type(statement, "named_expression")) {
    return skip_parentheses(field(statement, "value"));
  }
  if (!is_type(statement, "assignment")) return TSNode{};
  // The name must be the whole target: `a = b = value` binds both, `a, b = value` neither plainly.
  if (!same_node(field(statement, "left"), binding.name_node)) return TSNode{};
  TSNode value = field(statement, "right");
  while (is_type(value, "assignment")) value = field(value, "right");
  if (ts_node_is_null(value)) return TSNode{};  // `name: T` alone
  return skip_parentheses(value);
}

const Binding* SemanticModel::function_named(TSNode identifier) const {
  if (!is_type(identifier, "identifier")) return nullptr;
  const auto scope = scope_of(identifier);
  if (!scope) return nullptr;
  const std::string_view name = node_text(identifier, source_);
  const auto resolving = binding_scope(name, *scope);
  if (!resolving) return nullptr;
  const auto ids = bindings_in(*resolving, name);
  if (ids.size() != 1 || bindings_[ids.front()].kind != BindingKind::Function) return nullptr;
  return &bindings_[ids.front()];
}

const Binding* SemanticModel::method_of_receiver(TSNode attribute) const {
  if (!is_type(attribute, "attribute")) return nullptr;
  const TSNode receiver = skip_parentheses(field(attribute, "object"));
  const TSNode member = field(attribute, "attribute");
  if (!is_type(receiver, "identifier") || !is_type(member, "identifier")) return nullptr;
  const auto scope = scope_of(receiver);
  if (!scope) return nullptr;
  const std::string_view receiver_name = node_text(receiver, source_);
  const auto method_scope = binding_scope(receiver_name, *scope);
  if (!method_scope) return nullptr;

  // The receiver must be the first parameter of a plain method (or a classmethod's `cls`).
  const Scope& method = scopes_[*method_scope];
  if (method.kind != ScopeKind::Function || !method.parent) return nullptr;
  const Scope& class_scope = scopes_[*method.parent];
  if (class_scope.kind != ScopeKind::Class) return nullptr;
  const auto receiver_bindings = bindings_in(*method_scope, receiver_name);
  if (receiver_bindings.size() != 1) return nullptr;
  const Binding& receiver_binding = bindings_[receiver_bindings.front()];
  if (receiver_binding.kind != BindingKind::Parameter || receiver_binding.parameter_index != 0) {
    return nullptr;
  }
  for (const TSNode decorator : decorators_of(method.node)) {
    if (qualified_name(decorator) != "builtins.classmethod") return nullptr;
  }

  const auto members = bindings_in(*method.parent, node_text(member, source_));
  if (members.size() != 1 || bindings_[members.front()].kind != BindingKind::Function) {
    return nullptr;
  }
  return &bindings_[members.front()];
}

std::vector<TSNode> SemanticModel::decorators_of(TSNode definition) const {
  std::vector<TSNode> decorators;
  const TSNode decorated = decorated_parent(definition);
  if (ts_node_is_null(decorated)) return decorators;
  const uint32_t count = ts_node_named_child_count(decorated);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(decorated, i);
    if (is_type(child, "decorator") && ts_node_named_child_count(child) > 0) {
      decorators.push_back(ts_node_named_child(child, 0));
    }
  }
  return decorators;
}

}  // namespace pyfaq::grammar
