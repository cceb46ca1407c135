// The folder walk shared by `pyfaq check` and the workspace scan.
#include "lsp/files/python_files.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "lsp/files/gitignore.h"

namespace pyfaq::files {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxIgnoreFileBytes = 1 << 20;
constexpr int kMaxDepth = 256;  // deeper folders are a link loop or not a project

/// An ignore file with the folder it applies to, relative to the walk's root ("" for the root).
struct ScopedIgnoreFile {
  std::string folder;
  IgnoreFile file;
};

std::optional<IgnoreFile> read_ignore_file(const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  if (error || !fs::is_regular_file(status)) return std::nullopt;  // links are not followed
  if (fs::file_size(path, error) > kMaxIgnoreFileBytes || error) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  IgnoreFile file = IgnoreFile::parse(text.str());
  if (file.size() == 0) return std::nullopt;
  return file;
}

/// What the ignore files in effect say of `relative` (from the root): the deepest file with an
/// opinion decides, as in git.
bool is_ignored(const std::vector<ScopedIgnoreFile>& stack, const std::string& relative,
                bool is_folder) {
  for (auto scoped = stack.rbegin(); scoped != stack.rend(); ++scoped) {
    const std::string_view inside =
        scoped->folder.empty() ? std::string_view(relative)
                               : std::string_view(relative).substr(scoped->folder.size() + 1);
    if (const auto decision = scoped->file.decide(inside, is_folder)) return *decision;
  }
  return false;
}

/// Whether `path` is `folder` or inside it (both canonical).
bool is_within(const fs::path& path, const fs::path& folder) {
  const auto [folder_end, path_at] =
      std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return folder_end == folder.end();
}

class Walker {
 public:
  Walker(const fs::path& root, const WalkOptions& options, WalkResult& out)
      : root_(root), options_(options), out_(out) {
    std::error_code error;
    canonical_root_ = fs::canonical(root, error);
    if (options_.respect_gitignore) {
      if (auto exclude = read_ignore_file(root / ".git" / "info" / "exclude")) {
        ignore_stack_.push_back({"", std::move(*exclude)});
      }
    }
  }

  void walk(const fs::path& folder, const std::string& relative, int depth) {
    if (depth > kMaxDepth || (options_.stop && *options_.stop)) return;
    const std::size_t stack_size = ignore_stack_.size();
    if (options_.respect_gitignore) {
      if (auto ignore = read_ignore_file(folder / ".gitignore")) {
        ignore_stack_.push_back({relative, std::move(*ignore)});
      }
    }
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
      entries.push_back(*it);
    }
    if (error) out_.errors.push_back({folder.string(), error.message()});
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) visit(entry, relative, depth);
    ignore_stack_.resize(stack_size);
  }

 private:
  void visit(const fs::directory_entry& entry, const std::string& parent, int depth) {
    const std::string name = entry.path().filename().string();
    const std::string relative = parent.empty() ? name : parent + "/" + name;
    std::error_code error;
    const bool is_link = entry.is_symlink(error);
    if (entry.is_directory(error)) {
      if (is_link || is_skipped_folder(entry.path()) || is_ignored(ignore_stack_, relative, true) ||
          (options_.excluded && options_.excluded(entry.path(), true))) {
        return;
      }
      walk(entry.path(), relative, depth + 1);
      return;
    }
    if (!is_python_file(entry.path()) || !entry.is_regular_file(error)) return;
    if (is_ignored(ignore_stack_, relative, false)) return;
    if (options_.excluded && options_.excluded(entry.path(), false)) return;
    if (is_link) {
      // A link to a file is read only when it points inside the folder: a walk never leaves it.
      const fs::path target = fs::canonical(entry.path(), error);
      if (error || !is_within(target, canonical_root_)) return;
    }
    out_.files.push_back(entry.path());
  }

  fs::path root_;
  fs::path canonical_root_;
  const WalkOptions& options_;
  WalkResult& out_;
  std::vector<ScopedIgnoreFile> ignore_stack_;
};

}  // namespace

bool is_python_file(const fs::path& path) {
  const auto extension = path.extension();
  return extension == ".py" || extension == ".pyi";
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  const std::string relative = path.lexically_relative(folder).generic_string();
  return !relative.empty() && !relative.starts_with("..");
}

const fs::path* deepest_folder_holding(const std::vector<fs::path>& folders, const fs::path& path) {
  const fs::path* deepest = nullptr;
  for (const fs::path& folder : folders) {
    if (is_inside(path, folder) &&
        (!deepest || folder.native().size() > deepest->native().size())) {
      deepest = &folder;
    }
  }
  return deepest;
}

bool is_skipped_folder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  if (name.starts_with('.') || name == "__pycache__" || name == "node_modules") return true;
  std::error_code error;
  return fs::exists(folder / "pyvenv.cfg", error);
}

WalkResult find_python_files(const fs::path& root, const WalkOptions& options) {
  WalkResult out;
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    out.errors.push_back({root.string(), error ? error.message() : "Not a directory"});
    return out;
  }
  Walker(root, options, out).walk(root, "", 0);
  std::sort(out.files.begin(), out.files.end());
  return out;
}

bool is_left_out(const fs::path& root, const fs::path& file, const WalkOptions& options) {
  const fs::path relative = file.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return true;
  std::vector<ScopedIgnoreFile> stack;
  const auto push_ignore_file = [&](const fs::path& path, const std::string& folder) {
    if (!options.respect_gitignore) return;
    if (auto ignore = read_ignore_file(path)) stack.push_back({folder, std::move(*ignore)});
  };
  push_ignore_file(root / ".git" / "info" / "exclude", "");
  fs::path folder = root;
  std::string relative_folder;
  for (auto part = relative.begin(); part != relative.end(); ++part) {
    push_ignore_file(folder / ".gitignore", relative_folder);
    const bool is_last = std::next(part) == relative.end();
    const fs::path here = folder / *part;
    const std::string here_relative =
        relative_folder.empty() ? part->string() : relative_folder + "/" + part->string();
    if (!is_last) {
      std::error_code error;
      if (fs::is_symlink(here, error) || is_skipped_folder(here)) return true;
    }
    if (is_ignored(stack, here_relative, !is_last)) return true;
    if (options.excluded && options.excluded(here, !is_last)) return true;
    folder = here;
    relative_folder = here_relative;
  }
  return !is_python_file(file);
}

}  // namespace pyfaq::files
