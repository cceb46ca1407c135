// A project's own pyfaq configuration: the `[tool.pyfaq]` table of its pyproject.toml, shared
// by `pyfaq check` (in CI) and the language server (in the editor).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "knowledge/analysis.h"
#include "knowledge/rule_selection.h"

namespace pyfaq::config {

struct ProjectConfig {
  std::filesystem::path file;  // the pyproject.toml
  std::filesystem::path root;  // its folder: per-file-ignore patterns are relative to it
  knowledge::RuleSelection selection;
  std::vector<std::string> exclude;   // globs of files and folders left out of folder walks
  std::vector<std::string> problems;  // unknown keys, wrong types, unknown rules: one line
                                      // each, without the file's name

  /// The rules for one file of the project: the selection, less its per-file ignores.
  knowledge::RuleSet rules_for(const std::filesystem::path& file,
                               const knowledge::RuleSet& all) const;
  /// The file's path relative to `root`, with `/` (empty when it is outside the project).
  std::string relative_path(const std::filesystem::path& file) const;
  /// Whether `exclude` leaves out this file or folder of the project.
  bool excludes(const std::filesystem::path& path) const;
};

/// Reads `[tool.pyfaq]` from a pyproject.toml; nullopt when the file has no such table. A file
/// that cannot be read or parsed yields a config with no selection and the problem described.
std::optional<ProjectConfig> read_project_config(const std::filesystem::path& pyproject);

/// Reads `[tool.pyfaq]` from TOML text (for tests and the reader above).
std::optional<ProjectConfig> parse_project_config(std::string_view toml_text,
                                                  const std::filesystem::path& pyproject);

/// The nearest pyproject.toml with a `[tool.pyfaq]` table in `folder` or its parents, up to
/// and including `stop` when given (the workspace folder: the server reads nothing above it).
std::optional<std::filesystem::path> find_project_config(
    const std::filesystem::path& folder, const std::optional<std::filesystem::path>& stop);

}  // namespace pyfaq::config
