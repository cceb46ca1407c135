// PFQ302 sleep-instead-of-join: threads are started, then the starting code sleeps a fixed time
// instead of joining them.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "grammar/bound_values.h"
#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"
#include "knowledge/rules/thread_classes.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

bool is_scope_node(TSNode node) {
  const std::string_view type = grammar::node_type(node);
  return type == "function_definition" || type == "class_definition" || type == "lambda" ||
         type == "module" || grammar::is_comprehension(node);
}

bool is_loop(TSNode node) {
  return is_type(node, "for_statement") || is_type(node, "while_statement");
}

/// The nearest enclosing scope node of `node` (not `node` itself).
TSNode enclosing_scope(TSNode node) {
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (is_scope_node(up)) return up;
  }
  return TSNode{};
}

/// Whether a for/while loop sits between `node` and its enclosing scope `scope`.
bool inside_loop(TSNode node, TSNode scope) {
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up) && !grammar::same_node(up, scope);
       up = ts_node_parent(up)) {
    if (is_loop(up)) return true;
  }
  return false;
}

/// Whether `node` runs as part of `scope_node` itself: no def or class lies in between (lambdas
/// and comprehensions do not hide a wait or a daemon flag).
bool runs_in(TSNode node, TSNode scope_node) {
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (grammar::same_node(up, scope_node)) return true;
    if (is_type(up, "function_definition") || is_type(up, "class_definition")) return false;
  }
  return false;
}

bool is_ancestor(TSNode ancestor, TSNode node) {
  for (TSNode up = node; !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (grammar::same_node(up, ancestor)) return true;
  }
  return false;
}

/// A call of `X.start()` / `X.join()` ... with no arguments: its receiver, or a null node.
TSNode method_call_receiver(TSNode call, std::string_view method, std::string_view source) {
  const TSNode function = grammar::skip_parentheses(field(call, "function"));
  if (!is_type(function, "attribute")) return TSNode{};
  if (node_text(field(function, "attribute"), source) != method) return TSNode{};
  return grammar::skip_parentheses(field(function, "object"));
}

/// A thread construction: `Thread(...)` or a same-module subclass. Sets `daemon` when the call
/// passes `daemon=` with anything but False, or the subclass mentions daemon anywhere.
bool is_thread_construction(const RuleContext& context, TSNode value, bool& daemon) {
  value = grammar::skip_parentheses(value);
  if (!is_type(value, "call")) return false;
  const TSNode callee = field(value, "function");
  if (!is_thread_constructor(context.model, callee)) return false;
  const auto arguments = grammar::read_arguments(field(value, "arguments"), context.source());
  if (!arguments.understood || arguments.has_splat) daemon = true;  // unknown: assume daemon
  const TSNode flag = grammar::keyword_value(arguments, "daemon");
  if (!ts_node_is_null(flag) && !is_type(flag, "false") && !is_type(flag, "none")) daemon = true;
  const TSNode subclass = thread_subclass(context.model, callee);
  if (!ts_node_is_null(subclass) &&
      node_text(subclass, context.source()).find("aemon") != std::string_view::npos) {
    daemon = true;
  }
  return true;
}

/// What a `.start()` call starts, as far as it is known.
struct Start {
  TSNode call;
  std::string name;           // the thread variable, or the loop variable for a collection
  std::string collection;     // the list the threads sit in, for `for t in threads: t.start()`
  TSNode loop;                // that for statement
  bool joinable = true;       // whether the fix can name what to join
  bool loop_rebound = false;  // a named thread started inside a loop: the name holds the last one
};

/// Whether every value `name` holds in `scope` is a thread construction.
bool holds_threads(const RuleContext& context, grammar::ScopeId scope, std::string_view name,
                   bool& daemon) {
  const auto values = grammar::bound_values_in(context.model, scope, name);
  if (!values || values->empty()) return false;
  for (const grammar::BoundValue& value : *values) {
    if (value.kind != grammar::StoreKind::Assignment) return false;
    if (!is_thread_construction(context, value.value, daemon)) return false;
  }
  return true;
}

/// Whether every value of the collection `name` in `scope` holds threads: list or tuple displays
/// of thread constructions, comprehensions building them, or empty lists filled by
/// `name.append(thread)` in `scope_node`.
bool holds_thread_collection(const RuleContext& context, grammar::ScopeId scope, TSNode scope_node,
                             std::string_view name, bool& daemon) {
  const auto values = grammar::bound_values_in(context.model, scope, name);
  if (!values || values->empty()) return false;
  bool needs_appends = false;
  for (const grammar::BoundValue& value : *values) {
    if (value.kind != grammar::StoreKind::Assignment) return false;
    const TSNode display = grammar::skip_parentheses(value.value);
    if (is_type(display, "list") || is_type(display, "tuple")) {
      const uint32_t count = ts_node_named_child_count(display);
      if (count == 0) needs_appends = true;
      for (uint32_t i = 0; i < count; ++i) {
        const TSNode element = ts_node_named_child(display, i);
        if (is_type(element, "comment")) continue;
        if (!is_thread_construction(context, element, daemon)) return false;
      }
    } else if (is_type(display, "list_comprehension") || is_type(display, "generator_expression")) {
      if (!is_thread_construction(context, field(display, "body"), daemon)) return false;
    } else {
      return false;
    }
  }
  if (!needs_appends) return true;
  // Every other use of the list as `name.method(...)` must be an append of a thread.
  bool appended = false;
  bool understood = true;
  grammar::for_each_descendant(scope_node, [&](TSNode node) {
    if (!is_type(node, "call")) return true;
    const TSNode function = grammar::skip_parentheses(field(node, "function"));
    if (!is_type(function, "attribute")) return true;
    const TSNode object = field(function, "object");
    if (!is_type(object, "identifier") || node_text(object, context.source()) != name) return true;
    const std::string_view method = node_text(field(function, "attribute"), context.source());
    if (method != "append") {
      if (method == "extend" || method == "insert" || method == "__setitem__") understood = false;
      return understood;
    }
    const auto arguments = grammar::read_arguments(field(node, "arguments"), context.source());
    if (!arguments.understood || arguments.positional.size() != 1 || arguments.count() != 1) {
      understood = false;
      return false;
    }
    const TSNode item = grammar::skip_parentheses(arguments.positional.front());
    bool ok = is_thread_construction(context, item, daemon);
    if (!ok && is_type(item, "identifier")) {
      const auto item_scope = context.model.scope_of(item);
      ok = item_scope && *item_scope == scope &&
           holds_threads(context, scope, node_text(item, context.source()), daemon);
    }
    if (!ok) understood = false;
    appended = appended || ok;
    return understood;
  });
  return understood && appended;
}

/// Reads a `.start()` call found in the scope: a known thread start, or nullopt.
std::optional<Start> read_start(const RuleContext& context, TSNode call, grammar::ScopeId scope,
                                TSNode scope_node, bool& daemon) {
  const std::string_view source = context.source();
  const TSNode receiver = method_call_receiver(call, "start", source);
  if (ts_node_is_null(receiver)) return std::nullopt;
  const auto arguments = grammar::read_arguments(field(call, "arguments"), source);
  if (!arguments.understood || arguments.count() != 0 || arguments.has_splat) return std::nullopt;
  if (is_type(receiver, "call")) {
    if (!is_thread_construction(context, receiver, daemon)) return std::nullopt;
    return Start{call, "", "", TSNode{}, false};
  }
  if (!is_type(receiver, "identifier")) return std::nullopt;
  const auto receiver_scope = context.model.scope_of(receiver);
  if (!receiver_scope || *receiver_scope != scope) return std::nullopt;
  const std::string_view name = node_text(receiver, source);
  const auto bindings = context.model.bindings_in(scope, name);
  if (bindings.size() == 1 &&
      context.model.binding(bindings.front()).kind == grammar::BindingKind::LoopTarget) {
    // `for t in threads: t.start()`
    const TSNode loop = context.model.binding(bindings.front()).definition;
    if (!is_type(loop, "for_statement") || !is_ancestor(loop, call)) return std::nullopt;
    const TSNode left = grammar::skip_parentheses(field(loop, "left"));
    const TSNode right = grammar::skip_parentheses(field(loop, "right"));
    if (!is_type(left, "identifier") || !is_type(right, "identifier")) return std::nullopt;
    if (!holds_thread_collection(context, scope, scope_node, node_text(right, source), daemon)) {
      return std::nullopt;
    }
    return Start{call, std::string(name), std::string(node_text(right, source)), loop,
                 !inside_loop(loop, scope_node)};
  }
  if (!holds_threads(context, scope, name, daemon)) return std::nullopt;
  // A name rebound in a loop holds only the last thread: joining it would not join the others.
  const bool in_loop = inside_loop(call, scope_node);
  return Start{call, std::string(name), "", TSNode{}, bindings.size() == 1 && !in_loop, in_loop};
}

bool is_waiting_method(std::string_view method) {
  return method == "join" || method == "wait" || method == "result" || method == "get";
}

/// Calls that tell running threads to stop: after one, the sleep time-boxes the workers on
/// purpose (`time.sleep(5); stop.set()`), which is as legitimate as time-boxing daemons.
bool is_stop_signal(std::string_view method) {
  return method == "set" || method == "stop" || method == "cancel" || method == "shutdown" ||
         method == "terminate" || method == "kill" || method == "close" || method == "put";
}

/// The indentation before a node on its line, or nullopt when something else precedes it.
std::optional<std::string_view> indentation_of(TSNode node, std::string_view source) {
  const uint32_t start = ts_node_start_byte(node);
  const std::size_t newline = start == 0 ? std::string_view::npos : source.rfind('\n', start - 1);
  const std::size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  const std::string_view indent = source.substr(from, start - from);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  return indent;
}

/// Replaces the sleep statement with joins of the started threads, when they are all known.
std::optional<Fix> make_fix(const RuleContext& context, const std::vector<Start>& starts,
                            TSNode statement) {
  const std::string_view source = context.source();
  std::vector<std::string> lines;
  for (const Start& start : starts) {
    if (!start.joinable) return std::nullopt;
    std::string line;
    if (start.collection.empty()) {
      line = start.name + ".join()";
    } else {
      // Indent the loop body as the starting loop does.
      const auto loop_indent = indentation_of(start.loop, source);
      const TSNode body = field(start.loop, "body");
      const auto body_indent = indentation_of(body, source);
      if (!loop_indent || !body_indent || body_indent->size() <= loop_indent->size()) {
        return std::nullopt;
      }
      line = "for " + start.name + " in " + start.collection + ":\n" + "\x01" +
             std::string(body_indent->substr(loop_indent->size())) + start.name + ".join()";
    }
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
  }
  if (lines.empty()) return std::nullopt;
  const auto indent = indentation_of(statement, source);
  if (!indent) return std::nullopt;
  // The statement must end its line (no `; more` after it) for a multi-line replacement.
  const uint32_t end = ts_node_end_byte(statement);
  const std::size_t line_end = source.find('\n', end);
  const std::string_view rest =
      source.substr(end, (line_end == std::string_view::npos ? source.size() : line_end) - end);
  const std::size_t first = rest.find_first_not_of(" \t\r");
  if (first != std::string_view::npos && rest[first] != '#') return std::nullopt;

  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += "\n" + std::string(*indent);
    for (char c : lines[i]) {
      if (c == '\x01') {
        text += *indent;
      } else {
        text += c;
      }
    }
  }
  const std::string title = starts.size() == 1 && starts.front().collection.empty()
                                ? "Replace the sleep with `" + starts.front().name + ".join()`"
                                : "Replace the sleep with joins of the started threads";
  return Fix{
      title, FixSafety::Unsafe, {TextEdit{{ts_node_start_byte(statement), end}, std::move(text)}}};
}

std::string describe_threads(const std::vector<Start>& starts) {
  std::vector<std::string> names;
  for (const Start& start : starts) {
    std::string name = start.collection.empty() ? start.name : start.collection;
    // An anonymous thread, or a name rebound in a loop, does not name every thread.
    if (name.empty() || (start.collection.empty() && start.loop_rebound)) {
      return "the threads it started";
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (names.size() == 1) {
    return starts.front().collection.empty() ? "thread `" + names.front() + "`"
                                             : "the threads in `" + names.front() + "`";
  }
  std::string text = "threads ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
    text += "`" + names[i] + "`";
  }
  return text;
}

void check_sleep(const RuleContext& context, TSNode function, TSNode call, TSNode statement) {
  if (ts_node_named_child_count(statement) != 1) return;
  if (context.model.qualified_name(function) != "time.sleep") return;
  // S: the function or module around the sleep, with no loop or class in between.
  TSNode scope_node{};
  for (TSNode up = ts_node_parent(statement); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (is_loop(up)) return;
    if (is_type(up, "function_definition") || is_type(up, "module")) {
      scope_node = up;
      break;
    }
    if (is_scope_node(up)) return;
  }
  if (ts_node_is_null(scope_node)) return;
  // The sleep is evaluated directly in S, so the root name of its callee tells S's scope.
  TSNode probe = function;
  while (is_type(probe, "attribute")) probe = grammar::skip_parentheses(field(probe, "object"));
  if (!is_type(probe, "identifier")) return;
  const auto scope = context.model.scope_of(probe);
  if (!scope || !grammar::same_node(context.model.scope(*scope).node, scope_node)) return;

  const std::string_view source = context.source();
  std::vector<Start> starts;
  bool daemon = false;
  grammar::for_each_descendant(scope_node, [&](TSNode node) {
    if (!is_type(node, "call")) return true;
    if (!grammar::same_node(enclosing_scope(node), scope_node)) return true;
    if (auto start = read_start(context, node, *scope, scope_node, daemon)) {
      starts.push_back(std::move(*start));
    }
    return true;
  });
  if (starts.empty() || daemon) return;
  const uint32_t last_start = ts_node_end_byte(starts.back().call);
  if (ts_node_start_byte(call) < last_start) return;
  // The sleep's block must hold every start (same or outer level).
  const TSNode block = ts_node_parent(statement);
  for (Start& start : starts) {
    if (!is_ancestor(block, start.call)) return;
    // Joining a thread that was never started raises: the fix joins only threads started
    // unconditionally, in the sleep's own block.
    const TSNode anchor = start.collection.empty() ? ts_node_parent(start.call) : start.loop;
    if (!is_type(ts_node_parent(start.call), "expression_statement") ||
        !grammar::same_node(ts_node_parent(anchor), block)) {
      start.joinable = false;
    }
  }
  // Anything that waits after the last start, a stop signal after the sleep, or any daemon flag
  // set on a thread, suppresses.
  bool suppressed = false;
  grammar::for_each_descendant(scope_node, [&](TSNode node) {
    if (!is_type(node, "call") && !is_type(node, "assignment")) return true;
    if (!runs_in(node, scope_node)) return true;
    if (is_type(node, "call")) {
      const TSNode callee = grammar::skip_parentheses(field(node, "function"));
      if (is_type(callee, "attribute")) {
        const std::string_view method = node_text(field(callee, "attribute"), source);
        if (method == "setDaemon" ||
            (is_waiting_method(method) && ts_node_start_byte(node) >= last_start) ||
            (is_stop_signal(method) && ts_node_start_byte(node) > ts_node_end_byte(call))) {
          suppressed = true;
        }
      }
    } else if (is_type(node, "assignment")) {
      const TSNode left = grammar::skip_parentheses(field(node, "left"));
      if (is_type(left, "attribute") && node_text(field(left, "attribute"), source) == "daemon") {
        suppressed = true;
      }
      // `running = False` / `self.stopped = True` after the sleep: a stop flag for the threads.
      const TSNode right = grammar::skip_parentheses(field(node, "right"));
      if ((is_type(right, "true") || is_type(right, "false")) &&
          ts_node_start_byte(node) > ts_node_end_byte(call)) {
        suppressed = true;
      }
    }
    return !suppressed;
  });
  if (suppressed) return;

  std::string message = "`" + std::string(node_text(function, source)) +
                        "()` waits a fixed time, not until " + describe_threads(starts) +
                        " finish; join them instead";
  if (starts.size() == 1 && starts.front().collection.empty() && !starts.front().name.empty() &&
      !starts.front().loop_rebound) {
    message = "`" + std::string(node_text(function, source)) +
              "()` waits a fixed time, not until thread `" + starts.front().name +
              "` finishes; join it instead";
  }
  context.report({ts_node_start_byte(call), ts_node_end_byte(call)}, std::move(message),
                 make_fix(context, starts, statement));
}

}  // namespace

void check_sleep_instead_of_join(const RuleContext& context) {
  const auto& query = *context.query;
  const auto function = query.capture("sleep.function");
  const auto call = query.capture("sleep.call");
  const auto statement = query.capture("sleep.statement");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_sleep(context, match.get(function), match.get(call), match.get(statement));
  });
}

}  // namespace pyfaq::knowledge::rules
