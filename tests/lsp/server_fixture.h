// A `pyfaq serve --sync` child, initialized, for tests of hostile and heavy input: message
// builders and a fixture that checks at the end that the server still answers and exits 0.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

#include "tests/lsp/server_process.h"

namespace pyfaq::testing {

using nlohmann::json;

inline json initialize_request() {
  return {{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "initialize"},
          {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}};
}

inline json open(const std::string& uri, const std::string& text, int version = 1) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "python"}, {"version", version}, {"text", text}}}}}};
}

inline json hover(int id, const std::string& uri, int64_t line, int64_t character) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "textDocument/hover"},
          {"params",
           {{"textDocument", {{"uri", uri}}},
            {"position", {{"line", line}, {"character", character}}}}}};
}

/// Starts a server, initializes it, and checks at the end that it still answers and exits 0.
class Server : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.send(initialize_request());
    const auto reply = server_.next_significant();
    ASSERT_TRUE(reply && reply->contains("result"));
    server_.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  }

  void expect_still_serving() {
    server_.send({{"jsonrpc", "2.0"}, {"id", 999}, {"method", "shutdown"}});
    const auto reply = next_reply(999);
    ASSERT_TRUE(reply.has_value()) << "no answer to shutdown";
    EXPECT_TRUE(reply->contains("result"));
    server_.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    EXPECT_EQ(server_.wait_exit(), std::optional<int>(0));
  }

  /// The reply to request `id`, skipping notifications.
  std::optional<json> next_reply(int id,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    for (;;) {
      auto message = server_.next_significant(timeout);
      if (!message || (message->is_object() && message->value("id", json()) == id)) return message;
    }
  }

  /// The next publishDiagnostics for `uri`, skipping everything else.
  std::optional<json> next_publish(const std::string& uri,
                                   std::chrono::milliseconds timeout = std::chrono::minutes(3)) {
    for (;;) {
      auto message = server_.next_significant(timeout);
      if (!message) return message;
      if (message->value("method", "") == "textDocument/publishDiagnostics" &&
          (*message)["params"].value("uri", "") == uri) {
        return message;
      }
    }
  }

  /// The server's copy of a document (pyfaq/debug/document).
  json held(const std::string& uri) {
    const int id = ++debug_id_;
    server_.send({{"jsonrpc", "2.0"},
                  {"id", id},
                  {"method", "pyfaq/debug/document"},
                  {"params", {{"textDocument", {{"uri", uri}}}}}});
    const auto reply = next_reply(id, std::chrono::minutes(3));
    return reply ? reply->value("result", json()) : json();
  }

  ServerProcess server_{PYFAQ_BINARY, {"serve", "--sync", "--debug-requests"}};
  int debug_id_ = 100000;
};

}  // namespace pyfaq::testing
