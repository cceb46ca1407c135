// PFQ303 unsynchronized-global-increment: a function run by several threads updates a module
// global or a module-level dict/list in place (`n += 1`, `d[k] += 1`) without holding a lock.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "grammar/bound_values.h"
#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/calls.h"
#include "knowledge/rules/checks.h"
#include "knowledge/rules/thread_classes.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// A function that some call runs in a thread, and whether that call runs it more than once.
struct EntrySite {
  TSNode function;  // function_definition
  bool repeated;    // created in a loop or comprehension, or through executor.map
};

/// Whether a loop or comprehension around `call` (inside its own function) repeats it.
bool in_loop_or_comprehension(TSNode call) {
  for (TSNode up = ts_node_parent(call); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (is_type(up, "for_statement") || is_type(up, "while_statement") ||
        grammar::is_comprehension(up)) {
      return true;
    }
    if (is_type(up, "function_definition") || is_type(up, "class_definition")) return false;
  }
  return false;
}

/// The undecorated same-module def an expression names, or a null node.
TSNode undecorated_def(const grammar::SemanticModel& model, TSNode expression) {
  expression = grammar::skip_parentheses(expression);
  if (!is_type(expression, "identifier")) return TSNode{};
  const grammar::Binding* def = model.function_named(expression);
  if (!def || !is_type(def->definition, "function_definition")) return TSNode{};
  if (!model.decorators_of(def->definition).empty()) return TSNode{};
  return def->definition;
}

/// The `run` method a same-module Thread subclass uses: its own, or the nearest same-module base's.
TSNode run_method(const grammar::SemanticModel& model, TSNode class_definition) {
  TSNode current = class_definition;
  for (int depth = 0; depth < 8 && !ts_node_is_null(current); ++depth) {
    const TSNode body = field(current, "body");
    const uint32_t count = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode statement = ts_node_named_child(body, i);
      bool decorated = false;
      if (is_type(statement, "decorated_definition")) {
        statement = field(statement, "definition");
        decorated = true;
      }
      if (is_type(statement, "function_definition") &&
          node_text(field(statement, "name"), model.source()) == "run") {
        return decorated ? TSNode{} : statement;
      }
    }
    const TSNode bases = field(current, "superclasses");
    TSNode next{};
    const uint32_t base_count = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
    for (uint32_t i = 0; i < base_count && ts_node_is_null(next); ++i) {
      next = class_named(model, ts_node_named_child(bases, i));
    }
    current = next;
  }
  return TSNode{};
}

bool is_thread_pool(const grammar::SemanticModel& model, TSNode receiver) {
  if (!is_type(receiver, "identifier")) return false;
  return grammar::every_bound_value(model, receiver, [&](const grammar::BoundValue& value) {
    const TSNode call = grammar::skip_parentheses(value.value);
    if (!is_type(call, "call")) return false;
    const auto name = model.qualified_name(field(call, "function"));
    return name == "concurrent.futures.ThreadPoolExecutor" ||
           name == "concurrent.futures.thread.ThreadPoolExecutor";
  });
}

/// The thread entry points a call creates: Thread(target=f), a Thread subclass's run,
/// Timer(t, f), pool.submit(f, ...) and pool.map(f, ...).
void collect_sites(const RuleContext& context, TSNode call, TSNode function, TSNode arguments_node,
                   std::vector<EntrySite>& sites) {
  // Every call of the file comes here: the cheap tests on the callee go first, and the
  // arguments and the walk up the tree (ts_node_parent descends from the root) only after.
  const grammar::SemanticModel& model = context.model;
  enum class Kind { None, PoolSubmit, PoolMap, Timer, Thread } kind = Kind::None;
  if (is_type(function, "attribute")) {
    const std::string_view method = node_text(field(function, "attribute"), context.source());
    if ((method == "submit" || method == "map") &&
        is_thread_pool(model, grammar::skip_parentheses(field(function, "object")))) {
      kind = method == "map" ? Kind::PoolMap : Kind::PoolSubmit;
    }
  }
  if (kind == Kind::None && model.qualified_name(function) == "threading.Timer") kind = Kind::Timer;
  if (kind == Kind::None && is_thread_constructor(model, function)) kind = Kind::Thread;
  if (kind == Kind::None) return;

  const auto arguments = grammar::read_arguments(arguments_node, context.source());
  if (!arguments.understood) return;
  const bool repeated = in_loop_or_comprehension(call);
  auto add = [&](TSNode def, bool more) {
    if (!ts_node_is_null(def)) sites.push_back({def, repeated || more});
  };
  switch (kind) {
    case Kind::PoolSubmit:
    case Kind::PoolMap:
      add(undecorated_def(model, grammar::argument_at(arguments, 0, "fn")), kind == Kind::PoolMap);
      return;
    case Kind::Timer:
      add(undecorated_def(model, grammar::argument_at(arguments, 1, "function")), false);
      return;
    case Kind::Thread: {
      add(undecorated_def(model, grammar::keyword_value(arguments, "target")), false);
      const TSNode subclass = thread_subclass(model, function);
      if (!ts_node_is_null(subclass)) add(run_method(model, subclass), false);
      return;
    }
    case Kind::None:
      return;
  }
}

/// What a read-modify-write statement updates.
struct Update {
  TSNode statement;  // the expression_statement
  std::string variable;
  bool global;  // a `global` name; else a module-level container
};

/// Whether `name` is bound at module level only to dict/list displays, dict(), Counter() or
/// defaultdict(...).
bool is_module_container(const grammar::SemanticModel& model, std::string_view name) {
  const auto values = grammar::bound_values_in(model, grammar::kModuleScope, name);
  if (!values || values->empty()) return false;
  for (const grammar::BoundValue& value : *values) {
    if (value.kind != grammar::StoreKind::Assignment) return false;
    const TSNode node = grammar::skip_parentheses(value.value);
    if (is_type(node, "dictionary") || is_type(node, "list")) continue;
    if (!is_type(node, "call")) return false;
    const auto callee = model.qualified_name(field(node, "function"));
    if (callee != "builtins.dict" && callee != "collections.Counter" &&
        callee != "collections.defaultdict") {
      return false;
    }
  }
  return true;
}

/// The shared variable `target` names when E updates it: a name E declares global, or a
/// subscript of a module-level container E does not bind itself.
std::optional<Update> shared_target(const RuleContext& context, grammar::ScopeId entry,
                                    TSNode target, TSNode statement) {
  const grammar::SemanticModel& model = context.model;
  target = grammar::skip_parentheses(target);
  if (is_type(target, "identifier")) {
    const std::string_view name = node_text(target, context.source());
    if (!model.scope(entry).global_names.contains(name)) return std::nullopt;
    return Update{statement, std::string(name), true};
  }
  if (!is_type(target, "subscript")) return std::nullopt;
  const TSNode container = grammar::skip_parentheses(field(target, "value"));
  if (!is_type(container, "identifier")) return std::nullopt;
  const std::string_view name = node_text(container, context.source());
  const auto scope = model.scope_of(container);
  if (!scope || *scope != entry) return std::nullopt;
  if (model.binding_scope(name, entry) != grammar::kModuleScope) return std::nullopt;
  if (!is_module_container(model, name)) return std::nullopt;
  return Update{statement, std::string(name), false};
}

/// `x op= v`, or `x = x op v` with the same target text on both sides.
std::optional<Update> read_modify_write(const RuleContext& context, grammar::ScopeId entry,
                                        TSNode statement) {
  if (ts_node_named_child_count(statement) != 1) return std::nullopt;
  const TSNode assignment = ts_node_named_child(statement, 0);
  const TSNode left = field(assignment, "left");
  if (is_type(assignment, "augmented_assignment")) {
    return shared_target(context, entry, left, statement);
  }
  if (!is_type(assignment, "assignment")) return std::nullopt;
  const TSNode right = grammar::skip_parentheses(field(assignment, "right"));
  if (!is_type(right, "binary_operator")) return std::nullopt;
  const TSNode operand = grammar::skip_parentheses(field(right, "left"));
  const std::string_view source = context.source();
  if (node_text(operand, source) != node_text(grammar::skip_parentheses(left), source)) {
    return std::nullopt;
  }
  return shared_target(context, entry, left, statement);
}

/// Whether a `with` other than `with open(...)` surrounds `node` inside `function`.
bool inside_lock_like_with(const RuleContext& context, TSNode node, TSNode function) {
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up) && !grammar::same_node(up, function);
       up = ts_node_parent(up)) {
    if (!is_type(up, "with_statement")) continue;
    bool all_open = true;
    grammar::for_each_descendant(up, [&](TSNode item) {
      if (is_type(item, "block")) return false;  // the items come before the body
      if (!is_type(item, "with_item")) return true;
      TSNode value = field(item, "value");
      if (is_type(value, "as_pattern")) value = ts_node_named_child(value, 0);
      value = grammar::skip_parentheses(value);
      all_open = is_type(value, "call") &&
                 context.model.qualified_name(field(value, "function")) == "builtins.open";
      return all_open;
    });
    if (!all_open) return true;
  }
  return false;
}

/// The scope a def opens.
std::optional<grammar::ScopeId> scope_of_function(const grammar::SemanticModel& model,
                                                  TSNode function) {
  for (std::size_t id = 0; id < model.scope_count(); ++id) {
    const auto scope = static_cast<grammar::ScopeId>(id);
    if (grammar::same_node(model.scope(scope).node, function)) return scope;
  }
  return std::nullopt;
}

/// The read-modify-writes of shared state in E's own body (nested defs and classes excluded),
/// minus those a lock may guard.
std::vector<Update> unguarded_updates(const RuleContext& context, TSNode function) {
  std::vector<Update> updates;
  const auto entry = scope_of_function(context.model, function);
  if (!entry) return updates;
  const std::string_view source = context.source();
  std::vector<uint32_t> acquires;  // where E calls X.acquire()
  std::vector<TSNode> stack{field(function, "body")};
  std::vector<TSNode> statements;
  while (!stack.empty()) {
    const TSNode node = stack.back();
    stack.pop_back();
    if (ts_node_is_null(node)) continue;
    if (is_type(node, "function_definition") || is_type(node, "class_definition") ||
        is_type(node, "lambda")) {
      continue;
    }
    if (is_type(node, "expression_statement")) statements.push_back(node);
    if (is_type(node, "call")) {
      const TSNode callee = grammar::skip_parentheses(field(node, "function"));
      if (is_type(callee, "attribute") &&
          node_text(field(callee, "attribute"), source) == "acquire") {
        acquires.push_back(ts_node_start_byte(node));
      }
    }
    const uint32_t count = ts_node_named_child_count(node);
    for (uint32_t i = count; i > 0; --i) stack.push_back(ts_node_named_child(node, i - 1));
  }
  for (const TSNode statement : statements) {
    auto update = read_modify_write(context, *entry, statement);
    if (!update) continue;
    bool after_acquire = false;
    for (const uint32_t at : acquires) after_acquire |= at < ts_node_start_byte(statement);
    if (after_acquire || inside_lock_like_with(context, statement, function)) continue;
    updates.push_back(std::move(*update));
  }
  return updates;
}

std::string describe(const Update& update, TSNode function, std::string_view source) {
  const std::string_view code = node_text(update.statement, source);
  const std::string what =
      update.global ? "global `" + update.variable + "`" : "module-level `" + update.variable + "`";
  // A method is named with its class: `Worker.run`.
  std::string where(node_text(field(function, "name"), source));
  TSNode owner = ts_node_parent(ts_node_parent(function));
  if (is_type(ts_node_parent(function), "decorated_definition")) owner = TSNode{};
  if (is_type(owner, "class_definition")) {
    where = std::string(node_text(field(owner, "name"), source)) + "." + where;
  }
  std::string message;
  if (code.size() <= 40 && code.find('\n') == std::string_view::npos) {
    message = "`" + std::string(code) + "`";
  } else {
    message = "This update";
  }
  return message + " in `" + where + "` (run by several threads) changes " + what +
         " without a lock; concurrent updates can be lost";
}

}  // namespace

void check_unsynchronized_global_increment(const RuleContext& context) {
  std::vector<EntrySite> sites;
  for_each_call_match(context, [&](TSNode call, TSNode function, TSNode arguments) {
    collect_sites(context, call, grammar::skip_parentheses(function), arguments, sites);
  });
  if (sites.empty()) return;

  // Each entry point once, in source order, with how many sites create it and whether any
  // repeats it.
  struct Entry {
    TSNode function;
    int sites = 0;
    bool repeated = false;
    std::vector<Update> updates;
  };
  std::map<uint32_t, Entry> entries;
  for (const EntrySite& site : sites) {
    Entry& entry = entries[ts_node_start_byte(site.function)];
    entry.function = site.function;
    ++entry.sites;
    entry.repeated = entry.repeated || site.repeated;
  }
  // Creation sites per shared variable, across every entry point that updates it.
  std::map<std::string, int> sites_per_variable;
  for (auto& [start, entry] : entries) {
    entry.updates = unguarded_updates(context, entry.function);
    std::vector<std::string> counted;
    for (const Update& update : entry.updates) {
      const std::string key = (update.global ? "g:" : "c:") + update.variable;
      if (std::find(counted.begin(), counted.end(), key) != counted.end()) continue;
      counted.push_back(key);
      sites_per_variable[key] += entry.sites;
    }
  }
  for (const auto& [start, entry] : entries) {
    for (const Update& update : entry.updates) {
      const std::string key = (update.global ? "g:" : "c:") + update.variable;
      if (!entry.repeated && sites_per_variable[key] < 2) continue;
      context.report({ts_node_start_byte(update.statement), ts_node_end_byte(update.statement)},
                     describe(update, entry.function, context.source()));
    }
  }
}

}  // namespace pyfaq::knowledge::rules
