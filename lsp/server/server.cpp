// The language server's main loop: a reader thread feeding a queue, lifecycle and dispatch.
#include "lsp/server/server.h"

#include <signal.h>

#include <chrono>
#include <span>
#include <thread>

#include "grammar/utf8.h"
#include "lsp/jsonrpc/json_depth.h"
#include "lsp/server/binder.h"
#include "lsp/server/message_queue.h"

namespace pyfaq::server {

namespace {

using protocol::ErrorCode;
using protocol::Json;
using protocol::RpcError;

/// Reads messages until the end of the input. Parse errors are answered here, at once;
/// $/cancelRequest is applied here, so that it overtakes the queue.
void read_loop(jsonrpc::Transport& transport, MessageQueue& queue, Session& session) {
  for (;;) {
    jsonrpc::ReadResult read = transport.read();
    if (read.kind == jsonrpc::ReadResult::Kind::EndOfStream) break;
    if (read.kind == jsonrpc::ReadResult::Kind::FramingError) {
      session.logger().error("framing error: " + read.text);
      session.send(protocol::make_error(nullptr, ErrorCode::ParseError, read.text));
      continue;
    }
    if (jsonrpc::json_nesting_depth(read.text) > jsonrpc::kMaxJsonDepth) {
      session.send(protocol::make_error(
          nullptr, ErrorCode::ParseError,
          "JSON nested deeper than " + std::to_string(jsonrpc::kMaxJsonDepth) + " levels"));
      continue;
    }
    Json message = Json::parse(read.text, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded() && grammar::first_invalid_utf8(read.text)) {
      // Invalid UTF-8 in a string (a document's text, say): keep the message, with U+FFFD in
      // place of each bad byte, rather than lose the user's document.
      message = Json::parse(grammar::replace_invalid_utf8(read.text), nullptr, false);
      if (!message.is_discarded()) session.logger().warning("replaced invalid UTF-8 in a message");
    }
    if (message.is_discarded()) {
      session.send(protocol::make_error(nullptr, ErrorCode::ParseError, "invalid JSON"));
      continue;
    }
    if (message.is_object() && message.value("method", Json()) == "$/cancelRequest") {
      const Json params = message.value("params", Json());
      if (params.is_object() && params.contains("id")) queue.cancel(params.at("id"));
      continue;
    }
    queue.push(std::move(message));
  }
  queue.push(std::nullopt);
}

/// Exits when the editor's process is gone, so that no server outlives its editor.
void watch_parent(int pid, MessageQueue& queue, std::atomic<bool>& stop) {
  while (!stop) {
    if (::kill(pid, 0) != 0 && errno == ESRCH) {
      queue.push(Json{{"jsonrpc", "2.0"}, {"method", "$/pyfaq/parentExited"}});
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
}

class Dispatcher {
 public:
  Dispatcher(Session& session, MessageQueue& queue, std::span<const MethodEntry> methods)
      : session_(session), queue_(queue), methods_(methods) {}

  /// Handles one message; returns an exit code when the server must stop.
  std::optional<int> handle(const Json& message) {
    if (!message.is_object() || message.value("jsonrpc", Json()) != "2.0") {
      reply_error(message.is_object() ? message.value("id", Json()) : Json(),
                  ErrorCode::InvalidRequest, "not a JSON-RPC 2.0 message");
      return std::nullopt;
    }
    const auto method = message.find("method");
    const auto id = message.find("id");
    if (method == message.end()) {
      if (id != message.end() && (message.contains("result") || message.contains("error"))) {
        session_.handle_response(message);
      } else {
        reply_error(id != message.end() ? *id : Json(), ErrorCode::InvalidRequest,
                    "a message needs a method, or a result or error");
      }
      return std::nullopt;
    }
    if (!method->is_string()) {
      reply_error(id != message.end() ? *id : Json(), ErrorCode::InvalidRequest,
                  "method must be a string");
      return std::nullopt;
    }
    const std::string name = method->get<std::string>();
    const Json params = message.value("params", Json());
    trace(name, id != message.end() ? &*id : nullptr, params);
    if (id == message.end()) return notification(name, params);
    if (!protocol::is_valid_id(*id)) {
      reply_error(Json(), ErrorCode::InvalidRequest, "id must be a number or a string");
      return std::nullopt;
    }
    request(name, *id, params);
    return std::nullopt;
  }

 private:
  std::optional<int> notification(const std::string& name, const Json& params) {
    if (name == "exit") return session_.lifecycle == Lifecycle::ShutDown ? 0 : 1;
    if (name == "$/pyfaq/parentExited") {
      session_.logger().info("the editor process exited; stopping");
      return 1;
    }
    if (name == "$/pyfaq/clientGone") {
      session_.logger().info("writing to the client failed: it is gone; stopping");
      return session_.lifecycle == Lifecycle::ShutDown ? 0 : 1;
    }
    if (session_.lifecycle != Lifecycle::Running) return std::nullopt;  // dropped, as LSP says
    const MethodEntry* entry = find_method(name);
    if (!entry || !entry->notification) {
      if (!name.starts_with("$/")) session_.logger().debug("ignored notification " + name);
      return std::nullopt;
    }
    try {
      entry->notification(session_, params);
    } catch (const std::exception& error) {
      // Notifications have no reply: tell the log, keep serving.
      session_.logger().error(name + " failed: " + error.what());
    }
    return std::nullopt;
  }

  void request(const std::string& name, const Json& id, const Json& params) {
    if (queue_.take_cancelled(id)) {
      reply_error(id, ErrorCode::RequestCancelled, "cancelled");
      return;
    }
    if (session_.lifecycle == Lifecycle::Uninitialized && name != "initialize") {
      reply_error(id, ErrorCode::ServerNotInitialized, "initialize first");
      return;
    }
    if (session_.lifecycle == Lifecycle::ShutDown) {
      reply_error(id, ErrorCode::InvalidRequest, "the server is shutting down");
      return;
    }
    const MethodEntry* entry = find_method(name);
    if (!entry || !entry->request) {
      reply_error(id, ErrorCode::MethodNotFound, "unknown method " + name);
      return;
    }
    if (const std::string uri = document_of(params);
        !uri.empty() && queue_.has_pending_change(uri)) {
      reply_error(id, ErrorCode::ContentModified, "the document changed; ask again");
      return;
    }
    try {
      session_.send(protocol::make_response(id, entry->request(session_, params)));
    } catch (const RpcError& error) {
      reply_error(id, error.code(), error.what());
    } catch (const Json::exception& error) {
      reply_error(id, ErrorCode::InvalidParams, error.what());
    } catch (const std::exception& error) {
      session_.logger().error(name + " failed: " + error.what());
      reply_error(id, ErrorCode::InternalError, std::string("internal error: ") + error.what());
    }
  }

  static std::string document_of(const Json& params) {
    if (!params.is_object()) return {};
    const auto document = params.find("textDocument");
    if (document == params.end() || !document->is_object()) return {};
    const auto uri = document->find("uri");
    return uri != document->end() && uri->is_string() ? uri->get<std::string>() : std::string();
  }

  void reply_error(const Json& id, ErrorCode code, const std::string& text) {
    session_.send(protocol::make_error(id, code, text));
  }

  void trace(const std::string& name, const Json* id, const Json& params) {
    session_.logger().debug("<- " + name + (id ? " (" + id->dump() + ")" : ""));
    if (session_.trace == "off" || name == "$/setTrace") return;
    Json note{{"message", std::string(id ? "Received request '" : "Received notification '") +
                              name + (id ? " - (" + id->dump() + ")'." : "'.")}};
    if (session_.trace == "verbose") note["verbose"] = "Params: " + params.dump();
    session_.notify("$/logTrace", std::move(note));
  }

  const MethodEntry* find_method(std::string_view method) const {
    for (const MethodEntry& entry : methods_) {
      if (entry.method == method) return &entry;
    }
    return nullptr;
  }

  Session& session_;
  MessageQueue& queue_;
  std::span<const MethodEntry> methods_;
};

}  // namespace

int serve(jsonrpc::Transport& transport, const ServerOptions& options, Logger& logger) {
  return serve(transport, options, logger, method_table());
}

int serve(jsonrpc::Transport& transport, const ServerOptions& options, Logger& logger,
          std::span<const MethodEntry> methods) {
  // Shared with the reader thread, which may outlive this function: a read blocked on stdin
  // cannot be interrupted, so at exit the reader is left to the end of the process.
  auto session = std::make_shared<Session>(transport, options, logger);
  auto queue = std::make_shared<MessageQueue>();
  logger.set_sink(
      [weak = std::weak_ptr<Session>(session)](LogLevel level, const std::string& text) {
        const auto live = weak.lock();
        if (!live || live->lifecycle == Lifecycle::Uninitialized) return;
        live->notify("window/logMessage", {{"type", static_cast<int>(level)}, {"message", text}});
      });
  session->on_client_gone = [weak = std::weak_ptr<MessageQueue>(queue)] {
    if (const auto live = weak.lock()) {
      live->push(Json{{"jsonrpc", "2.0"}, {"method", "$/pyfaq/clientGone"}});
    }
  };
  auto reader_done = std::make_shared<std::atomic<bool>>(false);
  std::thread reader([&transport, session, queue, reader_done] {
    read_loop(transport, *queue, *session);
    *reader_done = true;
  });
  std::atomic<bool> stop_watching{false};
  std::thread watcher;
  const auto watch = [&](int pid) {
    if (!watcher.joinable()) {
      watcher = std::thread(watch_parent, pid, std::ref(*queue), std::ref(stop_watching));
    }
  };
  if (options.client_process_id) watch(*options.client_process_id);

  Dispatcher dispatcher(*session, *queue, methods);
  int exit_code = 1;
  for (;;) {
    const std::optional<Json> message = queue->pop();
    if (!message) {
      exit_code = session->lifecycle == Lifecycle::ShutDown ? 0 : 1;
      break;
    }
    if (const auto code = dispatcher.handle(*message)) {
      exit_code = *code;
      break;
    }
    if (session->parent_process_id) watch(*session->parent_process_id);
  }
  logger.set_sink(nullptr);
  // The session may outlive this function (held by a reader blocked on stdin): no scan may go
  // on working while the process exits.
  session->workspace().stop();
  stop_watching = true;
  if (watcher.joinable()) watcher.join();
  transport.close();
  for (int i = 0; i < 20 && !*reader_done; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (*reader_done) {
    reader.join();
  } else {
    reader.detach();
  }
  return exit_code;
}

}  // namespace pyfaq::server
