// Finding the Python files under the paths given to `pyfaq check`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "lsp/files/python_files.h"

namespace pyfaq::cli {

struct SourceFile {
  std::filesystem::path path;  // as given or joined from a given folder: also how it is shown
  bool named_explicitly = false;
};

struct PathError {
  std::string path;
  std::string message;
};

struct SourceFiles {
  std::vector<SourceFile> files;  // sorted, without duplicates
  std::vector<PathError> errors;  // missing or unreadable paths
};

/// Files named directly are always taken; folders are walked for `*.py` and `*.pyi` as
/// `files::find_python_files` does (ignore files, `options.excluded`, no links out).
SourceFiles collect_source_files(const std::vector<std::string>& paths,
                                 const files::WalkOptions& options = {});

}  // namespace pyfaq::cli
