// Finding a project's Python files: the folder walk shared by `pyfaq check` and the language
// server's workspace scan.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pyfaq::files {

struct WalkOptions {
  /// Honour `.gitignore` files inside the walked folder (and its `.git/info/exclude`).
  bool respect_gitignore = true;
  /// More to leave out (a project's `exclude`): called for every folder and file found.
  std::function<bool(const std::filesystem::path& path, bool is_folder)> excluded;
  /// Set from another thread to end the walk early.
  const std::atomic<bool>* stop = nullptr;
};

struct WalkError {
  std::string path;
  std::string message;
};

struct WalkResult {
  std::vector<std::filesystem::path> files;  // `*.py` and `*.pyi`, sorted
  std::vector<WalkError> errors;             // unreadable folders
};

/// The Python files under `root`, skipping hidden folders, `__pycache__`, `node_modules`,
/// virtual environments (a `pyvenv.cfg` inside), what `.gitignore` files ignore and what
/// `options.excluded` says. Never follows a link to a folder; a link to a file is taken only
/// when it points inside `root`. Nothing above `root` is read.
WalkResult find_python_files(const std::filesystem::path& root, const WalkOptions& options = {});

/// Whether the walk of `root` would leave out `file` (inside `root`), or any folder on the way
/// to it: for one file created or changed after the walk.
bool is_left_out(const std::filesystem::path& root, const std::filesystem::path& file,
                 const WalkOptions& options = {});

bool is_python_file(const std::filesystem::path& path);

/// Whether `path` is strictly inside `folder` (lexically: both normal, absolute).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

/// The deepest of `folders` that holds `path`, or null (nested workspace folders: the inner one).
const std::filesystem::path* deepest_folder_holding(
    const std::vector<std::filesystem::path>& folders, const std::filesystem::path& path);

/// Whether a folder found during a walk is skipped whatever the ignore files say.
bool is_skipped_folder(const std::filesystem::path& folder);

}  // namespace pyfaq::files
