// A real `pyfaq serve` child process on real pipes, for protocol tests: send messages or raw
// bytes, read framed replies with a deadline, and collect the exit code.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pyfaq::testing {

class ServerProcess {
 public:
  struct Options {
    std::string cwd;  ///< working directory of the child; empty: the caller's
  };
  /// Starts `binary` with `arguments` (e.g. {"serve", "--sync"}); a binary without a slash is
  /// looked up on PATH (e.g. "node").
  ServerProcess(const std::string& binary, const std::vector<std::string>& arguments,
                const Options& options);
  ServerProcess(const std::string& binary, const std::vector<std::string>& arguments)
      : ServerProcess(binary, arguments, Options{}) {}
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void send(const nlohmann::json& message);
  void send_raw(const std::string& bytes);
  void close_input();
  /// Stops reading the server's output: its next writes fail (EPIPE), as when an editor dies.
  void close_output();

  /// The next framed message, or nullopt after `timeout` or at the end of the output. A body
  /// that is not JSON is returned as a JSON string holding the body.
  std::optional<nlohmann::json> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// The next message that is not window/logMessage or $/logTrace.
  std::optional<nlohmann::json> next_significant(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Waits for the process to end; nullopt if it is still running after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// The peak resident set size of the child in KiB, read from /proc while it runs.
  long resident_kib() const;
  pid_t pid() const { return pid_; }

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  std::string buffer_;
  std::optional<int> exit_code_;
};

}  // namespace pyfaq::testing
