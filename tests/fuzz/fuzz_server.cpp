// libFuzzer target: the whole server, in process, fed a session that the input shapes: open,
// change with random ranges (surrogate pairs, CRLF, past line ends), hover, code action, pull,
// commands, cancel, settings, responses to the server's requests, bodies that are not JSON,
// the workspace (a small folder made at start, scanned; pull reports, watched files, progress
// cancellation, lenses), shutdown and exit, in any order. Checks that every request is answered
// exactly once, never with an internal error, that everything written is JSON-RPC, and that at the
// end the server holds each open document exactly as the client does (text and tree).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/tree_dump.h"
#include "grammar/utf8.h"
#include "lsp/jsonrpc/transport.h"
#include "lsp/server/server.h"
#include "lsp/server/session.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/memory_stream.h"
#include "tests/support/client_document.h"

namespace {

using nlohmann::json;
using pyfaq::testing::ClientDocument;
using pyfaq::testing::ClientPosition;
using pyfaq::testing::PositionEncoding;

/// Pieces of text an editor might hold: rule triggers, brackets, every line ending, characters
/// of one to four UTF-8 bytes (two UTF-16 units for the last ones), NUL.
constexpr const char* kPieces[] = {"import threading, signal, os, time\n",
                                   "def f(x=[]):\n",
                                   "    ",
                                   "return x\n",
                                   "signal.signal(2, lambda: 0)\n",
                                   "\r\n",
                                   "\r",
                                   "\n",
                                   "é",
                                   "€",
                                   "😀",
                                   "𝔘x",
                                   "\t",
                                   "(",
                                   ")",
                                   "[",
                                   "]",
                                   "'''",
                                   "\"",
                                   "# c\n",
                                   "  # pyfaq: ignore\n",
                                   "lambda: i",
                                   "for i in range(3):\n",
                                   "class C:\n",
                                   "global g\n",
                                   "counter += 1\n",
                                   "[[0]*3]*2\n",
                                   "time.sleep(1)\n",
                                   "os.popen('ls')\n",
                                   "\\\n",
                                   "x",
                                   " ",
                                   ":",
                                   "=",
                                   "if x:\n"};  // and NUL, in text()

constexpr const char* kUris[] = {"file:///tmp/pyfaq-fuzz/a.py", "file:///tmp/pyfaq-fuzz/b.py",
                                 "untitled:Untitled-1", "file:///tmp/pyfaq-fuzz/%E2%82%AC%20x.py"};

/// The client side: writes the session, and keeps what the server must end up holding.
class Client {
 public:
  explicit Client(FuzzedDataProvider& input) : input_(input) {}

  std::string stream;                   // framed messages, in order
  std::map<std::string, int> requests;  // id -> replies expected (requests sent before exit)
  std::map<std::string, ClientDocument> documents;  // what the server must hold, when running
  bool running = false;                             // between initialize and shutdown
  bool exited = false;

  void initialize() {
    json capabilities = json::object();
    PositionEncoding encoding = PositionEncoding::Utf16;
    switch (input_.ConsumeIntegralInRange(0, 3)) {
      case 0:
        break;
      case 1:
        encoding = PositionEncoding::Utf8;
        capabilities["general"]["positionEncodings"] = {"utf-8"};
        break;
      case 2:
        encoding = PositionEncoding::Utf32;
        capabilities["general"]["positionEncodings"] = {"utf-32"};
        break;
      default:
        capabilities["general"]["positionEncodings"] = {"utf-16"};
    }
    if (input_.ConsumeBool()) capabilities["textDocument"]["diagnostic"] = json::object();
    if (input_.ConsumeBool()) capabilities["workspace"]["configuration"] = true;
    if (input_.ConsumeBool()) capabilities["workspace"]["diagnostics"]["refreshSupport"] = true;
    if (input_.ConsumeBool()) capabilities["window"]["workDoneProgress"] = true;
    if (input_.ConsumeBool()) {
      capabilities["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] = true;
    }
    json params{{"processId", nullptr},
                {"rootUri", "file:///tmp/pyfaq-fuzz"},
                {"capabilities", capabilities}};
    if (input_.ConsumeBool()) params["initializationOptions"] = settings();
    request("initialize", params);
    if (!running && !exited && !shut_down_) {  // the first: it takes effect
      running = true;
      encoding_ = encoding;
    }
    notify("initialized", json::object());
  }

  void step() {
    switch (input_.ConsumeIntegralInRange(0, 21)) {
      case 0:
        open();
        break;
      case 1:
        change();
        break;
      case 2:
        request("textDocument/hover", position_params());
        break;
      case 3:
        code_action();
        break;
      case 4:
        request("textDocument/diagnostic", {{"textDocument", {{"uri", uri()}}}});
        break;
      case 5:
        command();
        break;
      case 6:
        // Whether a cancel overtakes its request depends on timing, so the requests that
        // change the lifecycle (initialize, shutdown) are never cancelled.
        if (!cancellable_.empty()) {
          notify("$/cancelRequest", {{"id", cancellable_[input_.ConsumeIntegralInRange<std::size_t>(
                                                0, cancellable_.size() - 1)]}});
        }
        break;
      case 7:
        close();
        break;
      case 8:
        notify("textDocument/didSave", {{"textDocument", {{"uri", uri()}}}});
        break;
      case 9:
        notify("workspace/didChangeConfiguration", {{"settings", settings()}});
        break;
      case 10:
        request("shutdown", nullptr);
        break;
      case 11:
        notify("exit", nullptr);
        break;
      case 12:
        frame(input_.ConsumeRandomLengthString(64));
        break;  // not JSON, or not RPC
      case 13:
        respond();
        break;
      case 14:
        request("textDocument/unknownThing", position_params());
        break;
      case 15:
        initialize();
        break;
      case 16:
        notify("$/setTrace", {{"value", input_.ConsumeBool() ? "verbose" : "off"}});
        break;
      case 17:
        workspace_diagnostic();
        break;
      case 18:
        watched_files();
        break;
      case 19:
        notify("window/workDoneProgress/cancel",
               {{"token", input_.ConsumeBool() ? json("pyfaq-progress-1") : json(any_string())}});
        break;
      case 20:
        request("textDocument/codeLens", {{"textDocument", {{"uri", uri()}}}});
        break;
      default:
        notify("workspace/didChangeWorkspaceFolders",
               {{"event",
                 {{"added", json::array({{{"uri", "file:///tmp/pyfaq-fuzz/sub"}, {"name", "s"}}})},
                  {"removed", json::array()}}}});
    }
  }

  void finish() {
    // Read back every open document, then end the session as the input says.
    if (running) {
      for (const auto& [uri, document] : documents) {
        const std::string id = request("pyfaq/debug/document", {{"textDocument", {{"uri", uri}}}});
        document_requests_[id] = uri;
      }
    }
    if (input_.ConsumeBool()) {
      request("shutdown", nullptr);
      notify("exit", nullptr);
    }
  }

  /// Checks the server's output against the session sent.
  void verify(const std::string& output) const {
    std::string unused;
    pyfaq::jsonrpc::Transport reader(
        std::make_unique<pyfaq::fuzzing::MemoryStream>(output, output.size() + 1, unused));
    std::map<std::string, int> replies;
    for (;;) {
      const pyfaq::jsonrpc::ReadResult read = reader.read();
      if (read.kind == pyfaq::jsonrpc::ReadResult::Kind::EndOfStream) break;
      FUZZ_CHECK(read.kind == pyfaq::jsonrpc::ReadResult::Kind::Message);
      const json message = json::parse(read.text, nullptr, false);
      FUZZ_CHECK(message.is_object() && message.value("jsonrpc", json()) == "2.0");
      if (message.contains("method")) continue;  // a notification or a request of the server's
      const json id = message.value("id", json());
      if (message.contains("error")) {
        FUZZ_CHECK(message["error"].value("code", 0) != -32603);  // no handler may fail
      }
      if (!id.is_string()) continue;
      const std::string key = id.get<std::string>();
      ++replies[key];
      const auto asked = document_requests_.find(key);
      if (asked != document_requests_.end() && message.contains("result")) {
        check_document(documents.at(asked->second), message["result"]);
      }
    }
    for (const auto& [id, count] : requests) {
      const auto found = replies.find(id);
      FUZZ_CHECK(found != replies.end() && found->second == count);
    }
  }

 private:
  static void check_document(const ClientDocument& expected, const json& held) {
    FUZZ_CHECK(held.is_object());
    const std::string text = expected.text();
    FUZZ_CHECK(held.value("text", std::string()) == text);
    const pyfaq::grammar::Document fresh(text);
    FUZZ_CHECK(held.value("tree", std::string()) == pyfaq::grammar::dump_tree(fresh.root()));
  }

  std::string request(const std::string& method, json params) {
    const std::string id = "r" + std::to_string(++last_id_);
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    if (!exited) ++requests[id];
    if (method != "initialize" && method != "shutdown") cancellable_.push_back(id);
    if (method == "shutdown" && running) {
      running = false;
      shut_down_ = true;
    }
    return id;
  }

  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    if (method == "exit") {
      exited = true;
      running = false;
    }
  }

  void send(const json& message) { frame(message.dump()); }

  void frame(const std::string& body) {
    stream += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  std::string uri() { return kUris[input_.ConsumeIntegralInRange<std::size_t>(0, 3)]; }

  std::string text() {
    std::string out;
    const int pieces = input_.ConsumeIntegralInRange(0, 24);
    for (int i = 0; i < pieces; ++i) {
      const std::size_t which = input_.ConsumeIntegralInRange<std::size_t>(0, std::size(kPieces));
      if (which == std::size(kPieces)) {
        out += '\0';
      } else {
        out += kPieces[which];
      }
    }
    return out;
  }

  ClientPosition position(const std::string& uri) {
    const auto found = documents.find(uri);
    const std::size_t lines = found != documents.end() ? found->second.line_count() : 1;
    ClientPosition at;
    switch (input_.ConsumeIntegralInRange(0, 7)) {
      case 0:  // anywhere at all
        at.line = input_.ConsumeIntegral<uint32_t>();
        at.character = input_.ConsumeIntegral<uint32_t>();
        return at;
      case 1:  // the end of a line, or past it
        at.line = input_.ConsumeIntegralInRange<uint32_t>(0, lines);
        at.character = (found != documents.end() ? found->second.line_length(at.line) : 0) +
                       input_.ConsumeIntegralInRange<uint32_t>(0, 2);
        return at;
      default:
        at.line = input_.ConsumeIntegralInRange<uint32_t>(0, lines);
        at.character = input_.ConsumeIntegralInRange<uint32_t>(0, 40);
        return at;
    }
  }

  static json to_json(ClientPosition at) {
    return {{"line", at.line}, {"character", at.character}};
  }

  json position_params() {
    const std::string target = uri();
    return {{"textDocument", {{"uri", target}}}, {"position", to_json(position(target))}};
  }

  void open() {
    const std::string target = uri();
    const std::string content = text();
    const bool python = input_.ConsumeIntegralInRange(0, 7) != 0;
    notify("textDocument/didOpen", {{"textDocument",
                                     {{"uri", target},
                                      {"languageId", python ? "python" : "plaintext"},
                                      {"version", input_.ConsumeIntegralInRange(0, 5)},
                                      {"text", content}}}});
    if (running) documents.insert_or_assign(target, ClientDocument(content, encoding_));
  }

  void close() {
    const std::string target = uri();
    notify("textDocument/didClose", {{"textDocument", {{"uri", target}}}});
    if (running) documents.erase(target);
  }

  void change() {
    const std::string target = uri();
    json changes = json::array();
    const int count = input_.ConsumeIntegralInRange(1, 3);
    const auto found = running ? documents.find(target) : documents.end();
    for (int i = 0; i < count; ++i) {
      const std::string replacement = text();
      if (input_.ConsumeIntegralInRange(0, 9) == 0) {
        changes.push_back({{"text", replacement}});
        if (found != documents.end()) found->second.replace_all(replacement);
        continue;
      }
      const ClientPosition from = position(target);
      const ClientPosition to = position(target);
      changes.push_back(
          {{"range", {{"start", to_json(from)}, {"end", to_json(to)}}}, {"text", replacement}});
      if (found != documents.end()) found->second.replace(from, to, replacement);
    }
    // Versions mostly go up; sometimes they jump back.
    version_ = input_.ConsumeIntegralInRange(0, 3) == 0 ? input_.ConsumeIntegralInRange(-2, 5)
                                                        : version_ + 1;
    notify("textDocument/didChange", {{"textDocument", {{"uri", target}, {"version", version_}}},
                                      {"contentChanges", changes}});
  }

  void code_action() {
    const std::string target = uri();
    json diagnostics = json::array();
    if (input_.ConsumeBool()) {
      diagnostics.push_back(
          {{"range", {{"start", to_json(position(target))}, {"end", to_json(position(target))}}},
           {"message", "m"},
           {"code", "PFQ301"},
           {"source", "pyfaq"}});
    }
    request("textDocument/codeAction",
            {{"textDocument", {{"uri", target}}},
             {"range", {{"start", to_json(position(target))}, {"end", to_json(position(target))}}},
             {"context", {{"diagnostics", diagnostics}}}});
  }

  void workspace_diagnostic() {
    json previous = json::array();
    for (int i = input_.ConsumeIntegralInRange(0, 3); i > 0; --i) {
      previous.push_back(
          {{"uri", uri()}, {"value", "w" + std::to_string(input_.ConsumeIntegral<uint8_t>())}});
    }
    request("workspace/diagnostic", {{"previousResultIds", previous}});
  }

  /// Files of the fuzzers' workspace (made by `Shared`) created, changed or deleted, as a
  /// client's watcher reports them; the server finds out what is really on disk.
  void watched_files() {
    static constexpr const char* kFiles[] = {
        "file:///tmp/pyfaq-fuzz/a.py",         "file:///tmp/pyfaq-fuzz/pyproject.toml",
        "file:///tmp/pyfaq-fuzz/.gitignore",   "file:///tmp/pyfaq-fuzz/sub",
        "file:///tmp/pyfaq-fuzz/ignored/c.py", "file:///elsewhere/d.py"};
    json changes = json::array();
    for (int i = input_.ConsumeIntegralInRange(1, 3); i > 0; --i) {
      changes.push_back({{"uri", kFiles[input_.ConsumeIntegralInRange<std::size_t>(0, 5)]},
                         {"type", input_.ConsumeIntegralInRange(0, 4)}});
    }
    notify("workspace/didChangeWatchedFiles", {{"changes", changes}});
  }

  void command() {
    static constexpr const char* kCommands[] = {"pyfaq.openFaq",   "pyfaq.faqEntry",
                                                "pyfaq.searchFaq", "pyfaq.explainRule",
                                                "pyfaq.pickFaq",   "pyfaq.nothing"};
    const std::string name = kCommands[input_.ConsumeIntegralInRange<std::size_t>(0, 5)];
    json argument;
    switch (input_.ConsumeIntegralInRange(0, 3)) {
      case 0:
        argument = "library#is-there-a-random-number-generator-in-python";
        break;
      case 1:
        argument = any_string();
        break;
      case 2:
        argument = {{"query", any_string()}, {"limit", 3}};
        break;
      default:
        argument = "signal-handler-arity";
    }
    json arguments = json::array({argument});
    if (name == "pyfaq.pickFaq" && input_.ConsumeBool()) {
      arguments = {"threading", json::array({argument})};
    }
    request("workspace/executeCommand", {{"command", name}, {"arguments", arguments}});
  }

  void respond() {
    // The server numbers its own requests pyfaq-1, pyfaq-2...; answer one, rightly or wrongly.
    json message{{"jsonrpc", "2.0"},
                 {"id", "pyfaq-" + std::to_string(input_.ConsumeIntegralInRange(1, 4))}};
    if (input_.ConsumeBool()) {
      message["result"] = input_.ConsumeBool() ? json::array({settings()}) : json(nullptr);
    } else {
      message["error"] = {{"code", -32601}, {"message", "no"}};
    }
    send(message);
  }

  /// Arbitrary text the JSON writer accepts (it refuses invalid UTF-8).
  std::string any_string() {
    return pyfaq::grammar::replace_invalid_utf8(input_.ConsumeRandomLengthString(24));
  }

  json settings() {
    json pyfaq = json::object();
    if (input_.ConsumeBool()) pyfaq["rules"] = {{"signal-handler-arity", input_.ConsumeBool()}};
    if (input_.ConsumeBool()) pyfaq["severity"] = {{"mutable-default-argument", "warning"}};
    if (input_.ConsumeBool()) pyfaq["hover"] = input_.ConsumeBool();
    if (input_.ConsumeBool()) pyfaq["docsVersion"] = input_.ConsumeBool() ? "3.12" : "x";
    if (input_.ConsumeBool()) pyfaq["rules"] = 7;  // the wrong shape
    if (input_.ConsumeBool()) {
      const char* kScopes[] = {"workspace", "openFiles", "everything"};
      pyfaq["diagnostics"] = {{"scope", kScopes[input_.ConsumeIntegralInRange(0, 2)]}};
    }
    if (input_.ConsumeBool()) pyfaq["codeLens"] = input_.ConsumeBool();
    return {{"pyfaq", pyfaq}};
  }

  FuzzedDataProvider& input_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  int last_id_ = 0;
  std::vector<std::string> cancellable_;
  int version_ = 1;
  bool shut_down_ = false;
  std::map<std::string, std::string> document_requests_;  // debug request id -> uri
};

/// Loaded once per process: every session shares them, as they never change.
struct Shared {
  /// The sessions' workspace folder, with files for the workspace scan to find and ignore.
  static bool make_workspace() {
    namespace fs = std::filesystem;
    const fs::path root = "/tmp/pyfaq-fuzz";
    fs::create_directories(root / "sub");
    fs::create_directories(root / "ignored");
    const auto write = [](const fs::path& path, const char* text) {
      std::ofstream(path, std::ios::binary) << text;
    };
    write(root / "a.py", "import signal\ndef h():\n    pass\nsignal.signal(signal.SIGTERM, h)\n");
    write(root / "sub" / "b.py", "def f(x=[]):\n    return x\n");
    write(root / "ignored" / "c.py", "x = 1\n");
    write(root / ".gitignore", "ignored/\n");
    write(root / "pyproject.toml",
          "[project]\nrequires-python = \">=3.10\"\n[tool.pyfaq]\nexclude = [\"sub\"]\n");
    return true;
  }
  bool workspace = make_workspace();
  std::shared_ptr<const pyfaq::server::FaqKnowledge> faq = pyfaq::server::FaqKnowledge::load("");
  std::shared_future<pyfaq::knowledge::RuleSet> rules =
      std::async(std::launch::deferred, pyfaq::knowledge::RuleSet::all).share();
  Shared() { rules.wait(); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Shared shared;
  FuzzedDataProvider input(data, size);
  Client client(input);
  if (input.ConsumeIntegralInRange(0, 15) != 0) client.initialize();
  for (int steps = 0; steps < 48 && input.remaining_bytes() > 0; ++steps) client.step();
  client.finish();

  std::string output;
  pyfaq::jsonrpc::Transport transport(std::make_unique<pyfaq::fuzzing::MemoryStream>(
      client.stream, 1 + client.stream.size() % 4096, output));
  pyfaq::server::Logger logger(pyfaq::server::LogLevel::Error, "");
  pyfaq::server::ServerOptions options;
  options.synchronous = true;
  options.debug_requests = true;
  options.faq = shared.faq;
  options.all_rules = shared.rules;
  pyfaq::server::serve(transport, options, logger);
  if (std::getenv("PYFAQ_FUZZ_SHOW")) {  // replaying one input: show both sides
    std::fprintf(stderr, "sent:\n%s\n\nreceived:\n%s\n", client.stream.c_str(), output.c_str());
  }
  client.verify(output);
  return 0;
}
