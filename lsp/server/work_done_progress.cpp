// Server-initiated work-done progress.
#include "lsp/server/work_done_progress.h"

#include "lsp/server/session.h"

namespace pyfaq::server {

using protocol::Json;

std::shared_ptr<WorkDoneProgress> WorkDoneProgress::start(Session& session, std::string title,
                                                          bool cancellable) {
  const std::string token = "pyfaq-progress-" + std::to_string(session.next_progress_number());
  std::shared_ptr<WorkDoneProgress> progress(
      new WorkDoneProgress(session, token, std::move(title), cancellable));
  if (!session.client.work_done_progress) {
    progress->state_ = State::Refused;
    return progress;
  }
  session.request("window/workDoneProgress/create", {{"token", token}},
                  // Kept alive until the client answers: an end() before then is sent after begin.
                  [progress](const Json*, const Json* error) { progress->created(!error); });
  return progress;
}

void WorkDoneProgress::created(bool accepted) {
  const std::lock_guard lock(mutex_);
  if (state_ != State::Creating) return;
  if (!accepted) {
    state_ = State::Refused;
    return;
  }
  send("begin", "", 0);
  state_ = State::Shown;
  if (end_message_) {
    send("end", *end_message_, std::nullopt);
    state_ = State::Ended;
  } else if (last_total_ > 0) {
    send("report", std::to_string(last_done_) + "/" + std::to_string(last_total_) + " files",
         static_cast<int>(last_done_ * 100 / last_total_));
  }
}

void WorkDoneProgress::report(std::size_t done, std::size_t total) {
  const std::lock_guard lock(mutex_);
  last_done_ = done;
  last_total_ = total;
  if (state_ != State::Shown || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_report_ < std::chrono::milliseconds(100) && done != total) return;
  last_report_ = now;
  send("report", std::to_string(done) + "/" + std::to_string(total) + " files",
       static_cast<int>(done * 100 / total));
}

void WorkDoneProgress::end(const std::string& message) {
  const std::lock_guard lock(mutex_);
  if (state_ == State::Shown) send("end", message, std::nullopt);
  if (state_ == State::Creating) {
    end_message_ = message;
    return;
  }
  state_ = State::Ended;
}

void WorkDoneProgress::send(const char* kind, std::string message, std::optional<int> percentage) {
  Json value{{"kind", kind}};
  if (std::string_view(kind) == "begin") {
    value["title"] = title_;
    value["cancellable"] = cancellable_;
  }
  if (!message.empty()) value["message"] = std::move(message);
  if (percentage) value["percentage"] = *percentage;
  session_.notify("$/progress", {{"token", token_}, {"value", std::move(value)}});
}

}  // namespace pyfaq::server
