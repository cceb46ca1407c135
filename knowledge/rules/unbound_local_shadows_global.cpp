// PFQ101 unbound-local-shadows-global: a function reads a name before it assigns it, while the
// module (or an enclosing function) also has that name; the assignment makes the name local to
// the whole function, so the read raises UnboundLocalError.
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"
#include "knowledge/rules/function_body.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::Binding;
using grammar::BindingKind;
using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::same_node;
using grammar::ScopeId;
using grammar::ScopeKind;

constexpr uint32_t kNever = std::numeric_limits<uint32_t>::max();

/// Where a binding takes effect: after the value it stores is computed (`x = x + 1` reads x
/// first), or nowhere for what binds no value (`x: int`, `del x`).
uint32_t takes_effect_at(const Binding& binding) {
  const TSNode statement = binding.definition;
  switch (binding.kind) {
    case BindingKind::Assignment: {
      if (is_type(statement, "assignment")) {
        const TSNode right = field(statement, "right");
        return ts_node_is_null(right) ? kNever : ts_node_end_byte(right);
      }
      return ts_node_end_byte(statement);  // augmented assignment, walrus
    }
    case BindingKind::LoopTarget: {
      const TSNode right = field(statement, "right");
      return ts_node_is_null(right) ? ts_node_end_byte(statement) : ts_node_end_byte(right);
    }
    case BindingKind::Function:
    case BindingKind::Class: {
      // Decorators, defaults and bases are evaluated before the name is bound.
      const TSNode body = field(statement, "body");
      return ts_node_is_null(body) ? ts_node_end_byte(statement) : ts_node_start_byte(body);
    }
    case BindingKind::Deletion:
      return kNever;
    default:
      return ts_node_start_byte(binding.name_node);
  }
}

/// The scope whose binding the name would have meant without the local one: the nearest
/// enclosing function that binds it (`nonlocal`), else the module (`global`). Class scopes do
/// not enclose functions.
std::optional<ScopeId> shadowed_scope(const grammar::SemanticModel& model, ScopeId function,
                                      std::string_view name) {
  for (auto id = model.scope(function).parent; id; id = model.scope(*id).parent) {
    const grammar::Scope& scope = model.scope(*id);
    if (scope.kind == ScopeKind::Class || scope.kind == ScopeKind::Comprehension) continue;
    if (scope.kind == ScopeKind::Lambda) return std::nullopt;
    if (!model.bindings_in(*id, name).empty()) return id;
  }
  return std::nullopt;
}

/// Whether an identifier is read where it stands (for the names this rule follows): not a
/// binding, an attribute's member, a keyword's name, an import's path, or an annotation of a
/// local variable (which Python never evaluates).
bool is_load(TSNode identifier, TSNode function_body) {
  TSNode child = identifier;
  for (TSNode parent = ts_node_parent(identifier);
       !ts_node_is_null(parent) && !same_node(child, function_body);
       child = parent, parent = ts_node_parent(parent)) {
    const std::string_view type = grammar::node_type(parent);
    if (type == "attribute") {
      if (same_node(field(parent, "attribute"), child)) return false;
    } else if (type == "keyword_argument" || type == "keyword_pattern") {
      if (same_node(ts_node_named_child(parent, 0), child)) return false;
    } else if (type == "import_statement" || type == "import_from_statement" ||
               type == "global_statement" || type == "nonlocal_statement" || type == "type") {
      return false;
    }
  }
  return true;
}

/// Whether a read sits in the body of a `try` that handles NameError (also through
/// UnboundLocalError, Exception, BaseException or a bare `except:`).
bool guarded_by_handler(TSNode read, TSNode function_body, std::string_view source) {
  TSNode child = read;
  for (TSNode parent = ts_node_parent(read);
       !ts_node_is_null(parent) && !same_node(child, function_body);
       child = parent, parent = ts_node_parent(parent)) {
    if (!is_type(parent, "try_statement") || !same_node(field(parent, "body"), child)) continue;
    const uint32_t count = ts_node_named_child_count(parent);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode clause = ts_node_named_child(parent, i);
      if (!is_type(clause, "except_clause")) continue;
      bool names_exception = false;
      bool catches = false;
      const uint32_t parts = ts_node_named_child_count(clause);
      for (uint32_t j = 0; j < parts; ++j) {
        const TSNode part = ts_node_named_child(clause, j);
        if (is_type(part, "block") || is_type(part, "comment")) continue;
        names_exception = true;
        grammar::for_each_descendant(part, [&](TSNode node) {
          if (is_type(node, "identifier")) {
            const std::string_view name = node_text(node, source);
            catches = catches || name == "NameError" || name == "UnboundLocalError" ||
                      name == "Exception" || name == "BaseException";
          }
          return !catches;
        });
      }
      if (!names_exception || catches) return true;
    }
  }
  return false;
}

/// Whether a loop around the read (inside the function) also binds the name: an earlier
/// iteration may have bound it by the time the read runs.
bool loop_binds_first(TSNode read, TSNode function_body, const std::vector<uint32_t>& bindings) {
  TSNode child = read;
  for (TSNode parent = ts_node_parent(read);
       !ts_node_is_null(parent) && !same_node(child, function_body);
       child = parent, parent = ts_node_parent(parent)) {
    if (!is_type(parent, "for_statement") && !is_type(parent, "while_statement")) continue;
    const uint32_t start = ts_node_start_byte(parent);
    const uint32_t end = ts_node_end_byte(parent);
    for (const uint32_t at : bindings) {
      if (at > start && at <= end) return true;
    }
  }
  return false;
}

/// Whether the function calls exec(), eval(), locals() or vars(): names may then be read and
/// bound in ways the tree does not show.
bool uses_dynamic_namespace(const RuleContext& context, TSNode body) {
  bool found = false;
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (is_type(node, "call")) {
      const TSNode callee = field(node, "function");
      if (is_type(callee, "identifier")) {
        const auto name = context.model.qualified_name(callee);
        found = name == "builtins.exec" || name == "builtins.eval" || name == "builtins.locals" ||
                name == "builtins.vars";
      }
    }
    return !found;
  });
  return found;
}

struct Candidate {
  ScopeId shadowed;
  std::vector<uint32_t> binding_points;  // where each local binding takes effect
  uint32_t first_binding = kNever;
  std::optional<TSNode> first_read;
};

std::optional<Fix> make_fix(const RuleContext& context, TSNode function, std::string_view name,
                            bool global) {
  const std::optional<BodyTop> top = body_top(function, context.source());
  if (!top) return std::nullopt;
  const std::string statement = (global ? "global " : "nonlocal ") + std::string(name);
  return Fix{"Declare `" + statement + "`", FixSafety::Unsafe, {top->insert({{0, statement}})}};
}

void check_function(const RuleContext& context, ScopeId function_scope) {
  const grammar::SemanticModel& model = context.model;
  const grammar::Scope& scope = model.scope(function_scope);
  const TSNode body = field(scope.node, "body");
  if (ts_node_is_null(body)) return;

  std::unordered_map<std::string_view, Candidate> candidates;
  for (const auto& [name, ids] : scope.bindings) {
    if (scope.global_names.contains(name) || scope.nonlocal_names.contains(name)) continue;
    const bool parameter = std::any_of(ids.begin(), ids.end(), [&](grammar::BindingId id) {
      return model.binding(id).kind == BindingKind::Parameter;
    });
    if (parameter) continue;
    const auto shadowed = shadowed_scope(model, function_scope, name);
    if (!shadowed) continue;
    Candidate candidate{*shadowed, {}, kNever, std::nullopt};
    for (const grammar::BindingId id : ids) {
      const uint32_t at = takes_effect_at(model.binding(id));
      if (at == kNever) continue;
      candidate.binding_points.push_back(at);
      candidate.first_binding = std::min(candidate.first_binding, at);
    }
    // `del x` or `x: int` alone binds no value: nothing is "assigned later" to point at.
    if (candidate.binding_points.empty()) continue;
    candidates.emplace(name, std::move(candidate));
  }
  if (candidates.empty()) return;

  // The first read of each candidate in the function's own code, in source order. The target
  // of `x += 1` and of `del x` reads the name too.
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (!is_type(node, "identifier")) return true;
    const auto found = candidates.find(node_text(node, context.source()));
    if (found == candidates.end() || found->second.first_read) return true;
    if (model.scope_of(node) != function_scope) return true;
    const TSNode parent = ts_node_parent(node);
    const bool augmented =
        is_type(parent, "augmented_assignment") && same_node(field(parent, "left"), node);
    const bool deleted =
        is_type(parent, "delete_statement") ||
        (is_type(parent, "expression_list") && is_type(ts_node_parent(parent), "delete_statement"));
    if (augmented || deleted || is_load(node, body)) {
      // Bindings themselves are never loads: their identifiers are the binding's name node.
      bool binding_name = false;
      if (!augmented && !deleted) {
        for (const grammar::BindingId id : model.bindings_in(function_scope, found->first)) {
          binding_name = binding_name || same_node(model.binding(id).name_node, node);
        }
      }
      if (!binding_name) found->second.first_read = node;
    }
    return true;
  });

  bool dynamic_checked = false;
  bool dynamic = false;
  for (auto& [name, candidate] : candidates) {
    if (!candidate.first_read) continue;
    const TSNode read = *candidate.first_read;
    if (ts_node_start_byte(read) >= candidate.first_binding) continue;
    if (loop_binds_first(read, body, candidate.binding_points)) continue;
    if (guarded_by_handler(read, body, context.source())) continue;
    if (!dynamic_checked) {
      dynamic = uses_dynamic_namespace(context, body);
      dynamic_checked = true;
    }
    if (dynamic) return;
    const bool global = candidate.shadowed == grammar::kModuleScope;
    const std::string_view function_name = node_text(field(scope.node, "name"), context.source());
    std::string outer =
        global ? "the module's `" + std::string(name) + "`"
               : "`" +
                     std::string(node_text(field(model.scope(candidate.shadowed).node, "name"),
                                           context.source())) +
                     "`'s `" + std::string(name) + "`";
    context.report({ts_node_start_byte(read), ts_node_end_byte(read)},
                   "`" + std::string(name) + "` is local to `" + std::string(function_name) +
                       "`, which assigns it: this read, before any assignment, raises "
                       "UnboundLocalError instead of using " +
                       outer,
                   make_fix(context, scope.node, name, global));
  }
}

}  // namespace

void check_unbound_local_shadows_global(const RuleContext& context) {
  for (ScopeId id = 0; id < context.model.scope_count(); ++id) {
    const grammar::Scope& scope = context.model.scope(id);
    if (scope.kind == ScopeKind::Function) check_function(context, id);
  }
}

}  // namespace pyfaq::knowledge::rules
