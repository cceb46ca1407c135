// PFQ107 eval-for-number-conversion: `eval(input())`, `int(eval(sys.argv[1]))` — eval used to
// turn text into a number, which runs whatever the text says.
#include <optional>
#include <string>

#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;
using grammar::skip_parentheses;

/// The one positional argument of a call (no keywords, no splats), or a null node.
TSNode single_argument(TSNode call, std::string_view source) {
  const grammar::CallArguments args = grammar::read_arguments(field(call, "arguments"), source);
  if (!args.understood || args.is_generator || args.has_splat || !args.keywords.empty() ||
      args.positional.size() != 1) {
    return TSNode{};
  }
  return args.positional.front();
}

/// Where outside text comes from: `input(...)`, `sys.argv[i]`, `sys.stdin`. Returns how the
/// message names it, or nullopt.
std::optional<std::string> text_source(const RuleContext& context, TSNode node) {
  node = skip_parentheses(node);
  if (is_type(node, "call") &&
      context.model.qualified_name(field(node, "function")) == "builtins.input") {
    return "what the user types";
  }
  if (is_type(node, "subscript") &&
      context.model.qualified_name(field(node, "value")) == "sys.argv") {
    return "a command-line argument";
  }
  if ((is_type(node, "attribute") || is_type(node, "identifier")) &&
      context.model.qualified_name(node) == "sys.stdin") {
    return "standard input";
  }
  return std::nullopt;
}

/// Follows `.strip()`, `.rstrip()`, `.read()`, `.readline()` down to where the text comes from:
/// `input().strip()`, `sys.stdin.readline()`.
std::optional<std::string> text_source_chain(const RuleContext& context, TSNode node) {
  node = skip_parentheses(node);
  for (;;) {
    if (auto found = text_source(context, node)) return found;
    if (!is_type(node, "call")) return std::nullopt;
    const TSNode function = field(node, "function");
    if (!is_type(function, "attribute")) return std::nullopt;
    const std::string_view method = node_text(field(function, "attribute"), context.source());
    if (method != "strip" && method != "rstrip" && method != "read" && method != "readline") {
      return std::nullopt;
    }
    node = skip_parentheses(field(function, "object"));
  }
}

std::optional<std::string> outside_text(const RuleContext& context, TSNode argument) {
  const TSNode node = skip_parentheses(argument);
  if (auto found = text_source_chain(context, node)) return found;
  if (!is_type(node, "identifier")) return std::nullopt;
  // `expr = input(); eval(expr)`: the one value the name can hold.
  const auto bindings = context.model.resolve_bindings(node);
  if (bindings.size() != 1) return std::nullopt;
  const TSNode value = context.model.assigned_value(context.model.binding(bindings.front()));
  if (ts_node_is_null(value)) return std::nullopt;
  return text_source_chain(context, value);
}

/// Text read from a file or stream: `f.readline()`, `f.read().strip()`.
bool is_read_text(const RuleContext& context, TSNode argument) {
  TSNode node = skip_parentheses(argument);
  bool read = false;
  while (is_type(node, "call") && is_type(field(node, "function"), "attribute")) {
    const TSNode function = field(node, "function");
    const std::string_view method = node_text(field(function, "attribute"), context.source());
    if (method == "read" || method == "readline") {
      read = true;
    } else if (method != "strip" && method != "rstrip") {
      return false;
    }
    node = skip_parentheses(field(function, "object"));
  }
  return read;
}

/// `int(eval(...))`, `float(...)`, `abs(...)`, `round(...)`: the builtin the eval result goes
/// straight into, or nullopt.
std::optional<std::string> numeric_wrapper(const RuleContext& context, TSNode eval_call) {
  TSNode node = eval_call;
  TSNode parent = ts_node_parent(node);
  while (is_type(parent, "parenthesized_expression")) {
    node = parent;
    parent = ts_node_parent(node);
  }
  if (!is_type(parent, "argument_list")) return std::nullopt;
  const TSNode call = ts_node_parent(parent);
  if (!is_type(call, "call") ||
      !grammar::same_node(single_argument(call, context.source()), node)) {
    return std::nullopt;
  }
  const auto name = context.model.qualified_name(field(call, "function"));
  if (name == "builtins.int" || name == "builtins.float" || name == "builtins.abs" ||
      name == "builtins.round") {
    return name->substr(9);
  }
  return std::nullopt;
}

void check_call(const RuleContext& context, TSNode function, TSNode call) {
  if (node_text(function, context.source()) != "eval") return;
  if (context.model.qualified_name(function) != "builtins.eval") return;
  const TSNode argument = single_argument(call, context.source());
  if (ts_node_is_null(argument)) return;
  const std::optional<std::string> origin = outside_text(context, argument);
  const std::optional<std::string> wrapper = numeric_wrapper(context, call);
  // A conversion around eval shows numeric intent, but eval of a name may be deliberate
  // (`int(eval("True"))`, a template's expression): it also needs text read from somewhere.
  if (!origin && !(wrapper && is_read_text(context, argument))) return;

  std::string message;
  if (origin) {
    message = "`eval` runs " + *origin + " as Python code; to read a number, convert the text " +
              "with `int()` or `float()`";
  } else {
    message = "`eval` runs the text it reads as Python code just to make a number for `" +
              *wrapper + "()`; convert the text with `int()` or `float()`";
  }
  Fix fix;
  fix.safety = FixSafety::Unsafe;
  if (wrapper == "int" || wrapper == "float") {
    // `int(eval(text))` -> `int(text)`: the conversion around it does the work.
    fix.title = "Drop `eval`: `" + *wrapper + "()` converts the text itself";
    fix.edits.push_back(TextEdit{{ts_node_start_byte(call), ts_node_end_byte(call)},
                                 std::string(node_text(argument, context.source()))});
  } else {
    fix.title = "Replace `eval` with `int`";
    fix.edits.push_back(
        TextEdit{{ts_node_start_byte(function), ts_node_end_byte(function)}, "int"});
  }
  context.report({ts_node_start_byte(call), ts_node_end_byte(call)}, std::move(message),
                 std::move(fix));
}

}  // namespace

void check_eval_for_number_conversion(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto function = query.capture("call.function");
  const auto call = query.capture("call");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_call(context, match.get(function), match.get(call));
  });
}

}  // namespace pyfaq::knowledge::rules
