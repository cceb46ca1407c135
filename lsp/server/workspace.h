// The workspace's Python files that are not open in the editor: found by walking the workspace
// folders, analysed from disk on low-priority workers, kept current as files change, and
// reported as pull results (workspace/diagnostic) or pushed, when the scope is "workspace".
// Pushed until the client first pulls workspace/diagnostic: a client may pull open documents'
// tips and not the workspace's (Neovim), and LSP has no capability that tells.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "knowledge/analysis.h"
#include "lsp/protocol/json_rpc.h"

namespace pyfaq::server {

class Session;
class WorkDoneProgress;

/// What a watched file did (workspace/didChangeWatchedFiles).
enum class FileChange { Created = 1, Changed = 2, Deleted = 3 };

class Workspace {
 public:
  /// `synchronous`: no worker threads; every call finishes its work before it returns (tests).
  Workspace(Session& session, bool synchronous);
  ~Workspace();
  /// Stops the workers (a file being analysed is finished first); nothing runs after this.
  void stop();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Called from the message thread.
  /// Turns the scan on or off (the `diagnostics.scope` setting); `tips_changed`: the rules or
  /// links changed, every file is checked again. Nothing happens before `start`.
  void configure(bool enabled, bool tips_changed);
  /// From `initialized` (or the client's first settings): the first scan may begin.
  void start();
  void folders_changed(const std::vector<std::filesystem::path>& removed,
                       const std::vector<std::filesystem::path>& added);
  void file_changed(const std::filesystem::path& path, FileChange change);
  void document_opened(const std::string& uri);
  /// A closed document's tips fall back to its content on disk.
  void document_closed(const std::string& uri);
  /// Whether the tips of `uri`, when closed, come from here (so closing it clears nothing).
  bool covers(const std::string& uri) const;
  /// $/progress cancellation from the client; false when `token` is not the scan's.
  bool cancel(const std::string& token);
  /// A workspace/diagnostic report: every analysed closed file, `unchanged` where the client's
  /// previous result id (uri -> id) is still current.
  protocol::Json report(const std::map<std::string, std::string>& previous_result_ids);

  /// A closed file's report as the workspace has it (`full`, with its result id), for a
  /// textDocument/diagnostic that comes after the editor closed the document; nullopt when the
  /// workspace has not analysed it.
  std::optional<protocol::Json> closed_file_report(const std::string& uri) const;

 private:
  /// covers() for a normal path; reads files, so never called with the lock held.
  bool covers_path(const std::filesystem::path& path) const;

  struct Job {
    std::filesystem::path path;
    bool is_folder = false;  // walk it; else analyse the file
  };
  struct FileState {
    std::string uri;
    std::filesystem::file_time_type modified{};
    std::uintmax_t size = 0;
    std::shared_ptr<const knowledge::RuleSet> rules;  // what it was analysed under
    std::string docs_version;
    protocol::Json diagnostics = protocol::Json::array();
    std::size_t findings = 0;
    std::string result_id;
    bool removed = false;  // deleted or out of scope: reported once, empty, then forgotten
    bool reshow = false;   // closed in the editor: report and publish it anew, even unchanged
  };

  void enqueue(Job job);          // mutex_ held
  std::optional<Job> take_job();  // mutex_ held; counts it as running
  void run_worker();
  void drain();  // synchronous mode: runs every queued job now
  void run(const Job& job);
  void walk(const std::filesystem::path& folder);
  void analyse(const std::filesystem::path& path);
  void remove_under(const std::filesystem::path& path);                         // mutex_ held
  void remove_file(std::map<std::filesystem::path, FileState>::iterator file);  // mutex_ held
  void job_done();
  const std::filesystem::path* folder_of(const std::filesystem::path& path) const;  // mutex_ held
  std::string next_result_id() { return "w" + std::to_string(++result_counter_); }
  void begin_progress();  // mutex_ held

  Session& session_;
  const bool synchronous_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::set<std::filesystem::path> queued_;  // paths in queue_, to not queue one twice
  std::size_t running_ = 0;                 // jobs being run by workers
  std::map<std::filesystem::path, FileState> files_;
  std::set<std::filesystem::path> open_;  // open in the editor: its own tips are shown
  std::vector<std::filesystem::path> folders_;
  bool enabled_ = false;
  bool client_pulls_workspace_ = false;  // it has sent workspace/diagnostic: no more pushes
  bool started_ = false;
  bool stopping_ = false;
  std::shared_ptr<WorkDoneProgress> progress_;  // of the running scan
  std::size_t scan_total_ = 0;
  std::size_t scan_done_ = 0;
  std::chrono::steady_clock::time_point scan_started_{};
  std::atomic<bool> cancelled_{false};  // ends a walk in progress
  uint64_t result_counter_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace pyfaq::server
