// A real `pyfaq serve` child process on real pipes, for protocol tests.
#include "tests/lsp/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace pyfaq::testing {

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& arguments,
                             const Options& options) {
  int in_pipe[2], out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const std::string& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(127);
    ::execvp(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  to_child_ = in_pipe[1];
  from_child_ = out_pipe[0];
  ::signal(SIGPIPE, SIG_IGN);
}

ServerProcess::~ServerProcess() {
  close_input();
  if (from_child_ >= 0) ::close(from_child_);
  if (!exit_code_ && pid_ > 0) {
    if (!wait_exit(std::chrono::seconds(2))) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
}

void ServerProcess::send_raw(const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(to_child_, bytes.data() + written, bytes.size() - written);
    if (n <= 0) return;  // the server is gone; the reads will tell
    written += static_cast<std::size_t>(n);
  }
}

void ServerProcess::send(const nlohmann::json& message) {
  const std::string body = message.dump();
  send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void ServerProcess::close_input() {
  if (to_child_ >= 0) ::close(to_child_);
  to_child_ = -1;
}

void ServerProcess::close_output() {
  if (from_child_ >= 0) ::close(from_child_);
  from_child_ = -1;
}

bool ServerProcess::fill(std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd poll_fd{from_child_, POLLIN, 0};
  if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return false;
  char chunk[65536];
  const ssize_t n = ::read(from_child_, chunk, sizeof chunk);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<nlohmann::json> ServerProcess::next(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill(deadline)) return std::nullopt;
  }
  const std::string headers = buffer_.substr(0, header_end);
  const auto at = headers.find("Content-Length: ");
  if (at == std::string::npos) throw std::runtime_error("reply without Content-Length: " + headers);
  const std::size_t length = std::stoul(headers.substr(at + 16));
  while (buffer_.size() < header_end + 4 + length) {
    if (!fill(deadline)) return std::nullopt;
  }
  const std::string body = buffer_.substr(header_end + 4, length);
  buffer_.erase(0, header_end + 4 + length);
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json(body) : parsed;
}

std::optional<nlohmann::json> ServerProcess::next_significant(std::chrono::milliseconds timeout) {
  for (;;) {
    auto message = next(timeout);
    if (!message || !message->is_object()) return message;
    const auto method = message->value("method", "");
    if (method != "window/logMessage" && method != "$/logTrace") return message;
  }
}

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (exit_code_) return exit_code_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    ::usleep(5000);
  }
}

long ServerProcess::resident_kib() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "VmHWM:") {
      status >> value;
      return value;
    }
  }
  return -1;
}

}  // namespace pyfaq::testing
