// Messages read from the client, waiting for the main loop. The reader thread pushes; the main
// loop pops in arrival order.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace pyfaq::server {

class MessageQueue {
 public:
  /// `message` is a parsed JSON-RPC message; nullopt marks the end of the input.
  void push(std::optional<nlohmann::json> message);
  /// Blocks until a message (or the end marker) is there.
  std::optional<nlohmann::json> pop();

  /// Whether a didChange for `uri` is waiting: a request about that document that is being
  /// answered now refers to text that is already out of date.
  bool has_pending_change(const std::string& uri) const;

  /// $/cancelRequest marks ids; the main loop answers marked requests with RequestCancelled.
  void cancel(const nlohmann::json& id);
  bool take_cancelled(const nlohmann::json& id);

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::optional<nlohmann::json>> messages_;
  std::set<std::string> cancelled_;  // ids, dumped as JSON so 1 and "1" differ
};

}  // namespace pyfaq::server
