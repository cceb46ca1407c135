// What a name may hold: the value expressions of its bindings, when each binding is a plain store.
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string_view>
#include <vector>

#include "grammar/semantic_model.h"

namespace pyfaq::grammar {

/// How a value reached the name.
enum class StoreKind {
  Assignment,  // name = value, name: T = value, a = name = value
  WithAs,      // with value as name
  Walrus       // (name := value)
};

struct BoundValue {
  TSNode value;  // the expression stored
  StoreKind kind;
  TSNode statement;  // the assignment / as_pattern / named_expression that stores it
};

/// The values of every binding of `name` in `scope`, when each one is a plain store of one
/// expression into the bare name: `name = value` (also as one target of a chain, or annotated),
/// `with value as name` or `(name := value)`. Nullopt when the scope has no binding of `name` or
/// any binding is something else (parameter, import, def, for target, augmented assignment,
/// unpacking, del, ...): then what the name holds is unknown.
std::optional<std::vector<BoundValue>> bound_values_in(const SemanticModel& model, ScopeId scope,
                                                       std::string_view name);

/// The same for the name an identifier reads, in the scope that resolves it (LEGB, `global`
/// and `nonlocal` honoured). Nullopt for builtins, undefined names and non-identifiers.
std::optional<std::vector<BoundValue>> bound_values(const SemanticModel& model, TSNode identifier);

/// Whether every value `identifier` may hold satisfies `shape` (false when they are unknown).
template <typename Shape>
bool every_bound_value(const SemanticModel& model, TSNode identifier, Shape&& shape) {
  const auto values = bound_values(model, identifier);
  if (!values) return false;
  for (const BoundValue& value : *values) {
    if (!shape(value)) return false;
  }
  return true;
}

}  // namespace pyfaq::grammar
