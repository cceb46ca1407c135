// Everything a method handler may use: documents, capabilities, settings, knowledge, and the
// way back to the client.
#include "lsp/server/session.h"

#include <algorithm>
#include <filesystem>

#include "knowledge/rule_selection.h"
#include "lsp/docs/faq_docs.h"
#include "lsp/files/python_files.h"
#include "lsp/server/diagnostics.h"
#include "lsp/server/uri.h"

namespace pyfaq::server {

using protocol::Json;

namespace {

/// The default selection (stable rules), then what the settings say.
knowledge::RuleSet rules_under(const knowledge::RuleSet& all, const Settings& settings,
                               const knowledge::RuleSelection& selection) {
  knowledge::RuleSet rules = all;
  knowledge::apply_selection(selection, rules);
  settings.apply_to(rules);
  return rules;
}

using SharedInventory = std::shared_ptr<const docs::Inventory>;

SharedInventory read_inventory(const knowledge::FaqSource& source) {
  try {
    if (auto inventory = docs::load_inventory(source)) {
      return std::make_shared<const docs::Inventory>(std::move(*inventory));
    }
  } catch (const std::exception&) {  // out of memory: answers go without API links
  }
  return nullptr;
}

/// Reading objects.inv costs more than reading the whole FAQ; it is needed only to show an
/// answer, so it is not on the start-up path.
std::shared_future<SharedInventory> read_inventory_in_background(knowledge::FaqSource source) {
  try {
    return std::async(std::launch::async, read_inventory, std::move(source)).share();
  } catch (const std::system_error&) {  // no thread to spare: read it now
    std::promise<SharedInventory> now;
    now.set_value(read_inventory(source));
    return now.get_future().share();
  }
}

/// Compiles the rules' queries on another core (the bulk of start-up, and not needed to answer
/// `initialize`): the first analysis waits for them if it comes sooner.
std::shared_future<knowledge::RuleSet> compile_rules_in_background() {
  try {
    return std::async(std::launch::async, knowledge::RuleSet::all).share();
  } catch (const std::system_error&) {  // no thread to spare: compile them when first needed
    return std::async(std::launch::deferred, knowledge::RuleSet::all).share();
  }
}

}  // namespace

Session::Session(jsonrpc::Transport& transport, ServerOptions options, Logger& logger)
    : transport_(transport),
      options_(options),
      logger_(logger),
      settings_(std::make_shared<const Settings>()),
      all_rules_(options.all_rules.valid() ? options.all_rules : compile_rules_in_background()),
      diagnostics_(std::make_unique<DiagnosticsPublisher>(*this, options.synchronous)),
      workspace_(std::make_unique<Workspace>(*this, options.synchronous)) {
  load_faq(options_.docs_path);
  Settings defaults;
  defaults.links = resolve_links(defaults);
  settings_ = std::make_shared<const Settings>(std::move(defaults));
}

std::shared_ptr<const knowledge::RuleSet> Session::default_rules_locked() {
  if (!rules_) {
    rules_ =
        std::make_shared<const knowledge::RuleSet>(rules_under(all_rules_.get(), *settings_, {}));
  }
  return rules_;
}

knowledge::LinkOptions Session::resolve_links(const Settings& settings) const {
  knowledge::LinkOptions links;
  const std::string& found = faq_->faqs.source().python_version;
  links.version = !settings.docs_version.empty() ? settings.docs_version
                  : !found.empty()               ? found
                                                 : std::string(knowledge::kDefaultDocsVersion);
  const auto kind = faq_->faqs.source().kind;
  if (settings.local_links && (kind == knowledge::FaqSourceKind::ExplicitPath ||
                               kind == knowledge::FaqSourceKind::InstalledDocs)) {
    // .../html/_sources/faq -> .../html, which holds faq/*.html.
    const std::filesystem::path html =
        std::filesystem::path(faq_->faqs.source().location).parent_path().parent_path();
    if (std::filesystem::exists(html / "faq" / "library.html")) links.local_html = html.string();
  }
  return links;
}

std::string Session::answer_markdown(const knowledge::FaqEntry& entry,
                                     const knowledge::LinkOptions& links) const {
  const docs::Inventory* inventory =
      faq_->inventory.valid() ? faq_->inventory.get().get() : nullptr;
  const knowledge::ApiPageFinder finder =
      inventory ? inventory->page_finder() : knowledge::ApiPageFinder{};
  return knowledge::link_api_mentions(entry.markdown, inventory ? &finder : nullptr, links);
}

std::shared_ptr<const FaqKnowledge> FaqKnowledge::load(const std::string& docs_path) {
  auto made = std::make_shared<FaqKnowledge>();
  made->docs_path = docs_path;
  made->faqs = docs::load_faq(docs_path, made->problems);
  made->hovers = knowledge::HoverIndex::load_embedded(made->faqs);
  made->inventory = read_inventory_in_background(made->faqs.source());
  return made;
}

void Session::load_faq(const std::string& docs_path) {
  faq_ = options_.faq && options_.faq->docs_path == docs_path ? options_.faq
                                                              : FaqKnowledge::load(docs_path);
  for (const std::string& problem : faq_->problems) logger_.warning(problem);
  logger_.info("FAQ: " + std::to_string(faq_->faqs.entries().size()) + " entries from " +
               std::string(knowledge::to_string(faq_->faqs.source().kind)) + " (" +
               faq_->faqs.source().location + ")");
}

Session::~Session() = default;

std::shared_ptr<const Settings> Session::settings() const {
  const std::lock_guard lock(rules_mutex_);
  return settings_;
}

void Session::report_problems(const std::vector<std::string>& problems, const std::string& suffix) {
  for (const std::string& problem : problems) {
    logger_.warning(problem);
    bool first_time = false;
    {
      const std::lock_guard lock(problems_mutex_);
      first_time = reported_problems_.insert(problem).second;
    }
    if (first_time) show_message(MessageType::Warning, "pyfaq: " + problem + suffix);
  }
}

void Session::set_workspace_folders(std::vector<std::filesystem::path> folders) {
  std::vector<std::filesystem::path> removed;
  std::vector<std::filesystem::path> added;
  {
    const std::lock_guard lock(rules_mutex_);
    if (folders == workspace_folders_) return;
    for (const auto& folder : workspace_folders_) {
      if (std::find(folders.begin(), folders.end(), folder) == folders.end()) {
        removed.push_back(folder);
      }
    }
    for (const auto& folder : folders) {
      if (std::find(workspace_folders_.begin(), workspace_folders_.end(), folder) ==
          workspace_folders_.end()) {
        added.push_back(folder);
      }
    }
    workspace_folders_ = std::move(folders);
    projects_.clear();
    python_versions_.clear();
    ++rules_generation_;
  }
  workspace_->folders_changed(removed, added);
}

const std::filesystem::path* Session::workspace_folder_of_locked(
    const std::filesystem::path& path) const {
  return files::deepest_folder_holding(workspace_folders_, path);
}

knowledge::LinkOptions Session::links_for(const std::string& uri) {
  const auto settings = this->settings();
  knowledge::LinkOptions links = settings->links;
  if (!settings->docs_version.empty() || !links.local_html.empty()) return links;
  const std::optional<std::filesystem::path> path = file_path_of(uri);
  if (!path) return links;
  const std::filesystem::path folder = path->lexically_normal().parent_path();
  std::filesystem::path workspace_folder;
  {
    const std::lock_guard lock(rules_mutex_);
    const auto known = python_versions_.find(folder);
    if (known != python_versions_.end()) {
      if (known->second) links.version = known->second->version;
      return links;
    }
    const std::filesystem::path* found = workspace_folder_of_locked(folder / "x");
    if (!found) return links;
    workspace_folder = *found;
  }
  auto version = config::find_project_python_version(folder, workspace_folder);
  if (version) links.version = version->version;
  const std::lock_guard lock(rules_mutex_);
  python_versions_.emplace(folder, std::move(version));
  return links;
}

void Session::forget_python_versions() {
  const std::lock_guard lock(rules_mutex_);
  python_versions_.clear();
}

std::vector<std::filesystem::path> Session::workspace_folders() const {
  const std::lock_guard lock(rules_mutex_);
  return workspace_folders_;
}

std::shared_ptr<const knowledge::RuleSet> Session::rules_for(const std::string& uri) {
  // Files are looked at outside the lock: the workspace's low-priority workers call this too,
  // and must not hold up a hover while they wait for the disk.
  const std::optional<std::filesystem::path> path = file_path_of(uri);
  std::filesystem::path folder;
  {
    const std::lock_guard lock(rules_mutex_);
    const std::filesystem::path* found = path ? workspace_folder_of_locked(*path) : nullptr;
    if (!found) return default_rules_locked();
    folder = *found;
  }
  const auto pyproject = config::find_project_config(path->parent_path(), folder);
  if (!pyproject) {
    const std::lock_guard lock(rules_mutex_);
    return default_rules_locked();
  }
  std::error_code error;
  const auto modified = std::filesystem::last_write_time(*pyproject, error);
  const auto size = std::filesystem::file_size(*pyproject, error);
  bool changed = false;
  {
    const std::lock_guard lock(rules_mutex_);
    const auto known = projects_.find(*pyproject);
    changed = known == projects_.end() || !known->second.config ||
              known->second.modified != modified || known->second.size != size;
  }
  std::optional<config::ProjectConfig> read;
  if (changed) read = config::read_project_config(*pyproject);
  config::ProjectConfig where;  // for the file's path relative to the project
  where.root = pyproject->parent_path();
  const std::string relative = where.relative_path(*path);

  std::vector<std::string> problems;
  std::shared_ptr<const knowledge::RuleSet> rules;
  {
    const std::lock_guard lock(rules_mutex_);
    Project& project = projects_[*pyproject];
    if (changed && (!project.config || project.modified != modified || project.size != size)) {
      project = Project{modified, size, std::move(read), {}};
      python_versions_.clear();  // requires-python may have changed with it
      ++rules_generation_;
      if (project.config) {
        for (const std::string& problem : project.config->problems) {
          problems.push_back(pyproject->string() + ": " + problem);
        }
      }
    }
    if (!project.config) return default_rules_locked();
    const std::vector<std::string> ignored =
        knowledge::ignored_for_file(project.config->selection, relative);
    std::string key;
    for (const std::string& code : ignored) key += code + ",";
    auto& cached = project.rules[key];
    if (!cached) {
      knowledge::RuleSet set = all_rules_.get();
      knowledge::apply_selection(project.config->selection, set);
      settings_->apply_to(set);
      for (const std::string& code : ignored) set.set_enabled(code, false);
      cached = std::make_shared<const knowledge::RuleSet>(std::move(set));
    }
    rules = cached;
  }
  report_problems(problems, " (ignored)");
  return rules;
}

void Session::apply_settings(const Json& section) {
  std::vector<std::string> problems;
  Settings read = read_settings(section, problems);
  report_problems(problems, " (ignored)");
  const std::string docs_path = read.docs_path.empty() ? options_.docs_path : read.docs_path;
  if (docs_path != faq_->docs_path) load_faq(docs_path);
  read.links = resolve_links(read);
  if (read.local_links && read.links.local_html.empty()) {
    show_message(MessageType::Warning, "pyfaq: no local HTML docs found; FAQ links go to the web");
  }
  auto settings = std::make_shared<const Settings>(std::move(read));
  const bool workspace_diagnostics = settings->workspace_diagnostics;
  bool tips_changed = false;
  {
    const std::lock_guard lock(rules_mutex_);
    if (*settings == *settings_) return;
    // Hovers or lenses turned on or off change no tip: analyses stay valid.
    tips_changed = settings->rules != settings_->rules ||
                   settings->severities != settings_->severities ||
                   !(settings->links == settings_->links);
    settings_ = std::move(settings);
    if (tips_changed) {
      rules_ = nullptr;  // made again from the new settings when next needed
      for (auto& [file, project] : projects_) project.rules.clear();
      ++rules_generation_;
    }
  }
  workspace_->configure(workspace_diagnostics, tips_changed);
}

void Session::apply_pulled_settings(const Json* result) {
  if (!result || !result->is_array() || result->empty()) return;
  const Json& section = result->at(0);
  apply_settings(section.is_null() ? initialization_settings : section);
  refresh_all_diagnostics();
}

void Session::send(const Json& message) {
  if (transport_.write(message.dump(-1, ' ', false, Json::error_handler_t::replace))) return;
  // The client is gone (a closed pipe, a reset socket): stop, rather than serve no one.
  if (!client_gone_.exchange(true) && on_client_gone) on_client_gone();
}

void Session::notify(const std::string& method, Json params) {
  send(protocol::make_notification(method, std::move(params)));
}

void Session::request(const std::string& method, Json params, ResponseHandler on_response) {
  std::string id;
  {
    const std::lock_guard lock(requests_mutex_);
    id = "pyfaq-" + std::to_string(next_request_id_++);
    pending_[id] = std::move(on_response);
  }
  send(protocol::make_request(id, method, std::move(params)));
}

void Session::handle_response(const Json& message) {
  const Json& id = message.at("id");
  ResponseHandler handler;
  {
    const std::lock_guard lock(requests_mutex_);
    const auto found = id.is_string() ? pending_.find(id.get<std::string>()) : pending_.end();
    if (found != pending_.end()) {
      handler = std::move(found->second);
      pending_.erase(found);
    }
  }
  if (!handler) {
    logger_.warning("response to an unknown request id " + id.dump());
    return;
  }
  const auto result = message.find("result");
  const auto error = message.find("error");
  handler(result != message.end() ? &*result : nullptr, error != message.end() ? &*error : nullptr);
}

void Session::show_message(MessageType type, const std::string& message) {
  notify("window/showMessage", {{"type", static_cast<int>(type)}, {"message", message}});
}

void Session::schedule_diagnostics(const std::string& uri) {
  if (client.pull_diagnostics) return;  // the client asks with textDocument/diagnostic
  diagnostics_->schedule(uri);
}

void Session::forget_diagnostics(const std::string& uri) {
  // In a workspace scope, a closed file's tips are those of its content on disk, published by
  // the workspace: clearing them first would only make them flicker.
  if (!client.pull_diagnostics) diagnostics_->forget(uri, !workspace_->covers(uri));
}

void Session::refresh_all_diagnostics() {
  if (client.pull_diagnostics) {
    request("workspace/diagnostic/refresh", nullptr, [](const Json*, const Json*) {});
    return;
  }
  for (const std::string& uri : documents_.uris()) diagnostics_->schedule(uri);
}

}  // namespace pyfaq::server
