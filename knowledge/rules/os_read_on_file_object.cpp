// PFQ305 os-read-on-file-object: os.read() / os.write() given a file object (os.popen(), open(),
// Popen.stdout, sys.stdout) where they need an integer file descriptor.
#include <string>

#include "grammar/bound_values.h"
#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/calls.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// A file object where a descriptor belongs: what it is, and whether it reads and writes bytes.
struct FileObject {
  std::string_view origin;  // for the message
  bool binary = false;      // known to read and write bytes
  bool standard_stream = false;
};

/// Whether an open() / io.open() call has a literal mode with `b` in it.
bool binary_mode(TSNode call, std::string_view source) {
  const grammar::CallArguments args = grammar::read_arguments(field(call, "arguments"), source);
  const TSNode mode = grammar::argument_at(args, 1, "mode");
  if (!is_type(mode, "string") || ts_node_named_child_count(mode) > 3) return false;
  const std::string_view text = node_text(mode, source);
  return text.find('b') != std::string_view::npos && text.front() != 'f' && text.front() != 'F';
}

/// Whether a subprocess.Popen(...) call leaves its pipes in binary mode.
bool binary_pipes(TSNode call, std::string_view source) {
  const grammar::CallArguments args = grammar::read_arguments(field(call, "arguments"), source);
  if (!args.understood || args.has_splat || args.positional.size() > 1) return false;
  for (const auto& [keyword, value] : args.keywords) {
    if (keyword == "text" || keyword == "universal_newlines" || keyword == "encoding" ||
        keyword == "errors") {
      return false;
    }
  }
  return true;
}

std::optional<FileObject> opened_file(const grammar::SemanticModel& model, TSNode value) {
  value = grammar::skip_parentheses(value);
  if (is_call_to(model, value, {"os.popen"})) return FileObject{"os.popen()", false, false};
  if (is_call_to(model, value, {"builtins.open", "io.open"})) {
    return FileObject{"open()", binary_mode(value, model.source()), false};
  }
  return std::nullopt;
}

/// What the argument is, when it is certainly a file object.
std::optional<FileObject> file_object(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_type(node, "call")) return opened_file(model, node);
  if (is_type(node, "identifier")) {
    const auto values = grammar::bound_values(model, node);
    if (!values) return std::nullopt;
    std::optional<FileObject> result;
    for (const grammar::BoundValue& value : *values) {
      const auto file = opened_file(model, value.value);
      if (!file) return std::nullopt;
      if (!result) {
        result = file;
      } else {
        if (result->origin != file->origin) result->origin = "open() or os.popen()";
        result->binary = result->binary && file->binary;
      }
    }
    return result;
  }
  if (is_type(node, "attribute")) {
    const std::string_view stream = node_text(field(node, "attribute"), model.source());
    if (stream != "stdin" && stream != "stdout" && stream != "stderr") return std::nullopt;
    const TSNode owner = grammar::skip_parentheses(field(node, "object"));
    if (model.qualified_name(owner) == "sys") return FileObject{"sys", false, true};
    bool binary = true;
    if (grammar::every_bound_value(model, owner, [&](const grammar::BoundValue& value) {
          const TSNode call = grammar::skip_parentheses(value.value);
          if (!is_call_to(model, call, {"subprocess.Popen"})) return false;
          binary = binary && binary_pipes(call, model.source());
          return true;
        })) {
      return FileObject{"subprocess.Popen", binary, false};
    }
  }
  return std::nullopt;
}

void check_call(const RuleContext& context, TSNode call, TSNode function, TSNode arguments) {
  const auto name = context.model.qualified_name(function);
  if (name != "os.read" && name != "os.write") return;
  const grammar::CallArguments args = grammar::read_arguments(arguments, context.source());
  if (!args.understood || args.has_splat || !args.keywords.empty() || args.positional.size() != 2) {
    return;
  }
  const TSNode argument = args.positional[0];
  const auto file = file_object(context.model, argument);
  if (!file) return;

  const bool read = *name == "os.read";
  const std::string_view source = context.source();
  const std::string method = read ? "read" : "write";
  const std::string os_function = "os." + method + "()";
  const std::string object(node_text(grammar::skip_parentheses(argument), source));
  const std::string second(node_text(args.positional[1], source));
  const bool inline_call = is_type(grammar::skip_parentheses(argument), "call");

  std::string message = os_function + " needs a file descriptor, but ";
  if (inline_call) {
    message += "this is the file object " + std::string(file->origin) + " returns";
  } else if (file->standard_stream) {
    message += "`" + object + "` is a file object";
  } else if (file->origin == "subprocess.Popen") {
    message += "`" + object + "` is the pipe's file object";
  } else {
    message += "`" + object + "` is a file object from " + std::string(file->origin);
  }
  if (inline_call) {
    message += ": call its `" + method + "()` method, or pass its `fileno()`";
  } else {
    const std::string owner = file->standard_stream ? object + ".buffer" : object;
    message += ": call `" + owner + "." + method + "()`, or pass `" + object + ".fileno()`";
  }

  // Bytes in, bytes out, as before: the object's own method when it handles bytes (a standard
  // stream's binary `buffer`), else the descriptor behind a text-mode object.
  const std::string shown = inline_call ? "the file object's " : "`" + object + ".";
  const std::string closing = inline_call ? "` method" : "`";
  std::optional<Fix> fix;
  if (!args.has_comment) {
    std::string replacement;
    std::string title;
    FixSafety safety = FixSafety::Safe;
    if (file->binary || file->standard_stream) {
      const std::string target = file->standard_stream ? object + ".buffer" : object;
      replacement = target + "." + method + "(" + second + ")";
      title = file->standard_stream
                  ? "Call `" + target + "." + method + "()`"
                  : "Call " + shown + (inline_call ? "`" : "") + method + "()" + closing;
    } else if (read) {
      // The FAQ's advice; a text-mode object returns str where os.read() returned bytes.
      replacement = object + ".read(" + second + ")";
      title = "Call " + shown + (inline_call ? "`" : "") + "read()" + closing + " (it returns str)";
      safety = FixSafety::Unsafe;
    } else if (!inline_call) {
      // (An inline object would be closed, with its descriptor, before the write.)
      replacement =
          std::string(node_text(function, source)) + "(" + object + ".fileno(), " + second + ")";
      title = "Pass `" + object + ".fileno()`";
      safety = FixSafety::Unsafe;
    }
    if (!replacement.empty()) {
      fix = Fix{std::move(title),
                safety,
                {TextEdit{{ts_node_start_byte(call), ts_node_end_byte(call)}, replacement}}};
    }
  }
  context.report({ts_node_start_byte(argument), ts_node_end_byte(argument)}, std::move(message),
                 std::move(fix));
}

}  // namespace

void check_os_read_on_file_object(const RuleContext& context) {
  for_each_call_match(context, [&](TSNode call, TSNode function, TSNode arguments) {
    check_call(context, call, function, arguments);
  });
}

}  // namespace pyfaq::knowledge::rules
