// PFQ304 text-mode-binary-read: binary APIs (struct.unpack, pickle.load/dump, int.from_bytes...)
// fed from, or writing to, a file opened in text mode.
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

/// A call, or a name every binding of which is such a call.
bool is_or_holds_call_to(const grammar::SemanticModel& model, TSNode node,
                         std::initializer_list<std::string_view> names) {
  node = grammar::skip_parentheses(node);
  if (is_call_to(model, node, names)) return true;
  return is_type(node, "identifier") &&
         grammar::every_bound_value(model, node, [&](const grammar::BoundValue& value) {
           return is_call_to(model, value.value, names);
         });
}

/// The text between the quotes of a plain string literal (no f-string, no bytes), or nullopt.
std::optional<std::string_view> literal_content(TSNode node, std::string_view source) {
  if (!is_type(node, "string")) return std::nullopt;
  std::string_view text = node_text(node, source);
  std::size_t prefix = 0;
  while (prefix < text.size() && text[prefix] != '"' && text[prefix] != '\'') {
    const char c = text[prefix];
    if (c != 'r' && c != 'R' && c != 'u' && c != 'U') return std::nullopt;
    ++prefix;
  }
  text.remove_prefix(prefix);
  if (text.size() < 2 || text.starts_with("\"\"\"") || text.starts_with("'''")) {
    return std::nullopt;
  }
  return text.substr(1, text.size() - 2);
}

/// A file opened in text mode: the open call and its literal mode (a null node: the default).
struct TextHandle {
  TSNode open_call;
  TSNode mode;
  std::string mode_text;  // "r" for the default
  bool readable = false;
  bool writable = false;
  bool path_open = false;  // <path>.open(...): the mode is argument #1
};

std::optional<TextHandle> text_handle(const grammar::SemanticModel& model, TSNode value) {
  value = grammar::skip_parentheses(value);
  if (!is_type(value, "call")) return std::nullopt;
  const TSNode function = field(value, "function");
  TextHandle handle{value, {}, "r"};
  if (is_call_to(model, value, {"builtins.open", "io.open"})) {
    handle.path_open = false;
  } else if (is_type(function, "attribute") &&
             node_text(field(function, "attribute"), model.source()) == "open" &&
             is_or_holds_call_to(model, field(function, "object"),
                                 {"pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"})) {
    handle.path_open = true;
  } else {
    return std::nullopt;
  }
  const grammar::CallArguments args =
      grammar::read_arguments(field(value, "arguments"), model.source());
  if (!args.understood) return std::nullopt;
  handle.mode = grammar::argument_at(args, handle.path_open ? 0 : 1, "mode");
  if (ts_node_is_null(handle.mode)) {
    if (args.has_splat) return std::nullopt;
  } else {
    const auto content = literal_content(handle.mode, model.source());
    if (!content || content->empty()) return std::nullopt;
    handle.mode_text = std::string(*content);
  }
  const std::string& mode = handle.mode_text;
  if (mode.find('b') != std::string::npos) return std::nullopt;
  const bool plus = mode.find('+') != std::string::npos;
  handle.readable = plus || mode.find('r') != std::string::npos;
  handle.writable = plus || mode.find_first_of("wax") != std::string::npos;
  return handle;
}

/// The text-mode handle a file argument is: an inline open call, or a name every binding of
/// which is one (several bindings: `open_call` is null, so no fix is offered).
std::optional<TextHandle> handle_of(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_type(node, "call")) return text_handle(model, node);
  const auto values = grammar::bound_values(model, node);
  if (!values) return std::nullopt;
  std::optional<TextHandle> merged;
  for (const grammar::BoundValue& value : *values) {
    const auto handle = text_handle(model, value.value);
    if (!handle) return std::nullopt;
    if (!merged) {
      merged = handle;
    } else {
      merged->open_call = TSNode{};
      merged->readable = merged->readable && handle->readable;
      merged->writable = merged->writable && handle->writable;
    }
  }
  return merged;
}

/// `F.read(...)` / `F.readline(...)` on a readable text handle: the handle and F.
struct TextRead {
  TextHandle handle;
  TSNode file;
};

std::optional<TextRead> text_read(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_type(node, "identifier")) {
    // A name bound once, to such a read.
    const auto values = grammar::bound_values(model, node);
    if (!values || values->size() != 1) return std::nullopt;
    node = grammar::skip_parentheses(values->front().value);
  }
  if (!is_type(node, "call")) return std::nullopt;
  const TSNode function = field(node, "function");
  if (!is_type(function, "attribute")) return std::nullopt;
  const std::string_view method = node_text(field(function, "attribute"), model.source());
  if (method != "read" && method != "readline") return std::nullopt;
  const TSNode file = grammar::skip_parentheses(field(function, "object"));
  auto handle = handle_of(model, file);
  if (!handle || !handle->readable) return std::nullopt;
  return TextRead{*handle, file};
}

/// A value that is bytes: a bytes literal, struct.pack(...), pickle.dumps(...), marshal.dumps().
bool is_bytes_value(const grammar::SemanticModel& model, TSNode node) {
  node = grammar::skip_parentheses(node);
  if (is_type(node, "concatenated_string")) node = ts_node_named_child(node, 0);
  if (is_type(node, "string")) {
    const std::string_view text = node_text(node, model.source());
    const std::size_t quote = text.find_first_of("\"'");
    const std::string_view prefix = text.substr(0, quote);
    return prefix.find_first_of("bB") != std::string_view::npos;
  }
  return is_call_to(model, node, {"struct.pack", "pickle.dumps", "marshal.dumps"});
}

/// Whether the handle's name is used only in ways that work the same on a binary file, so that
/// switching the mode cannot break another line.
bool only_binary_uses(const RuleContext& context, TSNode file) {
  if (!is_type(file, "identifier")) return true;  // an inline open() call
  const grammar::SemanticModel& model = context.model;
  const std::string_view source = context.source();
  const std::string_view name = node_text(file, source);
  const auto scope = model.scope_of(file);
  if (!scope) return false;
  const auto resolving = model.binding_scope(name, *scope);
  if (!resolving) return false;
  // Every use of the name lies in the scope that binds it; a module global's, anywhere.
  if (*resolving == grammar::kModuleScope) context.reads_other_functions();
  bool ok = true;
  grammar::for_each_descendant(model.scope(*resolving).node, [&](TSNode node) {
    if (!is_type(node, "identifier") || node_text(node, source) != name) return true;
    const auto at = model.scope_of(node);
    if (!at || model.binding_scope(name, *at) != resolving) return true;
    const TSNode parent = ts_node_parent(node);
    if (is_type(parent, "assignment") || is_type(parent, "as_pattern_target")) return true;
    if (is_type(parent, "attribute") && grammar::same_node(field(parent, "object"), node)) {
      const std::string_view member = node_text(field(parent, "attribute"), source);
      if (member == "close" || member == "seek" || member == "tell" || member == "flush" ||
          member == "fileno" || member == "name" || member == "closed") {
        return true;
      }
      // A read straight into a binary consumer's argument list, or a write of bytes.
      const TSNode call = ts_node_parent(parent);
      if ((member == "read" || member == "readline") && is_type(call, "call") &&
          is_type(ts_node_parent(call), "argument_list")) {
        return true;
      }
      if (member == "write" && is_type(call, "call")) {
        const grammar::CallArguments args =
            grammar::read_arguments(field(call, "arguments"), source);
        if (args.positional.size() == 1 && is_bytes_value(model, args.positional[0])) return true;
      }
    }
    if (is_type(parent, "argument_list")) {
      const TSNode call = ts_node_parent(parent);
      if (is_call_to(model, call,
                     {"pickle.load", "pickle.dump", "pickle.Pickler", "pickle.Unpickler",
                      "marshal.load", "marshal.dump"})) {
        return true;
      }
    }
    ok = false;
    return false;
  });
  return ok;
}

/// Adds `b` to the literal mode of the open call (or gives it "rb").
std::optional<Fix> binary_mode_fix(const RuleContext& context, const TextHandle& handle,
                                   TSNode file) {
  if (ts_node_is_null(handle.open_call)) return std::nullopt;
  const std::string_view source = context.source();
  const TSNode arguments = field(handle.open_call, "arguments");
  const grammar::CallArguments args = grammar::read_arguments(arguments, source);
  if (args.has_comment || args.has_splat) return std::nullopt;
  for (const char* text_only : {"encoding", "errors", "newline"}) {
    if (!ts_node_is_null(grammar::keyword_value(args, text_only))) return std::nullopt;
  }
  if (!only_binary_uses(context, file)) return std::nullopt;

  std::string mode = handle.mode_text;
  if (const auto t = mode.find('t'); t != std::string::npos) {
    mode[t] = 'b';
  } else {
    mode += 'b';
  }
  TextEdit edit;
  if (!ts_node_is_null(handle.mode)) {
    const auto content = literal_content(handle.mode, source);
    const uint32_t end = ts_node_end_byte(handle.mode) - 1;  // the closing quote
    const uint32_t start = end - static_cast<uint32_t>(content->size());
    edit = {{start, end}, mode};
  } else if (handle.path_open && args.positional.empty()) {
    const uint32_t at = ts_node_start_byte(arguments) + 1;
    edit = {{at, at}, args.keywords.empty() ? "\"rb\"" : "\"rb\", "};
  } else if (!handle.path_open && args.positional.size() == 1) {
    const uint32_t at = ts_node_end_byte(args.positional[0]);
    edit = {{at, at}, ", \"rb\""};
  } else {
    return std::nullopt;
  }
  return Fix{
      "Open the file in binary mode (\"" + mode + "\")", FixSafety::Unsafe, {std::move(edit)}};
}

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

std::string binary_mode_of(const TextHandle& handle) {
  std::string mode = handle.mode_text;
  if (const auto t = mode.find('t'); t != std::string::npos) {
    mode[t] = 'b';
  } else {
    mode += 'b';
  }
  return mode;
}

/// What the file is called in messages.
std::string file_label(TSNode file, std::string_view source) {
  return is_type(file, "identifier") ? quoted(node_text(file, source)) : "the file";
}

void report_handle(const RuleContext& context, TSNode call, std::string_view consumer, TSNode file,
                   const TextHandle& handle, bool writing) {
  const std::string_view source = context.source();
  std::string message = quoted(consumer) +
                        (writing ? " writes bytes, but " : " reads bytes, but ") +
                        file_label(file, source) + " is opened in text mode (\"" +
                        handle.mode_text + "\"): open it with \"" + binary_mode_of(handle) + "\"";
  context.report({ts_node_start_byte(call), ts_node_end_byte(call)}, std::move(message),
                 binary_mode_fix(context, handle, file));
}

/// The argument holding the data a consumer decodes.
void check_decoder(const RuleContext& context, TSNode call, std::string_view consumer,
                   TSNode data) {
  if (ts_node_is_null(data)) return;
  const auto read = text_read(context.model, data);
  if (!read) return;
  const std::string_view source = context.source();
  std::string message = quoted(consumer) + " needs bytes, but " +
                        (is_type(grammar::skip_parentheses(data), "identifier")
                             ? quoted(node_text(grammar::skip_parentheses(data), source)) + " is"
                             : std::string("this is")) +
                        " str read from " + file_label(read->file, source) +
                        ", which is opened in text mode (\"" + read->handle.mode_text +
                        "\"): open it with \"" + binary_mode_of(read->handle) + "\"";
  context.report({ts_node_start_byte(call), ts_node_end_byte(call)}, std::move(message),
                 binary_mode_fix(context, read->handle, read->file));
}

void check_call(const RuleContext& context, TSNode call, TSNode function, TSNode arguments) {
  const grammar::SemanticModel& model = context.model;
  const std::string_view source = context.source();
  const grammar::CallArguments args = grammar::read_arguments(arguments, source);
  if (!args.understood) return;
  const auto name = model.qualified_name(function);
  if (name) {
    const std::string& n = *name;
    if (n == "struct.unpack" || n == "struct.unpack_from" || n == "struct.iter_unpack") {
      check_decoder(context, call, n + "()", grammar::argument_at(args, 1, "buffer"));
    } else if (n == "builtins.int.from_bytes") {
      check_decoder(context, call, "int.from_bytes()", grammar::argument_at(args, 0, "bytes"));
    } else if (n == "pickle.load" || n == "pickle.Unpickler" || n == "marshal.load") {
      const TSNode file = grammar::argument_at(args, 0, "file");
      if (ts_node_is_null(file)) return;
      const auto handle = handle_of(model, file);
      if (handle && handle->readable) {
        report_handle(context, call, n + "()", grammar::skip_parentheses(file), *handle, false);
      }
    } else if (n == "pickle.dump" || n == "marshal.dump" || n == "pickle.Pickler") {
      const TSNode file = grammar::argument_at(args, n == "pickle.Pickler" ? 0 : 1, "file");
      if (ts_node_is_null(file)) return;
      const auto handle = handle_of(model, file);
      if (handle && handle->writable) {
        report_handle(context, call, n + "()", grammar::skip_parentheses(file), *handle, true);
      }
    }
    return;
  }
  if (!is_type(function, "attribute")) return;
  const std::string_view method = node_text(field(function, "attribute"), source);
  const TSNode receiver = grammar::skip_parentheses(field(function, "object"));
  if (method == "unpack" || method == "unpack_from" || method == "iter_unpack") {
    if (is_or_holds_call_to(model, receiver, {"struct.Struct"})) {
      check_decoder(context, call, "Struct." + std::string(method) + "()",
                    grammar::argument_at(args, 0, "buffer"));
    }
  } else if (method == "frombytes") {
    if (is_or_holds_call_to(model, receiver, {"array.array"})) {
      check_decoder(context, call, "array.frombytes()", grammar::argument_at(args, 0, ""));
    }
  } else if (method == "write" && args.positional.size() == 1 && args.keywords.empty() &&
             !args.has_splat && is_bytes_value(model, args.positional[0])) {
    const auto handle = handle_of(model, receiver);
    if (handle && handle->writable) {
      report_handle(context, call, std::string(node_text(receiver, source)) + ".write()", receiver,
                    *handle, true);
    }
  }
}

}  // namespace

void check_text_mode_binary_read(const RuleContext& context) {
  for_each_call_match(context, [&](TSNode call, TSNode function, TSNode arguments) {
    check_call(context, call, function, arguments);
  });
}

}  // namespace pyfaq::knowledge::rules
