// Finding the Python files under the paths given to `pyfaq check`.
#include "lsp/cli/source_files.h"

#include <algorithm>
#include <system_error>

namespace pyfaq::cli {

namespace fs = std::filesystem;

namespace {

bool is_python_file(const fs::path& path) {
  const auto extension = path.extension();
  return extension == ".py" || extension == ".pyi";
}

std::string describe(const std::error_code& error) {
  return error.message();
}

/// Whether `path` is `folder` or inside it (both canonical).
bool is_within(const fs::path& path, const fs::path& folder) {
  const auto [folder_end, path_at] =
      std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return folder_end == folder.end();
}

void walk_folder(const fs::path& root, SourceFiles& out) {
  std::error_code error;
  const fs::path canonical_root = fs::canonical(root, error);
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  if (error) {
    out.errors.push_back({root.string(), describe(error)});
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end;) {
    const fs::directory_entry& entry = *it;
    std::error_code status_error;
    const bool is_link = entry.is_symlink(status_error);
    if (entry.is_directory(status_error)) {
      if (is_link || is_skipped_folder(entry.path())) it.disable_recursion_pending();
    } else if (is_python_file(entry.path()) && entry.is_regular_file(status_error)) {
      // A link to a file is read only when it points inside the folder: a walk never leaves it.
      const fs::path target = is_link ? fs::canonical(entry.path(), status_error) : fs::path();
      if (!is_link || (!status_error && is_within(target, canonical_root))) {
        out.files.push_back({entry.path(), false});
      }
    }
    it.increment(error);
    if (error) {
      // An unreadable folder: report it and go on with its siblings.
      out.errors.push_back({it == end ? root.string() : it->path().string(), describe(error)});
      error.clear();
    }
  }
}

}  // namespace

bool is_skipped_folder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  if (name.starts_with('.') || name == "__pycache__" || name == "node_modules") return true;
  std::error_code error;
  return fs::exists(folder / "pyvenv.cfg", error);
}

SourceFiles collect_source_files(const std::vector<std::string>& paths) {
  SourceFiles out;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      out.errors.push_back({given, error ? describe(error) : "No such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_folder(path, out);
    } else {
      out.files.push_back({path, true});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  out.files.erase(
      std::unique(out.files.begin(), out.files.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
      out.files.end());
  return out;
}

}  // namespace pyfaq::cli
