// Messages read from the client, waiting for the main loop.
#include "lsp/server/message_queue.h"

namespace pyfaq::server {

void MessageQueue::push(std::optional<nlohmann::json> message) {
  {
    const std::lock_guard lock(mutex_);
    messages_.push_back(std::move(message));
  }
  ready_.notify_one();
}

std::optional<nlohmann::json> MessageQueue::pop() {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [&] { return !messages_.empty(); });
  auto message = std::move(messages_.front());
  messages_.pop_front();
  return message;
}

bool MessageQueue::has_pending_change(const std::string& uri) const {
  const std::lock_guard lock(mutex_);
  for (const auto& message : messages_) {
    if (!message || !message->is_object()) continue;
    const auto method = message->find("method");
    if (method == message->end() || *method != "textDocument/didChange") continue;
    const auto params = message->find("params");
    if (params == message->end() || !params->is_object()) continue;
    const auto document = params->find("textDocument");
    if (document == params->end() || !document->is_object()) continue;
    const auto changed = document->find("uri");
    if (changed != document->end() && changed->is_string() && *changed == uri) return true;
  }
  return false;
}

void MessageQueue::cancel(const nlohmann::json& id) {
  const std::lock_guard lock(mutex_);
  cancelled_.insert(id.dump());
}

bool MessageQueue::take_cancelled(const nlohmann::json& id) {
  const std::lock_guard lock(mutex_);
  return cancelled_.erase(id.dump()) > 0;
}

}  // namespace pyfaq::server
