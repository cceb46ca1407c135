// Which calls construct a thread: threading.Thread and the classes of this module derived from it.
#include "knowledge/rules/thread_classes.h"

#include "grammar/syntax.h"

namespace pyfaq::knowledge::rules {

using grammar::is_type;

TSNode class_named(const grammar::SemanticModel& model, TSNode identifier) {
  if (!is_type(identifier, "identifier")) return TSNode{};
  const auto from = model.scope_of(identifier);
  if (!from) return TSNode{};
  const std::string_view name = grammar::node_text(identifier, model.source());
  const auto scope = model.binding_scope(name, *from);
  if (!scope) return TSNode{};
  const auto bindings = model.bindings_in(*scope, name);
  if (bindings.size() != 1) return TSNode{};
  const grammar::Binding& binding = model.binding(bindings.front());
  if (binding.kind != grammar::BindingKind::Class) return TSNode{};
  return binding.definition;
}

TSNode thread_subclass(const grammar::SemanticModel& model, TSNode callee) {
  // Follow the first base that is a same-module class, a bounded number of steps.
  const TSNode start = class_named(model, grammar::skip_parentheses(callee));
  TSNode current = start;
  for (int depth = 0; depth < 8 && !ts_node_is_null(current); ++depth) {
    const TSNode bases = grammar::field(current, "superclasses");
    if (ts_node_is_null(bases)) return TSNode{};
    TSNode next{};
    const uint32_t count = ts_node_named_child_count(bases);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode base = ts_node_named_child(bases, i);
      if (is_type(base, "keyword_argument") || is_type(base, "comment")) continue;
      if (model.qualified_name(base) == "threading.Thread") return start;
      if (ts_node_is_null(next)) next = class_named(model, base);
    }
    current = next;
  }
  return TSNode{};
}

bool is_thread_constructor(const grammar::SemanticModel& model, TSNode callee) {
  callee = grammar::skip_parentheses(callee);
  if (model.qualified_name(callee) == "threading.Thread") return true;
  return !ts_node_is_null(thread_subclass(model, callee));
}

}  // namespace pyfaq::knowledge::rules
