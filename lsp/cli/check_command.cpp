// `pyfaq check PATH...`: analyse files in parallel and report the tips found.
#include "lsp/cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <ostream>
#include <span>
#include <sstream>
#include <thread>

#include "grammar/document.h"
#include "grammar/utf8.h"
#include "knowledge/rule_selection.h"
#include "lsp/cli/check_report.h"
#include "lsp/cli/link_versions.h"
#include "lsp/cli/source_files.h"
#include "lsp/config/project_config.h"
#include "lsp/docs/faq_docs.h"

namespace pyfaq::cli {

namespace {

bool has_python_shebang(std::string_view text) {
  if (!text.starts_with("#!")) return false;
  const std::string_view first_line = text.substr(0, text.find('\n'));
  return first_line.find("python") != std::string_view::npos;
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& text) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) return error.message();
  if (size > grammar::kMaxParsedBytes) {
    return "file too large (" + std::to_string(size >> 20) + " MiB; pyfaq reads files up to " +
           std::to_string(grammar::kMaxParsedBytes >> 20) + " MiB)";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open file";
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return "read error";
  return std::nullopt;
}

/// The rules for each file: its project's configuration, then the command line's selection.
/// Rule sets are shared by every file with the same configuration and per-file ignores.
class RuleChooser {
 public:
  RuleChooser(const CheckOptions& options, std::ostream& err) : options_(options), err_(err) {}

  /// False (with the reason on `err`) when an explicit --config cannot be used.
  bool load_explicit_config() {
    if (options_.config.empty()) return true;
    auto config = config::read_project_config(options_.config);
    if (!config) {
      err_ << "pyfaq: error: " << options_.config
           << ": cannot read it, or it has no [tool.pyfaq] table\n";
      return false;
    }
    report(*config);
    explicit_ = std::move(config);
    return true;
  }

  /// Whether the project's `exclude` leaves out a file or folder found by walking a folder.
  bool excludes(const std::filesystem::path& path) {
    const config::ProjectConfig* config = explicit_ ? &*explicit_ : project_of(path);
    return config && config->excludes(path);
  }

  const knowledge::RuleSet& rules_for(const std::filesystem::path& file) {
    const config::ProjectConfig* config = explicit_ ? &*explicit_ : project_of(file);
    knowledge::RuleSelection selection = config ? config->selection : knowledge::RuleSelection{};
    if (!options_.select.empty()) selection.select = options_.select;
    selection.ignore.insert(selection.ignore.end(), options_.ignore.begin(), options_.ignore.end());
    selection.preview = selection.preview || options_.preview;
    const std::vector<std::string> ignored =
        config ? knowledge::ignored_for_file(selection, config->relative_path(file))
               : std::vector<std::string>{};
    std::string key = config ? config->file.string() : std::string();
    key += '|';
    for (const std::string& code : ignored) key += code + ",";
    auto& rules = sets_[key];
    if (!rules) {
      rules = std::make_unique<knowledge::RuleSet>(all_);
      knowledge::apply_selection(selection, *rules);
      for (const std::string& code : ignored) rules->set_enabled(code, false);
    }
    return *rules;
  }

 private:
  const config::ProjectConfig* project_of(const std::filesystem::path& file) {
    if (options_.isolated) return nullptr;
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::absolute(file, error).parent_path();
    auto [found, inserted] = folder_configs_.try_emplace(folder);
    if (inserted) found->second = config::find_project_config(folder, std::nullopt);
    if (!found->second) return nullptr;
    auto [config, read] = configs_.try_emplace(*found->second);
    if (read) {
      config->second = config::read_project_config(*found->second);
      if (config->second) report(*config->second);
    }
    return config->second ? &*config->second : nullptr;
  }

  void report(const config::ProjectConfig& config) {
    std::error_code error;
    const std::filesystem::path relative = std::filesystem::relative(config.file, error);
    const std::string shown = error || relative.empty() || relative.string().starts_with("..")
                                  ? config.file.string()
                                  : relative.string();
    for (const std::string& problem : config.problems) {
      err_ << "pyfaq: warning: " << shown << ": " << problem << " (ignored)\n";
    }
  }

  const CheckOptions& options_;
  std::ostream& err_;
  const knowledge::RuleSet all_ = knowledge::RuleSet::all();
  std::optional<config::ProjectConfig> explicit_;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> folder_configs_;
  std::map<std::filesystem::path, std::optional<config::ProjectConfig>> configs_;
  std::map<std::string, std::unique_ptr<knowledge::RuleSet>> sets_;
};

/// The docs version every file's links use, else `fallback`: SARIF describes each rule once,
/// with one link.
std::string shared_docs_version(std::span<const FileResult> results, const std::string& fallback) {
  if (results.empty()) return fallback;
  for (const FileResult& result : results) {
    if (result.docs_version != results.front().docs_version) return fallback;
  }
  return results.front().docs_version;
}

}  // namespace

FileResult check_file(const std::filesystem::path& path, bool named_explicitly,
                      const knowledge::RuleSet& rules) {
  FileResult result{path, std::nullopt, false, {}, std::nullopt};
  std::string text;
  if (auto error = read_file(path, text)) {
    result.skipped = std::move(*error);
    result.read_error = true;
    return result;
  }
  const auto extension = path.extension();
  if (named_explicitly && extension != ".py" && extension != ".pyi" && !has_python_shebang(text)) {
    result.skipped = "not a Python file (no .py/.pyi extension or python shebang)";
    return result;
  }
  if (text.find('\0') != std::string::npos) {
    result.skipped = "not a Python file (binary content)";
    return result;
  }
  if (const auto bad = grammar::first_invalid_utf8(text)) {
    const grammar::TextBuffer buffer(text);
    const auto at = buffer.to_line_column(*bad, grammar::ColumnUnit::Utf32);
    result.skipped = "not valid UTF-8 (line " + std::to_string(at.line + 1) + ", column " +
                     std::to_string(at.column + 1) + ")";
    return result;
  }
  grammar::Document document(std::move(text));
  result.findings = knowledge::analyze(document, rules);
  if (!result.findings.empty()) result.text = document.buffer();
  return result;
}

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  for (const auto& selectors : {options.select, options.ignore}) {
    for (const std::string& selector : selectors) {
      if (!knowledge::is_known_selector(selector)) {
        err << "pyfaq: error: unknown rule `" << selector << "` (see `pyfaq rules`)\n";
        return 2;
      }
    }
  }
  RuleChooser chooser(options, err);
  if (!chooser.load_explicit_config()) return 2;
  files::WalkOptions walk;
  walk.excluded = [&chooser](const std::filesystem::path& path, bool) {
    return chooser.excludes(path);
  };
  const SourceFiles sources = collect_source_files(options.paths, walk);
  std::vector<const knowledge::RuleSet*> rules_of_file;
  rules_of_file.reserve(sources.files.size());
  for (const SourceFile& file : sources.files)
    rules_of_file.push_back(&chooser.rules_for(file.path));

  std::vector<FileResult> results(sources.files.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < sources.files.size(); i = next++) {
      const SourceFile& file = sources.files[i];
      results[i] = check_file(file.path, file.named_explicitly, *rules_of_file[i]);
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs =
      static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, results.size())));
  {
    std::vector<std::jthread> workers;
    for (unsigned i = 1; i < jobs; ++i) workers.emplace_back(work);
    work();
  }

  // Links match the project's Python, else the docs on this machine, as the server's do.
  const auto installed = docs::installed_faq_folder();
  std::error_code no_folder;
  LinkVersions link_versions(
      options.docs_version,
      installed ? installed->second : std::string(knowledge::kDefaultDocsVersion),
      !options.isolated, std::filesystem::current_path(no_folder));
  for (FileResult& result : results) result.docs_version = link_versions.version_for(result.path);
  const ReportSummary summary =
      write_report(options.format, shared_docs_version(results, link_versions.fallback()),
                   sources.errors, results, out, err);
  if (summary.path_errors > 0) return 2;
  return summary.findings > 0 ? 1 : 0;
}

}  // namespace pyfaq::cli
