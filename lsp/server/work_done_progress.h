// Progress the server starts itself (window/workDoneProgress/create, then $/progress begin,
// report, end), for clients that support it.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace pyfaq::server {

class Session;

class WorkDoneProgress {
 public:
  /// Asks the client to create a progress token; nothing is shown when it cannot. Call from the
  /// message thread (it sends a request).
  static std::shared_ptr<WorkDoneProgress> start(Session& session, std::string title,
                                                 bool cancellable);

  const std::string& token() const { return token_; }
  /// Reports `done` of `total` (at most ten times a second). Thread-safe.
  void report(std::size_t done, std::size_t total);
  /// Ends the progress with a last message; later reports are dropped. Thread-safe.
  void end(const std::string& message);

 private:
  enum class State { Creating, Shown, Refused, Ended };
  WorkDoneProgress(Session& session, std::string token, std::string title, bool cancellable)
      : session_(session),
        token_(std::move(token)),
        title_(std::move(title)),
        cancellable_(cancellable) {}
  void created(bool accepted);
  void send(const char* kind, std::string message, std::optional<int> percentage);

  Session& session_;
  const std::string token_;
  const std::string title_;
  const bool cancellable_;
  std::mutex mutex_;
  State state_ = State::Creating;
  std::optional<std::string> end_message_;  // end() before the client answered create
  std::chrono::steady_clock::time_point last_report_{};
  std::size_t last_done_ = 0;
  std::size_t last_total_ = 0;
};

}  // namespace pyfaq::server
