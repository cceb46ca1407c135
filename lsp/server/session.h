// Everything a method handler may use: the documents, the negotiated capabilities, settings,
// knowledge, and the way back to the client.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "knowledge/faq_index.h"
#include "knowledge/hover.h"
#include "lsp/docs/inventory.h"
#include "lsp/jsonrpc/transport.h"
#include "lsp/protocol/json_rpc.h"
#include "lsp/server/client_capabilities.h"
#include "lsp/server/document_store.h"
#include "lsp/server/logger.h"
#include "lsp/server/settings.h"

namespace pyfaq::server {

struct ServerOptions {
  bool synchronous = false;  // no worker thread: diagnostics are published before the next read
  std::optional<int> client_process_id;
  std::string docs_path;  // --docs: where to read the FAQ first
};

enum class Lifecycle { Uninitialized, Running, ShutDown };

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

class DiagnosticsPublisher;

class Session {
 public:
  Session(jsonrpc::Transport& transport, ServerOptions options, Logger& logger);
  ~Session();

  // Knowledge, loaded once.
  const knowledge::FaqIndex& faqs() const { return faqs_; }
  const knowledge::HoverIndex& hovers() const { return hovers_; }
  /// An FAQ answer as shown: the objects it mentions linked to their docs pages (local or web,
  /// as `links` say). The first call may wait for the docs inventory, read in the
  /// background since start-up. Called from the message thread only.
  std::string answer_markdown(const knowledge::FaqEntry& entry,
                              const knowledge::LinkOptions& links) const;

  // State.
  DocumentStore& documents() { return documents_; }
  ClientCapabilities client;
  Lifecycle lifecycle = Lifecycle::Uninitialized;
  std::string trace = "off";
  std::optional<int> parent_process_id;  // from initialize: exit when it dies
  Logger& logger() { return logger_; }
  const ServerOptions& options() const { return options_; }

  /// Settings and the rule set they select; changing them re-checks every open document.
  std::shared_ptr<const Settings> settings() const;
  std::shared_ptr<const knowledge::RuleSet> rules() const;
  uint64_t rules_generation() const { return rules_generation_; }
  /// Applies a `pyfaq` settings section; problems are shown to the user once each.
  void apply_settings(const protocol::Json& section);

  // The way back to the client.
  void send(const protocol::Json& message);
  void notify(const std::string& method, protocol::Json params);
  using ResponseHandler =
      std::function<void(const protocol::Json* result, const protocol::Json* error)>;
  void request(const std::string& method, protocol::Json params, ResponseHandler on_response);
  /// Routes a response from the client to the handler of the request it answers.
  void handle_response(const protocol::Json& message);
  void show_message(MessageType type, const std::string& message);

  /// Recomputes and publishes (or, for pull clients, asks to re-pull) tips for `uri`.
  void schedule_diagnostics(const std::string& uri);
  void forget_diagnostics(const std::string& uri);
  /// Asks the client to pull again (or republishes) after settings changed.
  void refresh_all_diagnostics();

 private:
  void load_faq(const std::string& docs_path);
  /// Where links point under `settings`, given the FAQ that was found.
  knowledge::LinkOptions resolve_links(const Settings& settings) const;

  jsonrpc::Transport& transport_;
  ServerOptions options_;
  std::string loaded_docs_path_;
  Logger& logger_;
  knowledge::FaqIndex faqs_;
  knowledge::HoverIndex hovers_;
  std::shared_future<std::shared_ptr<const docs::Inventory>> inventory_;
  DocumentStore documents_;
  std::shared_ptr<const Settings> settings_;
  std::shared_ptr<const knowledge::RuleSet> rules_;
  std::atomic<uint64_t> rules_generation_{1};
  mutable std::mutex rules_mutex_;
  std::set<std::string> reported_problems_;
  std::map<std::string, ResponseHandler> pending_;  // our request ids -> their handlers
  int next_request_id_ = 1;
  std::unique_ptr<DiagnosticsPublisher> diagnostics_;
};

}  // namespace pyfaq::server
