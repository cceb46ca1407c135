// The server loop in process, with a planted method table: an exception in a handler answers
// that request with InternalError and nothing else is lost. Also: the server exits when the
// editor's process dies (--clientProcessId).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "lsp/server/server.h"
#include "lsp/server/session.h"
#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

using nlohmann::json;

/// One end of a socketpair as a ByteStream.
class FdStream : public jsonrpc::ByteStream {
 public:
  explicit FdStream(int fd) : fd_(fd) {}
  ~FdStream() override { ::close(fd_); }
  std::size_t read_some(char* buffer, std::size_t size) override {
    const ssize_t n = ::read(fd_, buffer, size);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  bool write_all(std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  void close() override { ::shutdown(fd_, SHUT_RDWR); }

 private:
  int fd_;
};

TEST(ServerLoop, AHandlerThatThrowsAnswersInternalErrorAndTheServerLivesOn) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  std::vector<server::MethodEntry> methods = server::method_table();
  methods.push_back(
      {"test/throw",
       [](server::Session&, const json&) -> json { throw std::logic_error("planted failure"); },
       nullptr});
  int exit_code = -1;
  std::thread loop([&] {
    jsonrpc::Transport transport(std::make_unique<FdStream>(fds[1]));
    server::Logger logger(server::LogLevel::Error, "");
    server::ServerOptions options;
    options.synchronous = true;
    exit_code = server::serve(transport, options, logger, methods);
  });
  jsonrpc::Transport client(std::make_unique<FdStream>(fds[0]));
  const auto call = [&](const json& message) {
    client.write(message.dump());
    for (;;) {
      const auto read = client.read();
      if (read.kind != jsonrpc::ReadResult::Kind::Message) return json();
      json reply = json::parse(read.text);
      if (reply.contains("id")) return reply;
    }
  };
  EXPECT_TRUE(call({{"jsonrpc", "2.0"},
                    {"id", 1},
                    {"method", "initialize"},
                    {"params", {{"capabilities", json::object()}}}})
                  .contains("result"));
  const json failed = call({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "test/throw"}});
  EXPECT_EQ(failed["error"]["code"], -32603);
  EXPECT_EQ(failed["error"]["message"], "internal error: planted failure");
  const json search =
      call({{"jsonrpc", "2.0"},
            {"id", 3},
            {"method", "workspace/executeCommand"},
            {"params", {{"command", "pyfaq.searchFaq"}, {"arguments", {"threads"}}}}});
  EXPECT_FALSE(search["result"].empty());
  EXPECT_TRUE(call({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "shutdown"}}).contains("result"));
  client.write(json{{"jsonrpc", "2.0"}, {"method", "exit"}}.dump());
  loop.join();
  EXPECT_EQ(exit_code, 0);
}

TEST(ServerLoop, ExitsWhenTheEditorProcessDies) {
  const pid_t editor = ::fork();
  ASSERT_GE(editor, 0);
  if (editor == 0) {
    ::pause();
    ::_exit(0);
  }
  ServerProcess server(PYFAQ_BINARY, {"serve", "--clientProcessId", std::to_string(editor)});
  server.send({{"jsonrpc", "2.0"},
               {"id", 1},
               {"method", "initialize"},
               {"params", {{"processId", editor}, {"capabilities", json::object()}}}});
  ASSERT_TRUE(server.next_significant().has_value());
  EXPECT_FALSE(server.wait_exit(std::chrono::milliseconds(700)).has_value()) << "exited early";
  ::kill(editor, SIGKILL);
  ::waitpid(editor, nullptr, 0);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(5)), std::optional<int>(1));
}

}  // namespace
}  // namespace pyfaq::testing
