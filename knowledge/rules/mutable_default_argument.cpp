// PFQ103 mutable-default-argument: a parameter defaults to a fresh mutable object that the
// function then mutates, returns or stores, so the changes carry over from call to call.
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"
#include "knowledge/rules/function_body.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::same_node;

constexpr std::array kMutableDisplays{"list",
                                      "dictionary",
                                      "set",
                                      "list_comprehension",
                                      "dictionary_comprehension",
                                      "set_comprehension"};
constexpr std::array kMutableConstructors{
    "builtins.list",           "builtins.dict",      "builtins.set",
    "builtins.bytearray",      "collections.deque",  "collections.defaultdict",
    "collections.OrderedDict", "collections.Counter"};
constexpr std::array kMutatingMethods{"append",  "extend", "insert",     "pop",        "remove",
                                      "clear",   "update", "setdefault", "add",        "discard",
                                      "popitem", "sort",   "reverse",    "appendleft", "extendleft",
                                      "popleft", "rotate"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& list, std::string_view value) {
  for (const char* item : list) {
    if (value == item) return true;
  }
  return false;
}

/// Whether a default value builds a new mutable object each time it is evaluated (which, for a
/// default, is once).
bool is_fresh_mutable(const RuleContext& context, TSNode value) {
  value = grammar::skip_parentheses(value);
  if (contains(kMutableDisplays, grammar::node_type(value))) return true;
  if (!is_type(value, "call")) return false;
  const auto callee = context.model.qualified_name(field(value, "function"));
  return callee && contains(kMutableConstructors, *callee);
}

bool is_deliberate_state(std::string_view name) {
  if (name.starts_with('_')) return true;
  std::string lower;
  for (const char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("cache") != std::string::npos || lower.find("memo") != std::string::npos;
}

/// A decorator that makes the body a declaration: typing's @overload, abc's @abstractmethod.
bool is_declaration_decorator(const RuleContext& context, TSNode decorator) {
  if (const auto name = context.model.qualified_name(decorator)) {
    return *name == "typing.overload" || *name == "typing_extensions.overload" ||
           *name == "abc.abstractmethod";
  }
  // Unresolved (a relative import, a wildcard): judge by the last name.
  TSNode last = grammar::skip_parentheses(decorator);
  if (is_type(last, "attribute")) last = field(last, "attribute");
  const std::string_view text = node_text(last, context.source());
  return is_type(last, "identifier") && (text == "overload" || text == "abstractmethod");
}

/// The outermost expression that is `node` in redundant parentheses.
TSNode climb_parentheses(TSNode node) {
  TSNode parent = ts_node_parent(node);
  while (is_type(parent, "parenthesized_expression")) {
    node = parent;
    parent = ts_node_parent(node);
  }
  return node;
}

/// What one use of an object does to it.
enum class UseKind { Mutation, Escape };

struct Use {
  UseKind kind;
  std::string how;          // for the message
  TSNode stored_on_self{};  // Escape into `self.attr = p`: the `self.attr` target
};

/// How one use of an expression (the parameter, or `self.attr`) exposes its object, or nullopt
/// when it does not: a mutating method call, an item store or deletion, `+=` / `|=` (those
/// mutate); `return`, `yield`, or a store into an attribute or item (those let it escape).
std::optional<Use> classify_use(const RuleContext& context, TSNode use) {
  const std::string p(node_text(use, context.source()));
  const TSNode outer = climb_parentheses(use);
  const TSNode parent = ts_node_parent(outer);
  if (is_type(parent, "attribute") && same_node(field(parent, "object"), outer)) {
    const TSNode call = ts_node_parent(parent);
    const std::string_view method = node_text(field(parent, "attribute"), context.source());
    if (is_type(call, "call") && same_node(field(call, "function"), parent) &&
        contains(kMutatingMethods, method)) {
      return Use{UseKind::Mutation, "mutates it with `" + p + "." + std::string(method) + "()`"};
    }
    return std::nullopt;
  }
  if (is_type(parent, "subscript") && same_node(field(parent, "value"), outer)) {
    const TSNode holder = ts_node_parent(parent);
    if ((is_type(holder, "assignment") || is_type(holder, "augmented_assignment")) &&
        same_node(field(holder, "left"), parent)) {
      return Use{UseKind::Mutation, "assigns into `" + p + "[...]`"};
    }
    const TSNode statement = is_type(holder, "expression_list") ? ts_node_parent(holder) : holder;
    if (is_type(statement, "delete_statement")) {
      return Use{UseKind::Mutation, "deletes from `" + p + "[...]`"};
    }
    return std::nullopt;
  }
  if (is_type(parent, "augmented_assignment") && same_node(field(parent, "left"), outer)) {
    const std::string_view op = node_text(field(parent, "operator"), context.source());
    if (op == "+=" || op == "|=") {
      return Use{UseKind::Mutation, "changes it in place with `" + p + " " + std::string(op) + "`"};
    }
    return std::nullopt;
  }
  if (is_type(parent, "return_statement")) return Use{UseKind::Escape, "returns it"};
  if (is_type(parent, "yield") && !node_text(parent, context.source()).starts_with("yield from") &&
      ts_node_named_child_count(parent) == 1) {
    return Use{UseKind::Escape, "yields it"};
  }
  if (is_type(parent, "assignment") && same_node(field(parent, "right"), outer)) {
    const TSNode target = field(parent, "left");
    if (is_type(target, "attribute") || is_type(target, "subscript")) {
      Use escape{UseKind::Escape,
                 "stores it in `" + std::string(node_text(target, context.source())) + "`"};
      if (is_type(target, "attribute")) escape.stored_on_self = target;
      return escape;
    }
  }
  return std::nullopt;
}

/// For `self.attr = p` in a method: whether the class ever mutates `<receiver>.attr` in place.
/// An instance attribute that only holds the shared default, and is never changed, is harmless
/// (builders that copy on every change, settings read once).
bool stored_attribute_mutated(const RuleContext& context, TSNode target,
                              grammar::ScopeId function) {
  const TSNode receiver = grammar::skip_parentheses(field(target, "object"));
  if (!is_type(receiver, "identifier")) return true;  // other.attr = p: not ours to follow
  const grammar::Scope& method = context.model.scope(function);
  if (!method.parent || context.model.scope(*method.parent).kind != grammar::ScopeKind::Class) {
    return true;
  }
  const auto bindings = context.model.bindings_in(function, node_text(receiver, context.source()));
  if (bindings.size() != 1) return true;
  const grammar::Binding& binding = context.model.binding(bindings.front());
  if (binding.kind != grammar::BindingKind::Parameter || binding.parameter_index != 0) return true;

  const std::string_view attribute = node_text(field(target, "attribute"), context.source());
  const TSNode class_node = context.model.scope(*method.parent).node;
  context.reads_other_functions();  // the class's other methods
  bool mutated = false;
  grammar::for_each_descendant(class_node, [&](TSNode node) {
    if (is_type(node, "attribute") &&
        node_text(field(node, "attribute"), context.source()) == attribute) {
      const auto use = classify_use(context, node);
      mutated = use && use->kind == UseKind::Mutation;
    }
    return !mutated;
  });
  return mutated;
}

/// Whether a use of the name belongs to the function itself or to a comprehension in it (not
/// to a nested def, lambda or class), and means the parameter.
bool is_own_use(const RuleContext& context, TSNode identifier, grammar::ScopeId function) {
  auto scope = context.model.scope_of(identifier);
  while (scope && *scope != function &&
         context.model.scope(*scope).kind == grammar::ScopeKind::Comprehension) {
    scope = context.model.scope(*scope).parent;
  }
  if (!scope || *scope != function) return false;
  return context.model.binding_scope(node_text(identifier, context.source()), *scope) == function;
}

/// Whether a nested def or lambda of the function uses the parameter: the object then lives on
/// in closures, as deliberate shared state.
bool captured_by_closure(const RuleContext& context, TSNode body, grammar::ScopeId function,
                         std::string_view name) {
  bool captured = false;
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (is_type(node, "identifier") && node_text(node, context.source()) == name) {
      const auto scope = context.model.scope_of(node);
      captured = scope && *scope != function && !is_own_use(context, node, function) &&
                 context.model.binding_scope(name, *scope) == function;
    }
    return !captured;
  });
  return captured;
}

struct Exposure {
  TSNode use;
  std::string how;
};

std::optional<Exposure> first_exposure(const RuleContext& context, TSNode body,
                                       grammar::ScopeId function, std::string_view name) {
  std::optional<Exposure> found;
  grammar::for_each_descendant(body, [&](TSNode node) {
    if (is_type(node, "identifier") && node_text(node, context.source()) == name &&
        is_own_use(context, node, function)) {
      auto use = classify_use(context, node);
      if (use && (ts_node_is_null(use->stored_on_self) ||
                  stored_attribute_mutated(context, use->stored_on_self, function))) {
        found = Exposure{node, std::move(use->how)};
      }
    }
    return !found;
  });
  return found;
}

/// Whether the function rebinds the parameter (`p = list(p)`, `for p in ...`, `del p`) before
/// `before`: from there on the name holds another object. `p += x` is not a rebinding.
bool rebound_before(const RuleContext& context, grammar::ScopeId function, std::string_view name,
                    uint32_t before) {
  for (const grammar::BindingId id : context.model.bindings_in(function, name)) {
    const grammar::Binding& binding = context.model.binding(id);
    if (binding.kind == grammar::BindingKind::Parameter) continue;
    if (is_type(binding.definition, "augmented_assignment")) continue;
    if (ts_node_start_byte(binding.name_node) < before) return true;
  }
  return false;
}

/// Whether every name in the default means the same thing inside the body as where the default
/// is evaluated: then the expression can move into the body.
bool movable_into_body(const RuleContext& context, TSNode value, grammar::ScopeId function) {
  bool movable = true;
  grammar::for_each_descendant(value, [&](TSNode node) {
    if (!is_type(node, "identifier")) return true;
    const TSNode parent = ts_node_parent(node);
    if (is_type(parent, "attribute") && same_node(field(parent, "attribute"), node)) return true;
    if (is_type(parent, "keyword_argument") && same_node(field(parent, "name"), node)) return true;
    const auto scope = context.model.scope_of(node);
    const std::string_view name = node_text(node, context.source());
    movable = scope && context.model.binding_scope(name, *scope) ==
                           context.model.binding_scope(name, function);
    return movable;
  });
  return movable;
}

/// `p=None` plus `if p is None: p = <default>` at the top of the body.
std::optional<Fix> make_fix(const RuleContext& context, TSNode function_node,
                            grammar::ScopeId function, TSNode parameter, std::string_view name,
                            TSNode value) {
  const std::string_view source = context.source();
  if (!movable_into_body(context, value, function)) return std::nullopt;
  // A default over several lines would carry its layout and comments into the body.
  if (node_text(value, source).find('\n') != std::string_view::npos) return std::nullopt;
  // A body on the def's own line, or indented unlike its def: no safe place for a new block.
  const std::optional<BodyTop> top = body_top(function_node, source);
  if (!top) return std::nullopt;

  std::vector<TextEdit> edits;
  bool preferred = true;
  const TSNode annotation = field(parameter, "type");
  if (!ts_node_is_null(annotation)) {
    preferred = false;
    const std::string_view type = node_text(annotation, source);
    if (type.find("None") == std::string_view::npos &&
        type.find("Optional") == std::string_view::npos) {
      if (is_type(ts_node_named_child(annotation, 0), "string")) return std::nullopt;
      edits.push_back({{ts_node_end_byte(annotation), ts_node_end_byte(annotation)}, " | None"});
    }
  }
  edits.push_back({{ts_node_start_byte(value), ts_node_end_byte(value)}, "None"});
  const std::string p(name);
  edits.push_back(top->insert(
      {{0, "if " + p + " is None:"}, {1, p + " = " + std::string(node_text(value, source))}}));
  return Fix{"Default `" + p + "` to None and create a new object on each call",
             preferred ? FixSafety::Safe : FixSafety::Unsafe, std::move(edits)};
}

std::string describe_default(TSNode value, std::string_view source) {
  const std::string_view text = node_text(value, source);
  if (text.size() > 32 || text.find('\n') != std::string_view::npos) {
    return "one mutable object";
  }
  return "one `" + std::string(text) + "`";
}

void check_default(const RuleContext& context, TSNode function_node, TSNode parameter,
                   TSNode name_node, TSNode value) {
  if (!is_fresh_mutable(context, value)) return;
  const std::string_view name = node_text(name_node, context.source());
  const auto parameter_scope = context.model.scope_of(name_node);
  if (!parameter_scope) return;
  // Deliberate state: the FAQ's `*, _cache={}` idiom and its positional spellings (any private
  // `_name`, any `cache` / `memo`).
  if (is_deliberate_state(name)) return;
  // A def nested in a function gets a new default on each call of its parent.
  const auto parent_scope = context.model.scope(*parameter_scope).parent;
  if (parent_scope && context.model.scope(*parent_scope).kind != grammar::ScopeKind::Class &&
      context.model.scope(*parent_scope).kind != grammar::ScopeKind::Module) {
    return;
  }
  for (const TSNode decorator : context.model.decorators_of(function_node)) {
    if (is_declaration_decorator(context, decorator)) return;
  }
  const grammar::ScopeId scope = *parameter_scope;
  const auto found = first_exposure(context, field(function_node, "body"), scope, name);
  if (!found) return;
  if (rebound_before(context, scope, name, ts_node_start_byte(found->use))) return;
  if (captured_by_closure(context, field(function_node, "body"), scope, name)) return;

  const std::string_view function_name = node_text(field(function_node, "name"), context.source());
  context.report({ts_node_start_byte(value), ts_node_end_byte(value)},
                 "`" + std::string(name) + "` defaults to " +
                     describe_default(value, context.source()) + " shared by every call, and `" +
                     std::string(function_name) + "` " + found->how,
                 make_fix(context, function_node, scope, parameter, name, value));
}

}  // namespace

void check_mutable_default_argument(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto function = query.capture("function");
  const auto parameter = query.capture("parameter");
  const auto name = query.capture("parameter.name");
  const auto value = query.capture("parameter.default");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_default(context, match.get(function), match.get(parameter), match.get(name),
                  match.get(value));
  });
}

}  // namespace pyfaq::knowledge::rules
