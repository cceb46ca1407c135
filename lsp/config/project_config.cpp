// A project's own pyfaq configuration: `[tool.pyfaq]` in pyproject.toml.
#include "lsp/config/project_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace pyfaq::config {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTableMarker = "[tool.pyfaq";

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A list of rule selectors; each unknown one is described in `problems`.
std::vector<std::string> read_selectors(const toml::node& node, const std::string& key,
                                        std::vector<std::string>& problems) {
  std::vector<std::string> selectors;
  const toml::array* array = node.as_array();
  if (!array) {
    problems.push_back("tool.pyfaq." + key + " must be a list of rule codes or names");
    return selectors;
  }
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) {
      problems.push_back("tool.pyfaq." + key + " must be a list of rule codes or names");
    } else if (!knowledge::is_known_selector(*value)) {
      problems.push_back("tool.pyfaq." + key + ": unknown rule `" + *value + "`");
    } else {
      selectors.push_back(*value);
    }
  }
  return selectors;
}

void read_table(const toml::table& table, ProjectConfig& config) {
  knowledge::RuleSelection& selection = config.selection;
  std::vector<std::string>& problems = config.problems;
  for (const auto& [key_node, value] : table) {
    const std::string key(key_node.str());
    if (key == "select") {
      selection.select = read_selectors(value, key, problems);
    } else if (key == "extend-select") {
      selection.extend_select = read_selectors(value, key, problems);
    } else if (key == "ignore") {
      selection.ignore = read_selectors(value, key, problems);
    } else if (key == "preview") {
      if (const auto on = value.value<bool>(); on && value.is_boolean()) {
        selection.preview = *on;
      } else {
        problems.push_back("tool.pyfaq.preview must be true or false");
      }
    } else if (key == "severity") {
      const toml::table* severities = value.as_table();
      if (!severities) {
        problems.push_back("tool.pyfaq.severity must be a table of rule = severity");
        continue;
      }
      for (const auto& [rule_node, level] : *severities) {
        const std::string rule_name(rule_node.str());
        const knowledge::RuleDefinition* rule = knowledge::find_rule(rule_name);
        const auto text = level.value<std::string>();
        const auto severity = text ? knowledge::parse_severity(*text) : std::nullopt;
        if (!rule) {
          problems.push_back("tool.pyfaq.severity: unknown rule `" + rule_name + "`");
        } else if (!severity || !level.is_string()) {
          problems.push_back("tool.pyfaq.severity." + rule_name +
                             " must be \"hint\", \"information\" or \"warning\"");
        } else {
          selection.severities[std::string(rule->info.code)] = *severity;
        }
      }
    } else if (key == "exclude") {
      config.exclude.clear();
      const toml::array* globs = value.as_array();
      if (!globs) {
        problems.push_back("tool.pyfaq.exclude must be a list of globs");
        continue;
      }
      for (const toml::node& glob : *globs) {
        if (const auto text = glob.value<std::string>(); text && glob.is_string()) {
          config.exclude.push_back(*text);
        } else {
          problems.push_back("tool.pyfaq.exclude must be a list of globs");
        }
      }
    } else if (key == "per-file-ignores") {
      const toml::table* patterns = value.as_table();
      if (!patterns) {
        problems.push_back("tool.pyfaq.per-file-ignores must be a table of glob = [rules]");
        continue;
      }
      for (const auto& [pattern, rules] : *patterns) {
        selection.per_file_ignores.push_back(
            {std::string(pattern.str()),
             read_selectors(rules, "per-file-ignores." + std::string(pattern.str()), problems)});
      }
    } else {
      problems.push_back("unknown setting tool.pyfaq." + key);
    }
  }
}

}  // namespace

std::optional<ProjectConfig> parse_project_config(std::string_view toml_text,
                                                  const fs::path& pyproject) {
  if (toml_text.find(kTableMarker) == std::string_view::npos) return std::nullopt;
  ProjectConfig config;
  config.file = pyproject;
  config.root = pyproject.parent_path();
  toml::table document;
  try {
    document = toml::parse(toml_text, pyproject.string());
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    config.problems.push_back("line " + std::to_string(where.line) + ", column " +
                              std::to_string(where.column) + ": " +
                              std::string(error.description()));
    return config;
  }
  const toml::node_view table = document["tool"]["pyfaq"];
  if (!table) return std::nullopt;  // the marker sat in a comment or a string
  if (const toml::table* pyfaq = table.as_table()) {
    read_table(*pyfaq, config);
  } else {
    config.problems.push_back("tool.pyfaq must be a table");
  }
  return config;
}

std::optional<ProjectConfig> read_project_config(const fs::path& pyproject) {
  const auto text = read_text(pyproject);
  if (!text) return std::nullopt;
  return parse_project_config(*text, pyproject);
}

std::optional<fs::path> find_project_config(const fs::path& folder,
                                            const std::optional<fs::path>& stop) {
  std::error_code error;
  fs::path current = fs::weakly_canonical(folder, error);
  if (error) current = folder;
  const fs::path limit = stop ? fs::weakly_canonical(*stop, error) : fs::path();
  for (;;) {
    const fs::path candidate = current / "pyproject.toml";
    if (fs::is_regular_file(candidate, error)) {
      const auto text = read_text(candidate);
      if (text && text->find(kTableMarker) != std::string::npos) return candidate;
    }
    if ((stop && current == limit) || current == current.parent_path() || current.empty()) break;
    current = current.parent_path();
  }
  return std::nullopt;
}

std::string ProjectConfig::relative_path(const fs::path& path) const {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(path, error);
  const fs::path relative = (error ? path : absolute).lexically_relative(root);
  const std::string text = relative.generic_string();
  if (relative.empty() || text.starts_with("..")) return {};
  return text;
}

bool ProjectConfig::excludes(const fs::path& path) const {
  if (exclude.empty()) return false;
  const std::string relative = relative_path(path);
  if (relative.empty()) return false;
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& glob) {
    return knowledge::glob_matches(glob, relative);
  });
}

knowledge::RuleSet ProjectConfig::rules_for(const fs::path& path,
                                            const knowledge::RuleSet& all) const {
  knowledge::RuleSet rules = all;
  knowledge::apply_selection(selection, rules);
  const std::string relative = relative_path(path);
  if (!relative.empty()) {
    for (const std::string& code : knowledge::ignored_for_file(selection, relative)) {
      rules.set_enabled(code, false);
    }
  }
  return rules;
}

}  // namespace pyfaq::config
