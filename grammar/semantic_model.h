// Scopes, bindings and name resolution for one parsed Python module.
#pragma once

#include <tree_sitter/api.h>

#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pyfaq::grammar {

class Document;

enum class ScopeKind { Module, Class, Function, Lambda, Comprehension };

/// What introduced a name into a scope.
enum class BindingKind {
  Import,       // import a.b / import a.b as c / from a import b [as c]
  Function,     // def name(...)
  Class,        // class Name
  Parameter,    // a function or lambda parameter
  Assignment,   // =, augmented assignment, annotation, walrus
  LoopTarget,   // for target (statements and comprehensions)
  AsTarget,     // with ... as target, except ... as target
  Deletion,     // del name
  MatchCapture  // a capture pattern in a case clause
};

using ScopeId = uint32_t;
using BindingId = uint32_t;
inline constexpr ScopeId kModuleScope = 0;
inline constexpr uint32_t kNotPositional = UINT32_MAX;

struct Binding {
  BindingKind kind;
  std::string_view name;      // a view of the document's text
  TSNode name_node;           // the identifier that binds
  TSNode definition;          // function_definition / class_definition for defs; else the statement
  std::string import_target;  // Import: the qualified target; relative ones start with '.'
  uint32_t parameter_index = kNotPositional;  // Parameter: index among positional parameters
};

struct Scope {
  ScopeKind kind;
  TSNode node;  // the module, class_definition, function_definition, lambda or comprehension
  std::optional<ScopeId> parent;
  std::unordered_map<std::string_view, std::vector<BindingId>> bindings;
  std::unordered_set<std::string_view> global_names;
  std::unordered_set<std::string_view> nonlocal_names;
  bool has_wildcard_import = false;
  // Names every binding of which imports one same target, to the first such binding.
  std::unordered_map<std::string_view, BindingId> sole_import{};
};

/// One parameter of a def or lambda.
struct Parameter {
  std::string_view name;
  TSNode node;         // the identifier
  TSNode declaration;  // the whole parameter: `x`, `x: int = 0`
  bool has_default = false;
};

/// The shape of a parameter list, in the terms of Python's call rules.
struct ParameterList {
  std::vector<Parameter> positional;  // positional-only and positional-or-keyword
  std::vector<Parameter> keyword_only;
  bool has_var_positional = false;  // *args
  bool has_var_keyword = false;     // **kwargs
  bool understood = true;           // false when the list holds something unexpected
};

/// Reads the `parameters` / `lambda_parameters` node of a def or lambda (null node: no parameters).
ParameterList read_parameters(TSNode parameters, std::string_view source);

/// The scopes and bindings of a module, and resolution of names against them. Built once per
/// analysis from a document that must outlive it. Precision first: whenever a name could mean two
/// things, resolution says "unknown" rather than guess.
class SemanticModel {
 public:
  static SemanticModel build(const Document& document);

  /// A partial model for re-analysing a few functions: of the defs and classes starting at
  /// `skipped_defs` (sorted) only the name is bound; no scope, binding or identifier under them
  /// is known (a walrus or `global` under a skipped one binds nothing, so the caller skips no
  /// such def or class). Everything else is as in the full model.
  static SemanticModel build(const Document& document, std::span<const uint32_t> skipped_defs);

  std::string_view source() const { return source_; }
  const Scope& scope(ScopeId id) const { return scopes_[id]; }
  const Binding& binding(BindingId id) const { return bindings_[id]; }
  std::size_t scope_count() const { return scopes_.size(); }

  /// The scope an identifier is evaluated in.
  std::optional<ScopeId> scope_of(TSNode identifier) const;

  /// Every binding of `name` in `scope` (empty when it has none).
  std::span<const BindingId> bindings_in(ScopeId scope, std::string_view name) const;

  /// The scope whose bindings decide what `name` means when used in `from`: LEGB, with class
  /// scopes invisible to the scopes nested in them, `global` and `nonlocal` honoured. Nullopt
  /// when no scope binds it (a builtin, or an undefined name).
  std::optional<ScopeId> binding_scope(std::string_view name, ScopeId from) const;

  /// The qualified name an identifier or attribute chain refers to: `th.Thread` ->
  /// `threading.Thread`, `len` -> `builtins.len`. Nullopt as soon as the root name has any
  /// binding other than imports of one same target, is relatively imported, or may come from a
  /// wildcard import.
  std::optional<std::string> qualified_name(TSNode expression) const;

  /// Every binding of the name an identifier refers to, in the scope that decides its meaning
  /// (see binding_scope). Empty when no scope binds it (a builtin, or an undefined name).
  std::span<const BindingId> resolve_bindings(TSNode identifier) const;

  /// The value a binding stores, when it is a plain `name = value`, `name: T = value` (also
  /// inside a chain `a = name = value`) or `name := value`, parentheses skipped. A null node for
  /// every other binding: augmented assignments, unpacking, loop targets, parameters, imports ...
  TSNode assigned_value(const Binding& binding) const;

  /// The `def` an identifier names, when the one binding of the name in its resolving scope is
  /// that def.
  const Binding* function_named(TSNode identifier) const;

  /// For `self.m` (or `cls.m`) inside a method: method `m` of the enclosing class, when the
  /// receiver is the method's first parameter and the class body binds `m` once, by a def.
  const Binding* method_of_receiver(TSNode attribute) const;

  /// Whether any import anywhere in the module names `module` or one of its submodules
  /// (`import os.path` imports `os`). Lets rules about one module skip every other file.
  bool imports_module(std::string_view module) const {
    return imported_modules_.contains(std::string(module));
  }

  /// The decorators applied to a function or class definition node, outermost first.
  std::vector<TSNode> decorators_of(TSNode definition) const;

 private:
  friend class ScopeBuilder;

  std::string_view source_;
  std::vector<Scope> scopes_;
  std::vector<Binding> bindings_;
  // The scope of every identifier walked, in source order: one array rather than a hash node per
  // identifier (tens of thousands in a large module). Zero-width (missing) identifiers may share
  // a start with the next, hence the node id.
  struct IdentifierScope {
    uint32_t start;
    ScopeId scope;
    const void* id;
  };
  std::vector<IdentifierScope> identifier_scopes_;
  std::unordered_set<std::string> imported_modules_;  // top-level names of absolute imports
};

}  // namespace pyfaq::grammar
