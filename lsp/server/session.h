// Everything a method handler may use: the documents, the negotiated capabilities, settings,
// knowledge, and the way back to the client.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "knowledge/faq_index.h"
#include "knowledge/hover.h"
#include "lsp/config/project_config.h"
#include "lsp/config/python_version.h"
#include "lsp/docs/inventory.h"
#include "lsp/jsonrpc/transport.h"
#include "lsp/protocol/json_rpc.h"
#include "lsp/server/client_capabilities.h"
#include "lsp/server/document_store.h"
#include "lsp/server/logger.h"
#include "lsp/server/settings.h"
#include "lsp/server/workspace.h"

namespace pyfaq::server {

/// The FAQ as read from one docs path, with its hovers and docs inventory. Immutable once made,
/// so that sessions in one process (a fuzzer's thousands) can share it.
struct FaqKnowledge {
  std::string docs_path;  // as asked for; empty: the default search
  knowledge::FaqIndex faqs;
  knowledge::HoverIndex hovers;  // points into `faqs`
  // Reading objects.inv costs more than the whole FAQ and is needed only to show an answer:
  // read in the background.
  std::shared_future<std::shared_ptr<const docs::Inventory>> inventory;
  std::vector<std::string> problems;  // what went wrong finding it

  static std::shared_ptr<const FaqKnowledge> load(const std::string& docs_path);
};

struct ServerOptions {
  bool synchronous = false;  // no worker thread: diagnostics are published before the next read
  std::optional<int> client_process_id;
  std::string docs_path;        // --docs: where to read the FAQ first
  bool debug_requests = false;  // --debug-requests: answer pyfaq/debug/* (tests only)
  // Made already, to share between sessions (fuzzers); empty: each session makes its own. The
  // FAQ is used while the docs path is its `docs_path`.
  std::shared_ptr<const FaqKnowledge> faq;
  std::shared_future<knowledge::RuleSet> all_rules;
};

enum class Lifecycle { Uninitialized, Running, ShutDown };

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

class DiagnosticsPublisher;

class Session {
 public:
  Session(jsonrpc::Transport& transport, ServerOptions options, Logger& logger);
  ~Session();

  // Knowledge, loaded once.
  const knowledge::FaqIndex& faqs() const { return faq_->faqs; }
  const knowledge::HoverIndex& hovers() const { return faq_->hovers; }
  /// An FAQ answer as shown: the objects it mentions linked to their docs pages (local or web,
  /// as `links` say). The first call may wait for the docs inventory, read in the
  /// background since start-up. Called from the message thread only.
  std::string answer_markdown(const knowledge::FaqEntry& entry,
                              const knowledge::LinkOptions& links) const;

  // State.
  DocumentStore& documents() { return documents_; }
  /// The closed files of the workspace folders (diagnostics.scope = workspace).
  Workspace& workspace() { return *workspace_; }
  ClientCapabilities client;
  Lifecycle lifecycle = Lifecycle::Uninitialized;
  std::string trace = "off";
  std::optional<int> parent_process_id;  // from initialize: exit when it dies
  Logger& logger() { return logger_; }
  const ServerOptions& options() const { return options_; }

  /// Settings; changing them re-checks every open document.
  std::shared_ptr<const Settings> settings() const;
  /// The rules for a document: its project's `[tool.pyfaq]` (the nearest pyproject.toml inside
  /// its workspace folder, re-read when it changes), then the editor's settings, then the
  /// project's per-file ignores. The same object for as long as none of those change, so
  /// analyses can be cached against it. Thread-safe.
  std::shared_ptr<const knowledge::RuleSet> rules_for(const std::string& uri);
  /// Changes whenever settings or a project's configuration change (pull diagnostics ids).
  uint64_t rules_generation() const { return rules_generation_; }
  /// Where a document's FAQ links point: the settings' links, at the docs version of the
  /// document's project (`.python-version`, `requires-python`) unless the settings name one or
  /// links go to local docs. Thread-safe.
  knowledge::LinkOptions links_for(const std::string& uri);
  /// Forgets the projects' Python versions read so far (a watched file changed).
  void forget_python_versions();
  /// The folders the editor opened: the server reads project files only inside them.
  void set_workspace_folders(std::vector<std::filesystem::path> folders);
  std::vector<std::filesystem::path> workspace_folders() const;
  /// Applies a `pyfaq` settings section; problems are shown to the user once each.
  void apply_settings(const protocol::Json& section);
  /// Applies the client's answer to a workspace/configuration request for `pyfaq` and re-checks.
  /// A null section means the client has none (eglot or Neovim without one configured): the
  /// initializationOptions stand, instead of being reset to the defaults.
  void apply_pulled_settings(const protocol::Json* result);
  /// The `pyfaq` section of initializationOptions (null when none was sent).
  protocol::Json initialization_settings;

  // The way back to the client.
  /// Sends a message; the first time a write fails, calls `on_client_gone` (from that thread).
  void send(const protocol::Json& message);
  std::function<void()> on_client_gone;
  void notify(const std::string& method, protocol::Json params);
  using ResponseHandler =
      std::function<void(const protocol::Json* result, const protocol::Json* error)>;
  /// Sends a request; `on_response` runs on the message thread. Thread-safe.
  void request(const std::string& method, protocol::Json params, ResponseHandler on_response);
  /// A number for a progress token, unique in this session.
  uint64_t next_progress_number() { return ++progress_numbers_; }
  /// Routes a response from the client to the handler of the request it answers.
  void handle_response(const protocol::Json& message);
  void show_message(MessageType type, const std::string& message);
  /// Shows each problem once per session (a warning message), and logs it. Thread-safe.
  void report_problems(const std::vector<std::string>& problems, const std::string& suffix);

  /// Recomputes and publishes (or, for pull clients, asks to re-pull) tips for `uri`.
  void schedule_diagnostics(const std::string& uri);
  void forget_diagnostics(const std::string& uri);
  /// Asks the client to pull again (or republishes) after settings changed.
  void refresh_all_diagnostics();

 private:
  void load_faq(const std::string& docs_path);
  /// The deepest workspace folder holding `path`, or null; rules_mutex_ must be held.
  const std::filesystem::path* workspace_folder_of_locked(const std::filesystem::path& path) const;
  /// The rules under the settings alone, made if need be; rules_mutex_ must be held.
  std::shared_ptr<const knowledge::RuleSet> default_rules_locked();
  /// Where links point under `settings`, given the FAQ that was found.
  knowledge::LinkOptions resolve_links(const Settings& settings) const;

  jsonrpc::Transport& transport_;
  ServerOptions options_;
  Logger& logger_;
  std::shared_ptr<const FaqKnowledge> faq_;  // replaced whole when the docs path changes
  DocumentStore documents_;
  std::shared_ptr<const Settings> settings_;
  // Compiled once, in the background from the start; every rule set is a copy of it.
  std::shared_future<knowledge::RuleSet> all_rules_;
  std::shared_ptr<const knowledge::RuleSet> rules_;  // the defaults and settings, no project;
                                                     // null until first needed
  struct Project {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    std::optional<config::ProjectConfig> config;
    std::map<std::string, std::shared_ptr<const knowledge::RuleSet>> rules;  // by files ignored
  };
  std::map<std::filesystem::path, Project> projects_;  // by pyproject.toml
  std::vector<std::filesystem::path> workspace_folders_;
  // By a document's folder: its project's Python version, if any.
  std::map<std::filesystem::path, std::optional<config::ProjectPythonVersion>> python_versions_;
  std::atomic<uint64_t> rules_generation_{1};
  mutable std::mutex rules_mutex_;  // guards settings_, rules_, projects_, workspace_folders_,
                                    // python_versions_
  std::mutex problems_mutex_;
  std::set<std::string> reported_problems_;
  std::mutex requests_mutex_;                       // guards pending_ and next_request_id_
  std::map<std::string, ResponseHandler> pending_;  // our request ids -> their handlers
  int next_request_id_ = 1;
  std::atomic<uint64_t> progress_numbers_{0};
  std::unique_ptr<DiagnosticsPublisher> diagnostics_;
  std::unique_ptr<Workspace> workspace_;  // after diagnostics_: its workers stop first
  std::atomic<bool> client_gone_{false};
};

}  // namespace pyfaq::server
