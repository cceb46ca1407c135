// Builds a SemanticModel's scopes and bindings in one iterative walk over the syntax tree.
#include <algorithm>
#include <span>
#include <string>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {

namespace {

/// Where a node sits, as the walk needs to know it for the node's children.
struct Frame {
  TSNode node;
  ScopeId scope;                // the scope this node is evaluated in
  ScopeId opened;               // the scope its body opens (== scope when it opens none)
  bool parameter_list = false;  // inside the parameters of `opened`
  bool first_for_clause_seen = false;
  bool skipped = false;  // a def the caller asked to see only the name of
};

bool is_parameter_list(TSNode node) {
  return is_type(node, "parameters") || is_type(node, "lambda_parameters");
}

/// Visits the named children of `node` without the quadratic cost of indexed access.
template <typename Visit>
void for_each_named_child(TSNode node, Visit&& visit) {
  const uint32_t count = ts_node_child_count(node);
  if (count == 0) return;
  TreeCursor cursor(node);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return;
  do {
    const TSNode child = ts_tree_cursor_current_node(cursor.get());
    if (ts_node_is_named(child)) visit(child);
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
}

}  // namespace

class ScopeBuilder {
 public:
  ScopeBuilder(SemanticModel& model, std::string_view source,
               std::span<const uint32_t> skipped_defs)
      : model_(model), source_(source), skipped_defs_(skipped_defs) {}

  void run(TSNode root) {
    model_.scopes_.push_back(Scope{ScopeKind::Module, root, std::nullopt, {}, {}, {}, false});
    walk(root);
    apply_global_and_nonlocal();
  }

 private:
  void walk(TSNode root) {
    TreeCursor cursor(root);
    std::vector<Frame> stack;
    stack.push_back(enter(root, Frame{root, kModuleScope, kModuleScope}, nullptr));
    for (;;) {
      if (!stack.back().skipped && ts_tree_cursor_goto_first_child(cursor.get())) {
        push_current(cursor, stack);
        continue;
      }
      for (;;) {
        if (ts_tree_cursor_goto_next_sibling(cursor.get())) {
          stack.pop_back();
          push_current(cursor, stack);
          break;
        }
        if (!ts_tree_cursor_goto_parent(cursor.get())) return;
        stack.pop_back();
      }
    }
  }

  void push_current(TreeCursor& cursor, std::vector<Frame>& stack) {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    const char* field_name = ts_tree_cursor_current_field_name(cursor.get());
    Frame& parent = stack.back();
    Frame frame{node, scope_for_child(parent, node, field_name), 0};
    if (!skipped_defs_.empty() &&
        std::binary_search(skipped_defs_.begin(), skipped_defs_.end(), ts_node_start_byte(node))) {
      const bool def = is_type(node, "function_definition");
      if (def || is_type(node, "class_definition")) {
        // Only the name, in the scope around: no scope of its own, nothing under it.
        frame.skipped = true;
        frame.opened = frame.scope;
        bind(frame.scope, def ? BindingKind::Function : BindingKind::Class, field(node, "name"),
             node);
        stack.push_back(frame);
        return;
      }
    }
    stack.push_back(enter(node, frame, &parent));
  }

  /// Which scope a child is evaluated in: defaults, annotations, decorators, base classes and the
  /// first iterable of a comprehension belong to the enclosing scope; the rest to the opened one.
  static ScopeId scope_for_child(Frame& parent, TSNode child, const char* field_name) {
    const std::string_view field = field_name ? field_name : "";
    const std::string_view parent_type = node_type(parent.node);
    if (parent.parameter_list) {
      return (field == "value" || field == "type") ? parent.scope : parent.opened;
    }
    if (parent_type == "function_definition") {
      return field == "body" || field == "parameters" ? parent.opened : parent.scope;
    }
    if (parent_type == "lambda") {
      return field == "body" || field == "parameters" ? parent.opened : parent.scope;
    }
    if (parent_type == "class_definition") return field == "body" ? parent.opened : parent.scope;
    // enter() gives the first for_in_clause of a comprehension the enclosing scope as `scope`.
    if (parent_type == "for_in_clause") return field == "right" ? parent.scope : parent.opened;
    (void)child;
    return parent.opened;
  }

  Frame enter(TSNode node, Frame frame, Frame* parent) {
    frame.opened = frame.scope;
    if (!ts_node_is_named(node)) return frame;  // keywords: the token `lambda` is not a lambda
    const std::string_view type = node_type(node);
    if (type == "identifier") {
      model_.identifier_scopes_.push_back({ts_node_start_byte(node), frame.scope, node.id});
    } else if (type == "function_definition") {
      bind(frame.scope, BindingKind::Function, field(node, "name"), node);
      frame.opened = open_scope(ScopeKind::Function, node, frame.scope);
      bind_parameters(frame.opened, field(node, "parameters"));
    } else if (type == "lambda") {
      frame.opened = open_scope(ScopeKind::Lambda, node, frame.scope);
      bind_parameters(frame.opened, field(node, "parameters"));
    } else if (type == "class_definition") {
      bind(frame.scope, BindingKind::Class, field(node, "name"), node);
      frame.opened = open_scope(ScopeKind::Class, node, frame.scope);
    } else if (is_comprehension(node)) {
      frame.opened = open_scope(ScopeKind::Comprehension, node, frame.scope);
    } else if (type == "for_in_clause" && parent && is_comprehension(parent->node)) {
      // The first clause's iterable is evaluated outside the comprehension.
      if (!parent->first_for_clause_seen) {
        parent->first_for_clause_seen = true;
        frame.first_for_clause_seen = true;
        frame.opened = frame.scope;
        frame.scope = parent->scope;
      }
      bind_targets(frame.opened, field(node, "left"), BindingKind::LoopTarget, node);
    } else if (is_parameter_list(node) && parent) {
      frame.parameter_list = true;
      frame.scope = parent->scope;
      frame.opened = parent->opened;
    } else if (parent && parent->parameter_list && frame.scope == parent->opened) {
      // default_parameter, typed_parameter, splat patterns: the parts that name parameters.
      frame.parameter_list = true;
      frame.scope = parent->scope;
      frame.opened = parent->opened;
    } else {
      enter_statement(node, type, frame.scope);
    }
    return frame;
  }

  void enter_statement(TSNode node, std::string_view type, ScopeId scope) {
    if (type == "assignment" || type == "augmented_assignment") {
      bind_targets(scope, field(node, "left"), BindingKind::Assignment, node);
    } else if (type == "for_statement") {
      bind_targets(scope, field(node, "left"), BindingKind::LoopTarget, node);
    } else if (type == "as_pattern") {
      const TSNode alias = field(node, "alias");
      if (!ts_node_is_null(alias)) {
        bind_targets(scope, alias, BindingKind::AsTarget, node);
      } else if (const uint32_t n = ts_node_named_child_count(node); n >= 2) {
        bind_capture(scope, ts_node_named_child(node, n - 1), node);  // case P as name
      }
    } else if (type == "named_expression") {
      ScopeId target = scope;
      while (model_.scopes_[target].kind == ScopeKind::Comprehension) {
        target = *model_.scopes_[target].parent;
      }
      bind(target, BindingKind::Assignment, field(node, "name"), node);
    } else if (type == "delete_statement") {
      for_each_named_child(
          node, [&](TSNode target) { bind_targets(scope, target, BindingKind::Deletion, node); });
    } else if (type == "import_statement" || type == "import_from_statement" ||
               type == "future_import_statement") {
      bind_import(scope, node, type);
    } else if (type == "global_statement" || type == "nonlocal_statement") {
      auto& names = type == "global_statement" ? model_.scopes_[scope].global_names
                                               : model_.scopes_[scope].nonlocal_names;
      for_each_named_child(node, [&](TSNode name) {
        if (is_type(name, "identifier")) names.insert(node_text(name, source_));
      });
    } else if (type == "case_pattern" || type == "union_pattern") {
      for_each_named_child(node, [&](TSNode child) {
        if (is_type(child, "dotted_name")) bind_capture(scope, child, node);
      });
    } else if (type == "splat_pattern") {
      bind_capture(scope, ts_node_named_child(node, 0), node);
    } else if (type == "keyword_pattern" && ts_node_named_child_count(node) == 2) {
      bind_capture(scope, ts_node_named_child(node, 1), node);
    }
  }

  ScopeId open_scope(ScopeKind kind, TSNode node, ScopeId parent) {
    const auto id = static_cast<ScopeId>(model_.scopes_.size());
    model_.scopes_.push_back(Scope{kind, node, parent, {}, {}, {}, false});
    return id;
  }

  void bind(ScopeId scope, BindingKind kind, TSNode name, TSNode definition,
            std::string import_target = {}, uint32_t parameter_index = kNotPositional) {
    if (!is_type(name, "identifier")) return;
    const auto id = static_cast<BindingId>(model_.bindings_.size());
    const std::string_view text = node_text(name, source_);
    model_.bindings_.push_back(
        Binding{kind, text, name, definition, std::move(import_target), parameter_index});
    model_.scopes_[scope].bindings[text].push_back(id);
  }

  /// A capture pattern is a bare name other than `_`; dotted names are value patterns.
  void bind_capture(ScopeId scope, TSNode pattern, TSNode statement) {
    if (is_type(pattern, "dotted_name")) {
      if (ts_node_named_child_count(pattern) != 1) return;
      pattern = ts_node_named_child(pattern, 0);
    }
    if (is_type(pattern, "identifier") && node_text(pattern, source_) != "_") {
      bind(scope, BindingKind::MatchCapture, pattern, statement);
    }
  }

  /// Binds every name an assignment-like target stores to; attributes and subscripts store
  /// into objects and bind nothing. Iterative: targets may be nested without limit.
  void bind_targets(ScopeId scope, TSNode target, BindingKind kind, TSNode statement) {
    if (ts_node_is_null(target)) return;
    std::vector<TSNode> pending{target};
    while (!pending.empty()) {
      const TSNode node = pending.back();
      pending.pop_back();
      const std::string_view type = node_type(node);
      if (type == "identifier") {
        bind(scope, kind, node, statement);
      } else if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
                 type == "tuple" || type == "list" || type == "expression_list" ||
                 type == "parenthesized_expression" || type == "list_splat_pattern" ||
                 type == "list_splat" || type == "as_pattern_target") {
        for_each_named_child(node, [&](TSNode child) { pending.push_back(child); });
      }
    }
  }

  void bind_parameters(ScopeId scope, TSNode parameters) {
    if (ts_node_is_null(parameters)) return;
    const ParameterList list = read_parameters(parameters, source_);
    uint32_t index = 0;
    for (const Parameter& p : list.positional) {
      bind(scope, BindingKind::Parameter, p.node, parameters, {}, index++);
    }
    for (const Parameter& p : list.keyword_only)
      bind(scope, BindingKind::Parameter, p.node, parameters);
    // *args and **kwargs.
    for_each_named_child(parameters, [&](TSNode child) {
      TSNode inner = child;
      if (is_type(inner, "typed_parameter")) inner = ts_node_named_child(inner, 0);
      if (is_type(inner, "list_splat_pattern") || is_type(inner, "dictionary_splat_pattern")) {
        bind(scope, BindingKind::Parameter, ts_node_named_child(inner, 0), parameters);
      }
    });
  }

  void bind_import(ScopeId scope, TSNode node, std::string_view type) {
    std::string module;
    if (type == "import_from_statement") {
      module = std::string(node_text(field(node, "module_name"), source_));
    } else if (type == "future_import_statement") {
      module = "__future__";
    }
    if (type == "import_from_statement" && !module.starts_with('.')) {
      model_.imported_modules_.insert(module.substr(0, module.find('.')));
    }
    const auto qualify = [&](std::string_view name) {
      if (module.empty()) return std::string(name);
      if (module.back() == '.') return module + std::string(name);  // "from . import x"
      return module + "." + std::string(name);
    };
    for_each_named_child(node, [&](TSNode child) {
      if (is_type(child, "wildcard_import")) {
        model_.scopes_[scope].has_wildcard_import = true;
      } else if (is_type(child, "aliased_import")) {
        const std::string_view name = node_text(field(child, "name"), source_);
        if (type == "import_statement") {
          model_.imported_modules_.insert(std::string(name.substr(0, name.find('.'))));
        }
        bind(scope, BindingKind::Import, field(child, "alias"), node, qualify(name));
      } else if (is_type(child, "dotted_name") && !same_node(child, field(node, "module_name"))) {
        const TSNode first = ts_node_named_child(child, 0);
        if (type == "import_statement") {
          model_.imported_modules_.insert(std::string(node_text(first, source_)));
          // `import a.b.c` binds `a`, the top-level package.
          bind(scope, BindingKind::Import, first, node, std::string(node_text(first, source_)));
        } else {
          bind(scope, BindingKind::Import, first, node, qualify(node_text(child, source_)));
        }
      }
    });
  }

  /// `global x` / `nonlocal x` make every binding of x in that scope a binding of the module /
  /// of the nearest enclosing function that binds x. Parents precede children in `scopes_`.
  void apply_global_and_nonlocal() {
    auto& scopes = model_.scopes_;
    const auto move_bindings = [&](ScopeId from, ScopeId to, std::string_view name) {
      auto found = scopes[from].bindings.find(name);
      if (found == scopes[from].bindings.end()) return;
      auto& target = scopes[to].bindings[name];
      target.insert(target.end(), found->second.begin(), found->second.end());
      scopes[from].bindings.erase(found);
    };
    for (ScopeId id = 1; id < scopes.size(); ++id) {
      for (const std::string_view name : scopes[id].global_names) {
        move_bindings(id, kModuleScope, name);
      }
      for (const std::string_view name : scopes[id].nonlocal_names) {
        for (auto outer = scopes[id].parent; outer && *outer != kModuleScope;
             outer = scopes[*outer].parent) {
          const Scope& candidate = scopes[*outer];
          if (candidate.kind == ScopeKind::Class) continue;
          if (candidate.bindings.contains(name) || candidate.nonlocal_names.contains(name)) {
            move_bindings(id, *outer, name);
            break;
          }
        }
      }
    }
  }

  SemanticModel& model_;
  std::string_view source_;
  std::span<const uint32_t> skipped_defs_;  // start bytes, sorted
};

SemanticModel SemanticModel::build(const Document& document,
                                   std::span<const uint32_t> skipped_defs) {
  SemanticModel model;
  model.source_ = document.text();
  ScopeBuilder(model, model.source_, skipped_defs).run(document.root());
  // The walk is in source order, so this holds; scope_of's binary search relies on it.
  if (!std::is_sorted(model.identifier_scopes_.begin(), model.identifier_scopes_.end(),
                      [](const auto& a, const auto& b) { return a.start < b.start; })) {
    std::stable_sort(model.identifier_scopes_.begin(), model.identifier_scopes_.end(),
                     [](const auto& a, const auto& b) { return a.start < b.start; });
  }
  // Which names are only ever imports of one target, decided once per name rather than per
  // use: a module importing `os` ten thousand times must not cost ten thousand squared.
  for (Scope& scope : model.scopes_) {
    for (const auto& [name, ids] : scope.bindings) {
      const Binding& first = model.bindings_[ids.front()];
      const bool all_same_import = std::all_of(ids.begin(), ids.end(), [&](BindingId id) {
        return model.bindings_[id].kind == BindingKind::Import &&
               model.bindings_[id].import_target == first.import_target;
      });
      if (all_same_import) scope.sole_import.emplace(name, ids.front());
    }
  }
  return model;
}

SemanticModel SemanticModel::build(const Document& document) {
  return build(document, {});
}

}  // namespace pyfaq::grammar
