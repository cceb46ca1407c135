// `pyfaq check PATH...`: analyse files in parallel and report the tips found.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "grammar/text_buffer.h"
#include "knowledge/analysis.h"

namespace pyfaq::cli {

enum class OutputFormat { Concise, Full, Json, Sarif };

struct CheckOptions {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::Concise;
  // Links: this docs version, else each file's project Python version (as the server finds
  // it), else the installed docs' version, else kDefaultDocsVersion.
  std::string docs_version{};
  unsigned jobs = 0;  // 0: one per core
  // Rule selection: each file's project `[tool.pyfaq]` (nearest pyproject.toml), or the
  // `config` file for all, or none when `isolated`; then these, as on the command line.
  std::string config{};
  bool isolated = false;
  std::vector<std::string> select{};  // replaces the configuration's `select`
  std::vector<std::string> ignore{};  // adds to the configuration's `ignore`
  bool preview = false;
};

/// The outcome for one file: its findings (with the text, to print positions and frames) or why
/// it was skipped.
struct FileResult {
  std::filesystem::path path;
  std::optional<std::string> skipped;  // not UTF-8, not Python, unreadable ...
  bool read_error = false;             // the file could not be read at all (exit code 2)
  std::vector<knowledge::Finding> findings;
  std::optional<grammar::TextBuffer> text;  // kept only when there are findings
  std::string docs_version{};               // of the file's FAQ links
};

/// Reads, parses and analyses one file.
FileResult check_file(const std::filesystem::path& path, bool named_explicitly,
                      const knowledge::RuleSet& rules);

/// Runs the command; returns the exit code: 0 no tips, 1 tips, 2 a path could not be read.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace pyfaq::cli
