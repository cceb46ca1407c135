// Hostile and heavy input over real pipes: every case is answered as LSP says and the server
// still serves the next request afterwards.
#include <gtest/gtest.h>

#include <string>

#include "tests/lsp/server_fixture.h"

namespace pyfaq::testing {
namespace {

TEST_F(Server, TruncatedBodyAtEndOfInputEndsTheServerCleanly) {
  server_.send_raw("Content-Length: 100\r\n\r\n{\"jsonrpc\":");
  server_.close_input();
  EXPECT_EQ(server_.wait_exit(), std::optional<int>(1));
}

TEST_F(Server, MalformedHeadersAreSkipped) {
  server_.send_raw("Content-Length: twelve\r\n\r\n");
  auto reply = server_.next_significant();
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["error"]["code"], -32700);
  server_.send_raw("Content-Length: 99999999999\r\n\r\n");  // over the cap: skipped to the end
  reply = server_.next_significant();
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["error"]["code"], -32700);
}

TEST_F(Server, InvalidUtf8InADocumentIsKeptAndAnalysed) {
  // nlohmann refuses to write invalid UTF-8 in the test client, so the bytes go raw.
  const std::string body =
      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
      "{\"uri\":\"file:///raw.py\",\"languageId\":\"python\",\"version\":1,\"text\":"
      "\"import signal\\nx = '\xff\xfe'\\nsignal.signal(2, lambda: 0)\\n\"}}}";
  server_.send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  for (int published = 0; published < 1;) {
    const auto message = server_.next_significant();
    ASSERT_TRUE(message);
    if (message->value("method", "") == "textDocument/publishDiagnostics") ++published;
  }
  server_.send(hover(2, "file:///raw.py", 2, 8));
  const auto reply = next_reply(2);
  ASSERT_TRUE(reply);
  EXPECT_TRUE(reply->contains("result"));
  expect_still_serving();
}

TEST_F(Server, PositionsPastTheEndAreClamped) {
  server_.send(open("file:///a.py", "import os\nos.getcwd()\n"));
  server_.send(hover(2, "file:///a.py", 1, 100000));
  server_.send(hover(3, "file:///a.py", 100000, 0));
  server_.send(hover(4, "file:///a.py", 2147483647, 2147483647));
  for (int id : {2, 3, 4}) {
    const auto reply = next_reply(id);
    ASSERT_TRUE(reply);
    EXPECT_TRUE(reply->contains("result")) << reply->dump();
  }
  expect_still_serving();
}

TEST_F(Server, TenMegabyteFile) {
  std::string text = "import signal\n";
  while (text.size() < 10u << 20) text += "def f(a, b):\n    return [x * 2 for x in range(a)]\n\n";
  text += "signal.signal(2, lambda: 0)\n";
  server_.send(open("file:///big.py", text));
  std::optional<json> published;
  while (!published) {
    // A hang guard, not a speed test: the sanitizer build on a loaded 2-core machine took
    // over a minute.
    const auto message = server_.next_significant(std::chrono::minutes(5));
    ASSERT_TRUE(message) << "no diagnostics for the 10 MB file";
    if (message->value("method", "") == "textDocument/publishDiagnostics") published = message;
  }
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  expect_still_serving();
}

TEST_F(Server, TenThousandNestedParentheses) {
  const std::string text = "import signal\nx = " + std::string(10000, '(') + "1" +
                           std::string(10000, ')') + "\n" + std::string(10000, '[') + "\n";
  server_.send(open("file:///deep.py", text));
  server_.send(hover(2, "file:///deep.py", 1, 5000));
  const auto reply = next_reply(2);
  ASSERT_TRUE(reply);
  EXPECT_TRUE(reply->contains("result"));
  expect_still_serving();
}

TEST_F(Server, RequestAboutADocumentChangedMeanwhileIsContentModified) {
  // A large document keeps the main loop busy, so the hover and the change behind it are both
  // queued before the hover is answered.
  std::string text;
  while (text.size() < 1u << 20) text += "import os\nos.getcwd()\n";
  server_.send(open("file:///busy.py", text));
  server_.send(open("file:///a.py", "import os\nos.getcwd()\n"));
  server_.send(hover(2, "file:///a.py", 1, 4));
  server_.send({{"jsonrpc", "2.0"},
                {"method", "textDocument/didChange"},
                {"params",
                 {{"textDocument", {{"uri", "file:///a.py"}, {"version", 2}}},
                  {"contentChanges", json::array({{{"text", "x = 1\n"}}})}}}});
  // A deadline for a hung server, not a speed test: sanitizer builds analyse the big file slowly.
  const auto reply = next_reply(2, std::chrono::minutes(3));
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["error"]["code"], -32801) << reply->dump();
  server_.send(hover(3, "file:///a.py", 0, 0));
  EXPECT_TRUE(next_reply(3).has_value());
  expect_still_serving();
}

TEST_F(Server, WrongParamsForEveryMethod) {
  const std::vector<std::string> methods{"initialize",
                                         "shutdown",
                                         "textDocument/hover",
                                         "textDocument/codeAction",
                                         "textDocument/diagnostic",
                                         "workspace/executeCommand"};
  int id = 10;
  for (const std::string& method : methods) {
    for (const json& params : {json(42), json("text"), json::array({1}), json{{"x", nullptr}}}) {
      server_.send({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}});
      const auto reply = next_reply(id);
      ASSERT_TRUE(reply) << method;
      // shutdown takes no params and succeeds; initialize again is an invalid request.
      if (method == "shutdown") {
        EXPECT_TRUE(reply->contains("result") || reply->contains("error"));
        if (reply->contains("result")) {
          server_.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
          EXPECT_EQ(server_.wait_exit(), std::optional<int>(0));
          return;
        }
      } else {
        ASSERT_TRUE(reply->contains("error")) << method << " " << params.dump();
        const int code = (*reply)["error"]["code"];
        EXPECT_TRUE(code == -32602 || code == -32600) << method << " " << reply->dump();
      }
    }
  }
}

TEST_F(Server, NotificationsWithWrongParamsChangeNothing) {
  const std::vector<std::string> methods{
      "textDocument/didOpen", "textDocument/didChange",           "textDocument/didClose",
      "textDocument/didSave", "workspace/didChangeConfiguration", "$/setTrace",
      "initialized"};
  for (const std::string& method : methods) {
    for (const json& params : {json(42), json("text"), json::array({1}), json{{"x", nullptr}}}) {
      server_.send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }
  }
  expect_still_serving();
}

}  // namespace
}  // namespace pyfaq::testing
