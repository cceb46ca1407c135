// The hostile inputs an editor, a file or a broken pipe can send, one test each: every one gets
// the right error or a defined result, the user's text is never lost, and the server goes on
// serving (each test ends with shutdown and exit 0).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/lsp/server_fixture.h"

namespace pyfaq::testing {
namespace {

constexpr const char* kTip = "import signal\nsignal.signal(2, lambda: 0)\n";

json did_change_full(const std::string& uri, int version, const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", json::array({{{"text", text}}})}}}};
}

json did_change_range(const std::string& uri, int version, json start, json end,
                      const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges",
             json::array({{{"range", {{"start", start}, {"end", end}}}, {"text", text}}})}}}};
}

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

class HostileInput : public Server {
 protected:
  /// The next reply or error without an id (what framing and parse errors get).
  json next_error() {
    for (;;) {
      const auto message = server_.next_significant(std::chrono::minutes(2));
      if (!message) return json();
      if (message->contains("error")) return *message;
    }
  }
};

TEST_F(HostileInput, ContentLengthMissing) {
  server_.send_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
  EXPECT_EQ(next_error()["error"]["code"], -32700);
  expect_still_serving();
}

TEST_F(HostileInput, ContentLengthNegative) {
  server_.send_raw("Content-Length: -12\r\n\r\n");
  EXPECT_EQ(next_error()["error"]["code"], -32700);
  expect_still_serving();
}

TEST_F(HostileInput, ContentLengthBeyondTheCapSkipsTheBodyAsItArrives) {
  const std::string body(2000, ' ');
  server_.send_raw("Content-Length: 70000000\r\n\r\n" + body);
  EXPECT_EQ(next_error()["error"]["code"], -32700);
  // The rest of the refused body, then a request: the server reads past the one and answers
  // the other.
  server_.send_raw(std::string(70000000 - body.size(), ' '));
  expect_still_serving();
}

TEST_F(HostileInput, ContentLengthLargerThanTheBodyLosesOneMessageOnly) {
  server_.send(open("file:///a.py", kTip));
  ASSERT_TRUE(next_publish("file:///a.py"));
  // The 40 bytes announced take in the start of the next message, which is lost; the reader
  // finds the header after it and serves the one after.
  server_.send_raw("Content-Length: 40\r\n\r\n{}");
  server_.send(hover(5, "file:///a.py", 1, 2));
  server_.send(hover(6, "file:///a.py", 1, 2));
  const auto reply = next_reply(6);
  ASSERT_TRUE(reply);
  EXPECT_TRUE(reply->contains("result")) << reply->dump();
  expect_still_serving();
}

TEST_F(HostileInput, BodyThatIsNotUtf8) {
  server_.send_raw(
      framed("\xff\xfe\x80{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}\xc0"));
  const json error = next_error();
  EXPECT_EQ(error["error"]["code"], -32700);
  EXPECT_TRUE(error["id"].is_null());
  expect_still_serving();
}

TEST_F(HostileInput, JsonNestedAHundredThousandDeep) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  server_.send_raw(
      framed(R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":)" + deep + "}"));
  const json error = next_error();
  EXPECT_EQ(error["error"]["code"], -32700);
  EXPECT_NE(error["error"]["message"].get<std::string>().find("nested"), std::string::npos);
  // As a notification too, and as deep objects inside a string, which do not count.
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  server_.send_raw(framed(
      R"({"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":)" +
      objects + "}}"));
  EXPECT_EQ(next_error()["error"]["code"], -32700);
  server_.send(open("file:///brackets.py", "x = '" + std::string(100000, '[') + "'\n"));
  ASSERT_TRUE(next_publish("file:///brackets.py"));
  expect_still_serving();
}

TEST_F(HostileInput, IdsOfEveryJsonType) {
  server_.send(open("file:///a.py", kTip));
  ASSERT_TRUE(next_publish("file:///a.py"));
  const json params = hover(0, "file:///a.py", 1, 2)["params"];
  // Integers and strings are ids; everything else is an invalid request, answered with null.
  const std::vector<json> valid{42, -7, 0, 9007199254740993LL, "text", "", "é😀"};
  const std::vector<json> invalid{1.5, true, false, nullptr, json::object(), json::array({1})};
  for (const json& id : valid) {
    server_.send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/hover"}, {"params", params}});
    const auto reply = server_.next_significant();
    ASSERT_TRUE(reply) << id.dump();
    EXPECT_EQ((*reply)["id"], id);
    EXPECT_TRUE(reply->contains("result")) << reply->dump();
  }
  for (const json& id : invalid) {
    server_.send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/hover"}, {"params", params}});
    const auto reply = server_.next_significant();
    ASSERT_TRUE(reply) << id.dump();
    EXPECT_TRUE((*reply)["id"].is_null()) << reply->dump();
    EXPECT_EQ((*reply)["error"]["code"], -32600) << id.dump();
  }
  expect_still_serving();
}

TEST_F(HostileInput, FiftyMegabyteDocumentIsKeptButNotParsed) {
  std::string text = kTip;
  while (text.size() < 50u << 20) text += "def f(a, b):\n    return [x * 2 for x in range(a)]\n\n";
  server_.send(open("file:///huge.py", text));
  // No tips, and the user is told why, once.
  bool told = false;
  for (;;) {
    const auto message = server_.next_significant(std::chrono::minutes(3));
    ASSERT_TRUE(message) << "no diagnostics for the 50 MB file";
    if (message->value("method", "") == "window/showMessage") {
      told = (*message)["params"]["message"].get<std::string>().find("over 16 MiB") !=
             std::string::npos;
    }
    if (message->value("method", "") == "textDocument/publishDiagnostics") {
      EXPECT_TRUE((*message)["params"]["diagnostics"].empty());
      break;
    }
  }
  EXPECT_TRUE(told);
  server_.send(hover(2, "file:///huge.py", 1, 2));
  const auto reply = next_reply(2);
  ASSERT_TRUE(reply);
  EXPECT_TRUE((*reply)["result"].is_null()) << reply->dump();
  // Edits are kept: cut it down to the first two lines and the tip is there.
  server_.send(did_change_range("file:///huge.py", 2, {{"line", 2}, {"character", 0}},
                                {{"line", 100000000}, {"character", 0}}, ""));
  const auto published = next_publish("file:///huge.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  EXPECT_EQ(held("file:///huge.py")["text"], kTip);
  expect_still_serving();
}

TEST_F(HostileInput, ALineOfTenMegabytes) {
  const std::string text = "x = '" + std::string(10u << 20, 'a') + "'\n" + kTip;
  server_.send(open("file:///long.py", text));
  const auto published = next_publish("file:///long.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  server_.send(hover(2, "file:///long.py", 0, 5000000));
  server_.send(hover(3, "file:///long.py", 2, 2));
  for (int id : {2, 3}) {
    const auto reply = next_reply(id);
    ASSERT_TRUE(reply);
    EXPECT_TRUE(reply->contains("result")) << reply->dump();
  }
  // A keystroke in the middle of the long line.
  server_.send(did_change_range("file:///long.py", 2, {{"line", 0}, {"character", 5000000}},
                                {{"line", 0}, {"character", 5000001}}, "b"));
  ASSERT_TRUE(next_publish("file:///long.py"));
  EXPECT_EQ(held("file:///long.py")["text"].get<std::string>().substr(5000000 - 1, 3), "aba");
  expect_still_serving();
}

TEST_F(HostileInput, AHundredThousandNestedBracketsInPython) {
  // Closed: a tree 100,000 levels deep. (Left open, tree-sitter's error recovery makes them one
  // flat ERROR node, which its query cursor walks in quadratic time: Server.TenThousandNested
  // Parentheses covers 10,000 of those.)
  const std::string text = std::string(kTip) + "x = " + std::string(100000, '(') + "1" +
                           std::string(100000, ')') + "\ny = " + std::string(50000, '[') + "1" +
                           std::string(50000, ']') + "\n";
  server_.send(open("file:///deep.py", text));
  const auto published = next_publish("file:///deep.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  server_.send(hover(2, "file:///deep.py", 2, 50000));
  server_.send(hover(3, "file:///deep.py", 1, 2));
  for (int id : {2, 3}) {
    const auto reply = next_reply(id);
    ASSERT_TRUE(reply);
    EXPECT_TRUE(reply->contains("result")) << reply->dump();
  }
  expect_still_serving();
}

TEST_F(HostileInput, NulBytesInAFile) {
  // A NUL is a syntax error where it stands; the code before it is analysed as usual.
  const std::string text = std::string(kTip) + std::string("x = '\0'\n\0\0", 10);
  server_.send(open("file:///nul.py", text));
  const auto published = next_publish("file:///nul.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  EXPECT_EQ(held("file:///nul.py")["text"], text);
  expect_still_serving();
}

TEST_F(HostileInput, DidChangeForAClosedDocument) {
  server_.send(open("file:///a.py", "x = 1\n"));
  ASSERT_TRUE(next_publish("file:///a.py"));
  server_.send({{"jsonrpc", "2.0"},
                {"method", "textDocument/didClose"},
                {"params", {{"textDocument", {{"uri", "file:///a.py"}}}}}});
  server_.send(did_change_full("file:///a.py", 2, kTip));
  server_.send(hover(2, "file:///a.py", 1, 2));
  const auto reply = next_reply(2);
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["error"]["code"], -32602) << reply->dump();  // not open: nothing was made up
  EXPECT_TRUE(held("file:///a.py").is_null());
  server_.send(open("file:///a.py", kTip, 3));
  const auto published = next_publish("file:///a.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  expect_still_serving();
}

TEST_F(HostileInput, AVersionThatGoesBackwardsIsStillTheUsersText) {
  server_.send(open("file:///a.py", "x = 1\n", 5));
  ASSERT_TRUE(next_publish("file:///a.py"));
  server_.send(did_change_full("file:///a.py", 3, kTip));
  const auto published = next_publish("file:///a.py");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["params"]["version"], 3);
  EXPECT_EQ((*published)["params"]["diagnostics"].size(), 1u);
  const json document = held("file:///a.py");
  EXPECT_EQ(document["version"], 3);
  EXPECT_EQ(document["text"], kTip);
  expect_still_serving();
}

TEST_F(HostileInput, HoverAtLineTwoToThe31AndBeyond) {
  server_.send(open("file:///a.py", kTip));
  ASSERT_TRUE(next_publish("file:///a.py"));
  // LSP's uinteger stops at 2^31 - 1; up to 2^32 - 1 clamps like any position past the end,
  // beyond that (or below 0) is invalid params.
  const std::vector<std::pair<int64_t, bool>> lines{{2147483647LL, true},
                                                    {2147483648LL, true},
                                                    {4294967295LL, true},
                                                    {4294967296LL, false},
                                                    {-1, false}};
  int id = 10;
  for (const auto& [line, valid] : lines) {
    server_.send(hover(++id, "file:///a.py", line, 0));
    const auto reply = next_reply(id);
    ASSERT_TRUE(reply) << line;
    if (valid) {
      EXPECT_TRUE(reply->contains("result")) << reply->dump();
    } else {
      EXPECT_EQ((*reply)["error"]["code"], -32602) << line << " " << reply->dump();
    }
  }
  expect_still_serving();
}

}  // namespace
}  // namespace pyfaq::testing
