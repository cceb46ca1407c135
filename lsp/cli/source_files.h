// Finding the Python files under the paths given to `pyfaq check`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

/// Files named directly are always taken; folders are walked for `*.py` and `*.pyi`, skipping
/// hidden folders, `__pycache__`, `node_modules`, virtual environments (a `pyvenv.cfg` inside)
/// and symbolic links to folders.
SourceFiles collect_source_files(const std::vector<std::string>& paths);

/// Whether a folder found during a walk is skipped.
bool is_skipped_folder(const std::filesystem::path& folder);

}  // namespace pyfaq::cli
