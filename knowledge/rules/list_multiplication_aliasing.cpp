// PFQ104 list-multiplication-aliasing: `[[0] * w] * h` repeats references to one inner object,
// so changing one row changes them all.
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::skip_parentheses;

/// What kind of fresh mutable object an expression builds, or nullopt when it may be anything
/// else (immutable, shared, unknown).
std::optional<std::string_view> fresh_kind(const RuleContext& context, TSNode expression,
                                           bool follow_names);

/// `[0] * n` or `n * [0]`: a new list each time it runs.
bool is_repeated_display(TSNode node) {
  if (!is_type(node, "binary_operator") || !is_type(field(node, "operator"), "*")) return false;
  return is_type(skip_parentheses(field(node, "left")), "list") ||
         is_type(skip_parentheses(field(node, "right")), "list");
}

std::optional<std::string_view> fresh_call_kind(const RuleContext& context, TSNode call) {
  const auto name = context.model.qualified_name(field(call, "function"));
  if (!name) return std::nullopt;
  if (*name == "builtins.list") return "list";
  if (*name == "builtins.dict" || *name == "collections.defaultdict" ||
      *name == "collections.OrderedDict" || *name == "collections.Counter") {
    return "dict";
  }
  if (*name == "builtins.set") return "set";
  if (*name == "builtins.bytearray") return "bytearray";
  if (*name == "collections.deque") return "deque";
  return std::nullopt;
}

std::optional<std::string_view> fresh_kind(const RuleContext& context, TSNode expression,
                                           bool follow_names) {
  const TSNode node = skip_parentheses(expression);
  const std::string_view type = grammar::node_type(node);
  if (type == "list" || type == "list_comprehension") return "list";
  if (type == "dictionary" || type == "dictionary_comprehension") return "dict";
  if (type == "set" || type == "set_comprehension") return "set";
  if (is_repeated_display(node)) return "list";
  if (type == "call") return fresh_call_kind(context, node);
  if (type == "identifier" && follow_names) {
    // `row = [0] * w; grid = [row] * h`: the one value the name can hold.
    const auto bindings = context.model.resolve_bindings(node);
    if (bindings.size() != 1) return std::nullopt;
    const TSNode value = context.model.assigned_value(context.model.binding(bindings.front()));
    if (ts_node_is_null(value)) return std::nullopt;
    return fresh_kind(context, value, false);
  }
  return std::nullopt;
}

/// Where a product is kept, and so how the rule decides whether its rows are changed.
struct Storage {
  bool stored = false;
  bool escapes = false;         // returned, yielded: whoever gets it will likely fill it
  std::vector<TSNode> targets;  // names (`grid`, `self.grid`) it is assigned to
  TSNode region{};              // where those names are used
};

/// Where the names holding a product are used: for `self.x`, the whole class (or module); for
/// a plain name, the nearest enclosing def (or the module).
TSNode region_of(TSNode node, bool attribute) {
  TSNode current = ts_node_parent(node);
  while (!ts_node_is_null(current) && !is_type(current, "module") &&
         !is_type(current, attribute ? "class_definition" : "function_definition")) {
    current = ts_node_parent(current);
  }
  return current;
}

/// Whether the product is kept: assigned, returned, yielded or a parameter default. Passed
/// straight to a call (`np.array([[0.0] * w] * h)`) it is usually copied, and nothing stays
/// aliased.
Storage where_stored(TSNode product) {
  Storage storage;
  TSNode node = product;
  TSNode parent = ts_node_parent(node);
  while (is_type(parent, "parenthesized_expression")) {
    node = parent;
    parent = ts_node_parent(node);
  }
  const std::string_view type = grammar::node_type(parent);
  if (type == "return_statement" ||
      (type == "yield" && !is_type(ts_node_child(parent, 1), "from"))) {
    storage.stored = storage.escapes = true;
  } else if (type == "assignment" && grammar::same_node(field(parent, "right"), node)) {
    // `a = b = product`: every name of the chain holds it.
    for (TSNode statement = parent; is_type(statement, "assignment");
         statement = ts_node_parent(statement)) {
      const TSNode target = skip_parentheses(field(statement, "left"));
      if (is_type(target, "identifier") || is_type(target, "attribute")) {
        storage.targets.push_back(target);
      }
    }
    if (!storage.targets.empty()) {
      storage.stored = true;
      storage.region = region_of(parent, is_type(storage.targets.front(), "attribute"));
    }
  } else if ((type == "default_parameter" || type == "typed_default_parameter") &&
             grammar::same_node(field(parent, "value"), node)) {
    const TSNode name = field(parent, "name");
    const TSNode function = ts_node_parent(ts_node_parent(parent));
    if (is_type(name, "identifier") && is_type(function, "function_definition")) {
      storage.stored = true;
      storage.targets.push_back(name);
      storage.region = function;
    }
  }
  return storage;
}

/// Methods that change a list, dict, set, deque or bytearray in place.
bool is_mutator(std::string_view method) {
  static const std::unordered_set<std::string_view> kMutators{"append",
                                                              "extend",
                                                              "insert",
                                                              "remove",
                                                              "pop",
                                                              "clear",
                                                              "sort",
                                                              "reverse",
                                                              "add",
                                                              "discard",
                                                              "update",
                                                              "setdefault",
                                                              "popitem",
                                                              "appendleft",
                                                              "extendleft",
                                                              "popleft",
                                                              "rotate",
                                                              "difference_update",
                                                              "intersection_update",
                                                              "symmetric_difference_update",
                                                              "__setitem__",
                                                              "__delitem__",
                                                              "__iadd__"};
  return kMutators.contains(method);
}

/// Finds code that changes one row of a stored product in place. A row is what `is_row` says:
/// `grid[i]` for the name the product is stored in, or a loop variable over it.
class RowChanges {
 public:
  using IsRow = std::function<bool(TSNode)>;
  RowChanges(std::string_view source, IsRow is_row) : source_(source), is_row_(std::move(is_row)) {}

  /// Whether any statement under `region` changes a row: `grid[i][j] = v`, `grid[i] += [v]`,
  /// `grid[i].append(v)`, `del grid[i][k]`, or the same on `row` in `for row in grid:`.
  bool in(TSNode region) const {
    bool found = false;
    grammar::for_each_descendant(region, [&](TSNode node) {
      const std::string_view type = grammar::node_type(node);
      if (type == "assignment" || type == "augmented_assignment") {
        const TSNode left = field(node, "left");
        found = writes_into_row(left) ||
                (type == "augmented_assignment" && is_row_(skip_parentheses(left)));
      } else if (type == "delete_statement") {
        for (uint32_t i = 0; i < ts_node_named_child_count(node) && !found; ++i) {
          found = writes_into_row(ts_node_named_child(node, i));
        }
      } else if (type == "call") {
        const TSNode function = field(node, "function");
        found = is_type(function, "attribute") &&
                is_mutator(node_text(field(function, "attribute"), source_)) &&
                reaches_row(field(function, "object"));
      }
      return !found;
    });
    return found;
  }

 private:
  /// Whether `expression` is a row, or reached from one through `[...]` / `.attr`.
  bool reaches_row(TSNode expression) const {
    for (TSNode current = skip_parentheses(expression); !ts_node_is_null(current);) {
      if (is_row_(current)) return true;
      if (is_type(current, "subscript")) {
        current = skip_parentheses(field(current, "value"));
      } else if (is_type(current, "attribute")) {
        current = skip_parentheses(field(current, "object"));
      } else {
        break;
      }
    }
    return false;
  }

  /// Whether a store or `del` target writes inside a row (not the row slot itself).
  bool writes_into_row(TSNode target) const {
    std::vector<TSNode> pending{target};
    while (!pending.empty()) {
      const TSNode node = skip_parentheses(pending.back());
      pending.pop_back();
      const std::string_view type = grammar::node_type(node);
      if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
          type == "expression_list" || type == "tuple" || type == "list") {
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
          pending.push_back(ts_node_named_child(node, i));
        }
      } else if (type == "subscript") {
        if (reaches_row(field(node, "value"))) return true;
      } else if (type == "attribute") {
        if (reaches_row(field(node, "object"))) return true;
      }
    }
    return false;
  }

  std::string_view source_;
  IsRow is_row_;
};

/// The loop variable of `for row in T:` or `for i, row in enumerate(T):`, when the loop
/// iterates over `target_text`; else a null node.
TSNode row_variable(TSNode loop, std::string_view target_text, std::string_view source) {
  TSNode iterable = skip_parentheses(field(loop, "right"));
  TSNode variable = field(loop, "left");
  if (is_type(iterable, "call")) {
    const TSNode function = field(iterable, "function");
    const TSNode arguments = field(iterable, "arguments");
    if (!is_type(function, "identifier") || node_text(function, source) != "enumerate" ||
        ts_node_named_child_count(arguments) < 1 || !is_type(variable, "pattern_list") ||
        ts_node_named_child_count(variable) != 2) {
      return TSNode{};
    }
    iterable = skip_parentheses(ts_node_named_child(arguments, 0));
    variable = ts_node_named_child(variable, 1);
  }
  if (!is_type(variable, "identifier") || node_text(iterable, source) != target_text) {
    return TSNode{};
  }
  return variable;
}

/// Whether a row of the product stored in `target` is changed in place somewhere in `region`,
/// or the name is handed back (`return grid`), so the caller will likely fill it.
bool rows_change(TSNode region, TSNode target, std::string_view source) {
  const std::string_view target_text = node_text(target, source);
  const RowChanges direct(source, [&](TSNode node) {
    return is_type(node, "subscript") &&
           node_text(skip_parentheses(field(node, "value")), source) == target_text;
  });
  // A program that puts new rows into the slots (`buffer[i] = [item]`) manages rows one by
  // one; the repeated one is only a placeholder.
  bool replaced = false;
  grammar::for_each_descendant(region, [&](TSNode node) {
    if (is_type(node, "assignment")) {
      std::vector<TSNode> pending{field(node, "left")};
      while (!pending.empty() && !replaced) {
        const TSNode target = skip_parentheses(pending.back());
        pending.pop_back();
        if (is_type(target, "pattern_list") || is_type(target, "tuple_pattern")) {
          for (uint32_t i = 0; i < ts_node_named_child_count(target); ++i) {
            pending.push_back(ts_node_named_child(target, i));
          }
        } else {
          replaced = is_type(target, "subscript") &&
                     node_text(skip_parentheses(field(target, "value")), source) == target_text;
        }
      }
    }
    return !replaced;
  });
  if (replaced) return false;
  if (direct.in(region)) return true;
  bool found = false;
  grammar::for_each_descendant(region, [&](TSNode node) {
    if (is_type(node, "return_statement") || is_type(node, "yield")) {
      const TSNode value = ts_node_named_child_count(node) == 1
                               ? skip_parentheses(ts_node_named_child(node, 0))
                               : TSNode{};
      found = !ts_node_is_null(value) && node_text(value, source) == target_text;
    } else if (is_type(node, "for_statement")) {
      const TSNode variable = row_variable(node, target_text, source);
      if (!ts_node_is_null(variable)) {
        const std::string_view row = node_text(variable, source);
        const RowChanges through_loop(source, [&](TSNode candidate) {
          return is_type(candidate, "identifier") && node_text(candidate, source) == row;
        });
        found = through_loop.in(field(node, "body"));
      }
    }
    return !found;
  });
  return found;
}

/// The named children of a list display, comments aside.
std::vector<TSNode> elements_of(TSNode list) {
  std::vector<TSNode> elements;
  const uint32_t count = ts_node_named_child_count(list);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(list, i);
    if (!is_type(child, "comment")) elements.push_back(child);
  }
  return elements;
}

bool contains_identifier(TSNode node, std::string_view name, std::string_view source) {
  bool found = false;
  grammar::for_each_descendant(node, [&](TSNode current) {
    found = is_type(current, "identifier") && node_text(current, source) == name;
    return !found;
  });
  return found;
}

bool contains_comment(TSNode node) {
  bool found = false;
  grammar::for_each_descendant(node, [&](TSNode current) {
    found = is_type(current, "comment");
    return !found;
  });
  return found;
}

/// Whether the code around the product calls `_(...)`: gettext's conventional name, which a
/// comprehension's `for _` would shadow for whoever reads the code. Around: the def holding
/// the product, or the module for a product outside every def.
bool calls_underscore(const RuleContext& context, TSNode product) {
  TSNode around = grammar::outermost_function(product);
  if (ts_node_is_null(around)) {
    context.reads_other_functions();
    around = context.document.root();
  }
  const std::string_view source = context.source();
  bool found = false;
  grammar::for_each_descendant(around, [&](TSNode current) {
    if (is_type(current, "call")) {
      const TSNode function = field(current, "function");
      found = is_type(function, "identifier") && node_text(function, source) == "_";
    }
    return !found;
  });
  return found;
}

/// `[E] * m` -> `[E for _ in range(m)]`: E runs once per row. Not for a name (`[row] * h`):
/// the comprehension would repeat that one object all the same.
std::optional<Fix> make_fix(const RuleContext& context, TSNode product, TSNode element,
                            TSNode count) {
  if (is_type(skip_parentheses(element), "identifier")) return std::nullopt;
  if (contains_comment(product)) return std::nullopt;  // the rewrite would drop it
  const std::string_view source = context.source();
  std::string_view loop = "_";
  if (contains_identifier(element, "_", source) || calls_underscore(context, product)) {
    loop = "_i";
  }
  if (contains_identifier(element, loop, source)) return std::nullopt;
  std::string replacement = "[";
  replacement += node_text(element, source);
  replacement += " for ";
  replacement += loop;
  replacement += " in range(";
  replacement += node_text(skip_parentheses(count), source);
  replacement += ")]";
  return Fix{
      "Build each row with a list comprehension",
      FixSafety::Safe,
      {TextEdit{{ts_node_start_byte(product), ts_node_end_byte(product)}, std::move(replacement)}}};
}

std::string short_text(TSNode node, std::string_view source, std::size_t limit) {
  const std::string_view text = node_text(node, source);
  if (text.size() > limit || text.find('\n') != std::string_view::npos) return {};
  return std::string(text);
}

void check_product(const RuleContext& context, TSNode product) {
  const TSNode left = field(product, "left");
  const TSNode right = field(product, "right");
  const bool left_list = is_type(skip_parentheses(left), "list");
  const bool right_list = is_type(skip_parentheses(right), "list");
  if (left_list == right_list) return;
  const TSNode list = skip_parentheses(left_list ? left : right);
  const TSNode count = left_list ? right : left;
  const TSNode bare_count = skip_parentheses(count);
  if (is_type(bare_count, "integer")) {
    const std::string_view digits = node_text(bare_count, context.source());
    if (digits == "0" || digits == "1") return;
  }
  const std::vector<TSNode> elements = elements_of(list);
  if (elements.empty()) return;
  std::optional<std::string_view> kind;
  for (const TSNode element : elements) {
    kind = fresh_kind(context, element, true);
    if (!kind) return;
  }
  // A stored table nobody changes row by row is harmless (a constant, a fixture, a buffer whose
  // slots are replaced whole): report only when a row is changed in place, or when the product
  // is handed back to a caller who will likely fill it.
  const Storage storage = where_stored(product);
  if (!storage.stored) return;
  if (!storage.escapes) {
    // `self.x` rows may change in any method, a module global's in any function.
    if (!is_type(storage.region, "function_definition")) context.reads_other_functions();
    const bool changed = std::any_of(storage.targets.begin(), storage.targets.end(), [&](TSNode t) {
      return rows_change(storage.region, t, context.source());
    });
    if (!changed) return;
  }

  const std::string_view source = context.source();
  const std::string shown = short_text(product, source, 50);
  const std::string subject = shown.empty() ? "this product" : "`" + shown + "`";
  const std::string times = short_text(bare_count, source, 20);
  std::string message;
  if (elements.size() == 1) {
    const std::string many = times.empty() ? "separate " + std::string(*kind) + "s"
                                           : times + " " + std::string(*kind) + "s";
    message = subject + " makes " + (times.empty() ? "" : times + " ") +
              "references to one inner " + std::string(*kind) + ", not " + many +
              ": a change to one shows in all";
  } else {
    message = subject + " repeats references to the same " + std::to_string(elements.size()) +
              " inner objects" + (times.empty() ? "" : " " + times + " times") +
              ": a change to one shows in all its copies";
  }
  std::optional<Fix> fix;
  if (elements.size() == 1) fix = make_fix(context, product, elements.front(), count);
  context.report({ts_node_start_byte(product), ts_node_end_byte(product)}, std::move(message),
                 std::move(fix));
}

}  // namespace

void check_list_multiplication_aliasing(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto product = query.capture("product");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_product(context, match.get(product));
  });
}

}  // namespace pyfaq::knowledge::rules
