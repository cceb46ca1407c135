// The workspace's closed Python files: walked, analysed from disk on low-priority workers, kept
// current, reported.
#include "lsp/server/workspace.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

#include <fstream>
#include <iterator>
#include <optional>

#include "grammar/utf8.h"
#include "lsp/config/project_config.h"
#include "lsp/files/python_files.h"
#include "lsp/server/diagnostics.h"
#include "lsp/server/document_store.h"
#include "lsp/server/session.h"
#include "lsp/server/uri.h"
#include "lsp/server/work_done_progress.h"

namespace pyfaq::server {

namespace fs = std::filesystem;
using protocol::Json;

namespace {

/// A workspace this big is not one project: the scan stops there and says so.
constexpr std::size_t kMaxWorkspaceFiles = 50'000;

/// Scan workers run only when nothing else wants the processor, so that the editor's own
/// requests and the open documents' tips never wait for them.
void lower_priority_of_this_thread() {
#ifdef __linux__
  sched_param param{};
  pthread_setschedparam(pthread_self(), SCHED_IDLE, &param);
#endif
}

/// One per core: at SCHED_IDLE they take only the time nothing else wants.
unsigned worker_count() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

/// The projects' `exclude` settings during one walk: each folder's nearest `[tool.pyfaq]`,
/// looked up once.
class ProjectExcludes {
 public:
  explicit ProjectExcludes(fs::path workspace_folder) : folder_(std::move(workspace_folder)) {}

  bool operator()(const fs::path& path) {
    const config::ProjectConfig* project = project_of(path.parent_path());
    return project && project->excludes(path);
  }

 private:
  const config::ProjectConfig* project_of(const fs::path& folder) {
    const auto known = by_folder_.find(folder);
    if (known != by_folder_.end()) return known->second;
    const config::ProjectConfig* project = nullptr;
    if (const auto pyproject = config::find_project_config(folder, folder_)) {
      auto [read, inserted] = configs_.try_emplace(*pyproject);
      if (inserted) read->second = config::read_project_config(*pyproject);
      if (read->second) project = &*read->second;
    }
    by_folder_.emplace(folder, project);
    return project;
  }

  fs::path folder_;
  std::map<fs::path, std::optional<config::ProjectConfig>> configs_;
  std::map<fs::path, const config::ProjectConfig*> by_folder_;
};

files::WalkOptions walk_options(ProjectExcludes& excludes, const std::atomic<bool>* stop) {
  files::WalkOptions options;
  options.excluded = [&excludes](const fs::path& path, bool) { return excludes(path); };
  options.stop = stop;
  return options;
}

std::optional<fs::path> local_path(const std::string& uri) {
  auto path = file_path_of(uri);
  if (path) *path = path->lexically_normal();
  return path;
}

}  // namespace

Workspace::Workspace(Session& session, bool synchronous)
    : session_(session), synchronous_(synchronous) {
  if (synchronous_) return;
  for (unsigned i = 0; i < worker_count(); ++i) {
    workers_.emplace_back([this] {
      lower_priority_of_this_thread();
      run_worker();
    });
  }
}

Workspace::~Workspace() {
  stop();
}

void Workspace::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    cancelled_ = true;
    queue_.clear();
    queued_.clear();
  }
  wake_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

void Workspace::configure(bool enabled, bool tips_changed) {
  {
    const std::lock_guard lock(mutex_);
    const bool was_enabled = enabled_;
    enabled_ = enabled;
    if (!started_ || (enabled && was_enabled && !tips_changed)) return;
    if (!enabled) {
      if (!was_enabled) return;
      cancelled_ = true;
      queue_.clear();
      queued_.clear();
      if (progress_) progress_->end("off: diagnostics.scope is openFiles");
      progress_.reset();
      for (auto file = files_.begin(); file != files_.end();) remove_file(file++);
    } else {
      // Settings changed: every file whose rules or links changed is analysed again.
      for (const fs::path& folder : folders_) enqueue({folder, true});
      begin_progress();
    }
  }
  if (!enabled) session_.refresh_all_diagnostics();
  drain();
}

void Workspace::start() {
  {
    const std::lock_guard lock(mutex_);
    if (started_) return;
    started_ = true;
    folders_ = session_.workspace_folders();
    if (!enabled_) return;
    for (const fs::path& folder : folders_) enqueue({folder, true});
    begin_progress();
  }
  drain();
}

void Workspace::folders_changed(const std::vector<fs::path>& removed,
                                const std::vector<fs::path>& added) {
  bool refresh = false;
  {
    const std::lock_guard lock(mutex_);
    for (const fs::path& folder : removed) {
      std::erase(folders_, folder);
      remove_under(folder);
      refresh = true;
    }
    for (const fs::path& folder : added) {
      if (std::find(folders_.begin(), folders_.end(), folder) != folders_.end()) continue;
      folders_.push_back(folder);
      if (!started_ || !enabled_) continue;
      enqueue({folder, true});
      begin_progress();
    }
    refresh = refresh && started_ && enabled_;
  }
  if (refresh) session_.refresh_all_diagnostics();
  drain();
}

void Workspace::file_changed(const fs::path& given, FileChange change) {
  const fs::path path = given.lexically_normal();
  const std::string name = path.filename().string();
  bool analyse = false;
  {
    const std::lock_guard lock(mutex_);
    if (!started_ || !enabled_) return;
    const fs::path* folder = folder_of(path);
    if (!folder) return;
    if (name == ".gitignore" || name == "pyproject.toml" || name == ".python-version") {
      // What is ignored or excluded, or the rules, may have changed for many files: walk again
      // (files whose rules and content are unchanged are not analysed again).
      enqueue({*folder, true});
      begin_progress();
    } else if (change == FileChange::Deleted) {
      const auto file = files_.find(path);
      if (file != files_.end()) {
        remove_file(file);
      } else {
        remove_under(path);  // a folder
      }
    } else if (files::is_python_file(path) && !open_.contains(path)) {
      analyse = true;
    }
  }
  // Whether the walk takes the file is decided outside the lock (it reads .gitignore and
  // pyproject.toml files), as the scan workers wait on that lock.
  if (analyse && covers_path(path)) {
    const std::lock_guard lock(mutex_);
    if (started_ && enabled_ && !open_.contains(path)) {
      if (const auto file = files_.find(path); file != files_.end()) file->second.rules = nullptr;
      enqueue({path, false});
    }
  }
  drain();
}

void Workspace::document_opened(const std::string& uri) {
  const auto path = local_path(uri);
  if (!path) return;
  const std::lock_guard lock(mutex_);
  open_.insert(*path);
  // A client that pulls the open document's tips keeps pushed ones apart: clear the file's,
  // or it would show both.
  const auto file = files_.find(*path);
  if (session_.client.pull_diagnostics && !client_pulls_workspace_ && file != files_.end() &&
      !file->second.diagnostics.empty()) {
    session_.notify("textDocument/publishDiagnostics",
                    {{"uri", file->second.uri}, {"diagnostics", Json::array()}});
    file->second.reshow = true;
  }
}

void Workspace::document_closed(const std::string& uri) {
  const auto path = local_path(uri);
  if (!path) return;
  const bool covered = covers(uri);
  {
    const std::lock_guard lock(mutex_);
    open_.erase(*path);
    if (!covered) return;
    // The editor showed the open document's tips: show the file's again, whatever they are.
    FileState& state = files_[*path];
    state.rules = nullptr;
    state.reshow = true;
    enqueue({*path, false});
  }
  drain();
}

bool Workspace::covers(const std::string& uri) const {
  const auto path = local_path(uri);
  return path && covers_path(*path);
}

bool Workspace::covers_path(const fs::path& path) const {
  if (!files::is_python_file(path)) return false;
  fs::path folder;
  {
    const std::lock_guard lock(mutex_);
    if (!started_ || !enabled_) return false;
    const fs::path* found = folder_of(path);
    if (!found) return false;
    folder = *found;
  }
  ProjectExcludes excludes(folder);
  return !files::is_left_out(folder, path, walk_options(excludes, nullptr));
}

bool Workspace::cancel(const std::string& token) {
  const std::lock_guard lock(mutex_);
  if (!progress_ || progress_->token() != token) return false;
  cancelled_ = true;
  queue_.clear();
  queued_.clear();
  progress_->end("cancelled after " + std::to_string(scan_done_) + " of " +
                 std::to_string(scan_total_) + " files");
  progress_.reset();
  session_.logger().info("workspace scan cancelled by the client");
  return true;
}

Json Workspace::report(const std::map<std::string, std::string>& previous_result_ids) {
  Json items = Json::array();
  const std::lock_guard lock(mutex_);
  if (!client_pulls_workspace_) {
    // From now on this client pulls the closed files' tips: take back what was pushed before
    // its first pull, so that it does not show them twice.
    client_pulls_workspace_ = true;
    for (const auto& [path, state] : files_) {
      if (!state.removed && !state.diagnostics.empty() && !open_.contains(path)) {
        session_.notify("textDocument/publishDiagnostics",
                        {{"uri", state.uri}, {"diagnostics", Json::array()}});
      }
    }
  }
  for (auto file = files_.begin(); file != files_.end();) {
    FileState& state = file->second;
    const auto previous = previous_result_ids.find(state.uri);
    const bool current =
        previous != previous_result_ids.end() && previous->second == state.result_id;
    if (open_.contains(file->first) || state.result_id.empty()) {  // open, or not analysed yet
      ++file;
      continue;
    }
    if (state.removed && current) {
      file = files_.erase(file);  // the client has the empty report: nothing more to say
      continue;
    }
    if (current) {
      items.push_back({{"kind", "unchanged"},
                       {"uri", state.uri},
                       {"version", nullptr},
                       {"resultId", state.result_id}});
    } else {
      items.push_back({{"kind", "full"},
                       {"uri", state.uri},
                       {"version", nullptr},
                       {"resultId", state.result_id},
                       {"items", state.diagnostics}});
    }
    ++file;
  }
  return {{"items", std::move(items)}};
}

std::optional<Json> Workspace::closed_file_report(const std::string& uri) const {
  const auto path = local_path(uri);
  if (!path) return std::nullopt;
  const std::lock_guard lock(mutex_);
  const auto file = files_.find(*path);
  if (file == files_.end() || file->second.result_id.empty() || open_.contains(*path)) {
    return std::nullopt;
  }
  return Json{
      {"kind", "full"}, {"resultId", file->second.result_id}, {"items", file->second.diagnostics}};
}

void Workspace::enqueue(Job job) {
  if (stopping_ || !queued_.insert(job.path).second) return;
  if (job.is_folder) {
    cancelled_ = false;
    queue_.push_front(std::move(job));  // walks first: they find the work
  } else {
    queue_.push_back(std::move(job));
  }
  ++scan_total_;
  if (progress_) progress_->report(scan_done_, scan_total_);
  wake_.notify_one();
}

void Workspace::begin_progress() {
  if (progress_) return;
  progress_ = WorkDoneProgress::start(session_, "pyfaq: checking the workspace", true);
  scan_total_ = queue_.size() + running_;
  scan_done_ = 0;
  scan_started_ = std::chrono::steady_clock::now();
}

std::optional<Workspace::Job> Workspace::take_job() {
  if (queue_.empty()) return std::nullopt;
  Job job = std::move(queue_.front());
  queue_.pop_front();
  queued_.erase(job.path);
  ++running_;
  return job;
}

void Workspace::run_worker() {
  for (;;) {
    std::optional<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = take_job();
    }
    run(*job);
    job_done();
  }
}

void Workspace::drain() {
  if (!synchronous_) return;
  for (;;) {
    std::optional<Job> job;
    {
      const std::lock_guard lock(mutex_);
      job = take_job();
    }
    if (!job) return;
    run(*job);
    job_done();
  }
}

void Workspace::run(const Job& job) {
  try {
    if (job.is_folder) {
      walk(job.path);
    } else {
      analyse(job.path);
    }
  } catch (const std::exception& error) {
    session_.logger().error("checking " + job.path.string() + " failed: " + error.what());
  }
}

void Workspace::job_done() {
  bool finished = false;
  {
    const std::lock_guard lock(mutex_);
    --running_;
    ++scan_done_;
    if (progress_) progress_->report(scan_done_, std::max(scan_total_, scan_done_));
    if (!queue_.empty() || running_ > 0) return;
    finished = true;
    scan_total_ = scan_done_ = 0;
    if (progress_) {
      std::size_t files = 0, findings = 0, with_findings = 0;
      for (const auto& [path, state] : files_) {
        if (state.removed || state.result_id.empty()) continue;
        ++files;
        findings += state.findings;
        with_findings += state.findings > 0;
      }
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - scan_started_).count();
      const std::string summary = std::to_string(files) + " files checked, " +
                                  std::to_string(findings) + " tips in " +
                                  std::to_string(with_findings) + " files";
      progress_->end(summary);
      progress_.reset();
      char rate[64];
      std::snprintf(rate, sizeof rate, " (%.2f s, %.0f files/s)", seconds,
                    seconds > 0 ? files / seconds : 0.0);
      session_.logger().info("workspace: " + summary + rate);
    }
  }
  if (finished && session_.client.pull_diagnostics) session_.refresh_all_diagnostics();
}

void Workspace::walk(const fs::path& folder) {
  ProjectExcludes excludes(folder);
  files::WalkResult walked = files::find_python_files(folder, walk_options(excludes, &cancelled_));
  for (const files::WalkError& error : walked.errors) {
    session_.logger().warning("cannot read " + error.path + ": " + error.message);
  }
  if (walked.files.size() > kMaxWorkspaceFiles) {
    session_.report_problems(
        {folder.string() + " holds over " + std::to_string(kMaxWorkspaceFiles) +
         " Python files: only the first are checked"},
        "");
    walked.files.resize(kMaxWorkspaceFiles);
  }
  const std::lock_guard lock(mutex_);
  if (cancelled_ || stopping_ || !enabled_ ||
      std::find(folders_.begin(), folders_.end(), folder) == folders_.end()) {
    return;
  }
  const std::set<fs::path> found(walked.files.begin(), walked.files.end());
  for (auto file = files_.lower_bound(folder); file != files_.end();) {
    if (!files::is_inside(file->first, folder)) break;
    const auto next = std::next(file);
    if (!file->second.removed && !found.contains(file->first)) remove_file(file);
    file = next;
  }
  for (const fs::path& path : walked.files) {
    if (!open_.contains(path)) enqueue({path, false});
  }
}

void Workspace::analyse(const fs::path& path) {
  const std::string uri = file_uri_of(path);
  {
    const std::lock_guard lock(mutex_);
    if (!enabled_ || open_.contains(path) || !folder_of(path)) return;  // its folder went away
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  const auto modified = fs::last_write_time(path, error);
  const auto size = error ? 0 : fs::file_size(path, error);
  if (error || !fs::is_regular_file(status)) {
    const std::lock_guard lock(mutex_);
    if (const auto file = files_.find(path); file != files_.end()) remove_file(file);
    return;
  }
  std::shared_ptr<const knowledge::RuleSet> rules = session_.rules_for(uri);
  const knowledge::LinkOptions links = session_.links_for(uri);
  {
    const std::lock_guard lock(mutex_);
    const auto file = files_.find(path);
    if (file != files_.end() && !file->second.removed && file->second.modified == modified &&
        file->second.size == size && file->second.rules == rules &&
        file->second.docs_version == links.version) {
      return;  // nothing it depends on changed
    }
  }
  Json diagnostics = Json::array();
  std::size_t findings = 0;
  if (size <= grammar::kMaxParsedBytes) {
    std::optional<std::string> text = read_file(path);
    if (!text) return;
    if (grammar::first_invalid_utf8(*text)) *text = grammar::replace_invalid_utf8(*text);
    const Snapshot snapshot{uri, "python", 0,
                            std::make_shared<const grammar::Document>(std::move(*text))};
    const auto analysis = analyze_snapshot(snapshot, rules);
    findings = analysis->findings().size();
    diagnostics = to_diagnostics(session_, snapshot, *analysis, links);
  }
  const std::lock_guard lock(mutex_);
  if (!enabled_ || open_.contains(path) || !folder_of(path)) return;
  FileState& state = files_[path];
  const bool reshow = state.reshow;
  const bool changed =
      state.result_id.empty() || state.removed || reshow || state.diagnostics != diagnostics;
  const bool had_tips = !state.removed && !state.diagnostics.empty();
  state.uri = uri;
  state.modified = modified;
  state.size = size;
  state.rules = std::move(rules);
  state.docs_version = links.version;
  state.findings = findings;
  state.removed = false;
  state.reshow = false;
  if (!changed) return;
  state.diagnostics = std::move(diagnostics);
  state.result_id = next_result_id();
  if (!client_pulls_workspace_ && (had_tips || reshow || findings > 0)) {
    session_.notify("textDocument/publishDiagnostics",
                    {{"uri", uri}, {"diagnostics", state.diagnostics}});
  }
}

void Workspace::remove_under(const fs::path& folder) {
  for (auto file = files_.lower_bound(folder); file != files_.end();) {
    if (!files::is_inside(file->first, folder)) break;
    remove_file(file++);
  }
}

void Workspace::remove_file(std::map<fs::path, FileState>::iterator file) {
  FileState& state = file->second;
  if (state.result_id.empty()) {  // never analysed: the client knows nothing of it
    files_.erase(file);
    return;
  }
  if (client_pulls_workspace_) {
    if (state.removed) return;
    state.removed = true;
    state.findings = 0;
    state.diagnostics = Json::array();
    state.result_id = next_result_id();
    return;
  }
  if (!state.diagnostics.empty() && !open_.contains(file->first)) {
    session_.notify("textDocument/publishDiagnostics",
                    {{"uri", state.uri}, {"diagnostics", Json::array()}});
  }
  files_.erase(file);
}

const fs::path* Workspace::folder_of(const fs::path& path) const {
  return files::deepest_folder_holding(folders_, path);
}

}  // namespace pyfaq::server
