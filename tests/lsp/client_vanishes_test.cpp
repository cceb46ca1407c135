// A client that vanishes mid-message — stdio pipes closed, a TCP connection reset, a Unix socket
// closed — makes the server exit promptly with code 1 (no shutdown was asked), not spin or hang.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

using nlohmann::json;

std::string framed(const json& message) {
  const std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kInitialize =
    framed({{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}});

/// Half of a didOpen: the header promises more than ever arrives.
const std::string kHalfMessage =
    "Content-Length: 5000\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",";

void send_all(int fd, const std::string& bytes) {
  ASSERT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(bytes.size()));
}

/// Reads until the initialize reply has come (its id), so the server is past start-up.
void await_initialize_reply(int fd) {
  std::string received;
  char chunk[4096];
  while (received.find("\"id\":1") == std::string::npos) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    ASSERT_GT(n, 0) << "the server closed before answering initialize";
    received.append(chunk, static_cast<std::size_t>(n));
  }
}

TEST(ClientVanishes, BothPipesClosedMidMessage) {
  ServerProcess server(PYFAQ_BINARY, {"serve"});
  server.send_raw(kInitialize);
  ASSERT_TRUE(server.next_significant());
  server.send_raw(kHalfMessage);
  server.close_output();
  server.close_input();
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), std::optional<int>(1));
}

TEST(ClientVanishes, OutputClosedWhileInputStaysOpen) {
  // The editor stopped reading (it crashed, its end of our stdout is gone) but our stdin is
  // still open: the first failed write ends the server.
  ServerProcess server(PYFAQ_BINARY, {"serve"});
  server.send_raw(kInitialize);
  ASSERT_TRUE(server.next_significant());
  server.close_output();
  server.send_raw(framed({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}));
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), std::optional<int>(0));
}

TEST(ClientVanishes, TcpConnectionResetMidMessage) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 1), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);

  ServerProcess server(PYFAQ_BINARY, {"serve", "--port", std::to_string(ntohs(address.sin_port))});
  const int connection = ::accept(listener, nullptr, nullptr);
  ASSERT_GE(connection, 0);
  send_all(connection, kInitialize);
  await_initialize_reply(connection);
  send_all(connection, kHalfMessage);
  // SO_LINGER with a zero timeout: close sends a reset, not an orderly end.
  const linger reset{1, 0};
  ASSERT_EQ(::setsockopt(connection, SOL_SOCKET, SO_LINGER, &reset, sizeof reset), 0);
  ::close(connection);
  ::close(listener);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), std::optional<int>(1));
}

TEST(ClientVanishes, UnixSocketClosedMidMessage) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("pyfaq-vanish-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 1), 0);

  ServerProcess server(PYFAQ_BINARY, {"serve", "--pipe", path.string()});
  const int connection = ::accept(listener, nullptr, nullptr);
  ASSERT_GE(connection, 0);
  send_all(connection, kInitialize);
  await_initialize_reply(connection);
  send_all(connection, kHalfMessage);
  ::close(connection);
  ::close(listener);
  std::filesystem::remove(path);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), std::optional<int>(1));
}

}  // namespace
}  // namespace pyfaq::testing
