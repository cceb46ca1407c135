// The server's copy of a document never drifts from the editor's: a client model (written apart
// from the server's code, tests/support/client_document.h) and the real server over pipes apply
// the same 100,000 random incremental edits in UTF-16 positions (surrogate pairs, CRLF and lone
// CR, several changes per notification, edits at line ends, past them and past the last line).
// After every batch the server's text and tree (pyfaq/debug/document) must equal the client's
// text and a fresh parse of it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/tree_dump.h"
#include "tests/lsp/server_process.h"
#include "tests/support/client_document.h"

namespace pyfaq::testing {
namespace {

using nlohmann::json;

constexpr const char* kInsertions[] = {"x",
                                       "é",
                                       "😀",
                                       "𝔘",
                                       "\r\n",
                                       "\n",
                                       "\r",
                                       "    ",
                                       "\t",
                                       "(",
                                       ")",
                                       "[",
                                       "]",
                                       ":",
                                       "'''",
                                       "\"",
                                       "# 😀\r\n",
                                       "\\",
                                       "if x:\n",
                                       "def f(a=[]):\r\n",
                                       "import threading\n",
                                       "counter += 1\n",
                                       "lambda: i",
                                       "\r\n\r\n",
                                       "€€",
                                       "😀😀\r"};

constexpr const char* kStart =
    "import threading, time\r\n"
    "counter = 0  # 😀 a surrogate pair\r\n"
    "\r\n"
    "def work(items=[]):\n"
    "    global counter\n"
    "    counter += 1\r"
    "    return [lambda: i for i in items]\n"
    "\n"
    "t = threading.Thread(target=work)  # é €\n"
    "t.start()\n"
    "time.sleep(1)\n";

class Editor {
 public:
  explicit Editor(uint32_t seed) : random_(seed), document_(kStart, PositionEncoding::Utf16) {}

  const ClientDocument& document() const { return document_; }

  /// One random change, applied to the model; returned as an LSP content change.
  json change() {
    const std::size_t size = document_.code_points();
    const ClientPosition from = position();
    ClientPosition to = from;
    // Delete more when the text is long, insert more when it is short.
    const uint32_t delete_odds = size > 3000 ? 70 : size < 600 ? 15 : 40;
    if (pick(100) < delete_odds) to = pick(4) == 0 ? position() : near(from);
    std::string text;
    if (pick(100) >= delete_odds / 2) {
      for (int pieces = 1 + pick(3); pieces > 0; --pieces)
        text += kInsertions[pick(std::size(kInsertions))];
    }
    document_.replace(from, to, text);
    return {{"range",
             {{"start", {{"line", from.line}, {"character", from.character}}},
              {"end", {{"line", to.line}, {"character", to.character}}}}},
            {"text", text}};
  }

 private:
  uint32_t pick(std::size_t n) {
    return std::uniform_int_distribution<uint32_t>(0, static_cast<uint32_t>(n) - 1)(random_);
  }

  ClientPosition position() {
    const auto lines = static_cast<uint32_t>(document_.line_count());
    ClientPosition at;
    switch (pick(10)) {
      case 0:  // past the last line
        at.line = lines + pick(3);
        at.character = pick(5);
        return at;
      case 1:  // exactly at a line's end
        at.line = pick(lines);
        at.character = static_cast<uint32_t>(document_.line_length(at.line));
        return at;
      case 2:  // past a line's end
        at.line = pick(lines);
        at.character = static_cast<uint32_t>(document_.line_length(at.line)) + 1 + pick(40);
        return at;
      default:  // inside a line (possibly inside a surrogate pair)
        at.line = pick(lines);
        at.character = pick(document_.line_length(at.line) + 1);
        return at;
    }
  }

  /// A position a little after `from`, sometimes on a later line.
  ClientPosition near(ClientPosition from) {
    ClientPosition to = from;
    if (pick(3) == 0) to.line += 1 + pick(2);
    to.character = pick(3) == 0 ? 0 : from.character + pick(8);
    return to;
  }

  std::mt19937 random_;
  ClientDocument document_;
};

TEST(SyncDifferential, HundredThousandRandomEditsLeaveTheServerWithTheClientsText) {
  constexpr int kEdits = 100'000;
  constexpr int kBatch = 10;  // notifications between two comparisons
  const std::string uri = "file:///differential.py";
  ServerProcess server(PYFAQ_BINARY, {"serve", "--debug-requests"});
  server.send({{"jsonrpc", "2.0"},
               {"id", 1},
               {"method", "initialize"},
               {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}});
  ASSERT_TRUE(server.next_significant());
  server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  server.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", kStart}}}}}});

  Editor editor(20261126);
  const auto started = std::chrono::steady_clock::now();
  int edits = 0, notifications = 0, comparisons = 0, version = 1, id = 1;
  while (edits < kEdits) {
    for (int n = 0; n < kBatch && edits < kEdits; ++n) {
      json changes = json::array();
      for (int count = 1 + (edits % 4); count > 0 && edits < kEdits; --count, ++edits) {
        changes.push_back(editor.change());
      }
      server.send({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didChange"},
                   {"params",
                    {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                     {"contentChanges", changes}}}});
      ++notifications;
    }
    server.send({{"jsonrpc", "2.0"},
                 {"id", ++id},
                 {"method", "pyfaq/debug/document"},
                 {"params", {{"textDocument", {{"uri", uri}}}}}});
    std::optional<json> reply;
    while ((reply = server.next_significant(std::chrono::minutes(2))) &&
           reply->value("id", json()) != id) {
    }
    ASSERT_TRUE(reply) << "no answer after " << edits << " edits";
    ASSERT_TRUE(reply->contains("result")) << reply->dump();
    const json& held = (*reply)["result"];
    const std::string expected = editor.document().text();
    ASSERT_EQ(held.value("version", 0), version);
    ASSERT_EQ(held.value("text", std::string()), expected) << "after " << edits << " edits";
    const grammar::Document fresh(expected);
    ASSERT_EQ(held.value("tree", std::string()), grammar::dump_tree(fresh.root()))
        << "tree differs from a fresh parse after " << edits << " edits; text:\n"
        << expected;
    ++comparisons;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%d edits in %d notifications, %d comparisons of text and tree, %.1f s\n", edits,
              notifications, comparisons, seconds);
  EXPECT_EQ(edits, kEdits);

  server.send({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", "shutdown"}});
  server.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(30)), std::optional<int>(0));
}

TEST(SyncDifferential, DebugRequestsAreRefusedWithoutTheFlag) {
  ServerProcess server(PYFAQ_BINARY, {"serve"});
  server.send({{"jsonrpc", "2.0"},
               {"id", 1},
               {"method", "initialize"},
               {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}});
  ASSERT_TRUE(server.next_significant());
  server.send({{"jsonrpc", "2.0"},
               {"id", 2},
               {"method", "pyfaq/debug/document"},
               {"params", {{"textDocument", {{"uri", "file:///a.py"}}}}}});
  const auto reply = server.next_significant();
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["error"]["code"], -32601) << reply->dump();
}

}  // namespace
}  // namespace pyfaq::testing
