// `.gitignore` files: their patterns and how they match paths, as git documents them (negation,
// directory-only patterns, anchored patterns, `*`, `?`, `[...]` and `**`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyfaq::files {

/// Whether `path` matches a gitignore glob: `*` and `?` never match `/`; `**` between slashes (or
/// leading `**/`, trailing `/**`) matches any number of folders; `[a-z]`, `[!abc]` classes; `\`
/// escapes the next character.
bool gitignore_glob_matches(std::string_view pattern, std::string_view path);

/// One `.gitignore` file (or `.git/info/exclude`): its patterns, which apply to paths relative
/// to the folder it is in.
class IgnoreFile {
 public:
  /// Parses the text of an ignore file; lines that cannot be patterns are skipped.
  static IgnoreFile parse(std::string_view text);

  /// What this file says of `relative_path` (with `/`, relative to its folder): true if
  /// ignored, false if re-included by a `!` pattern, nullopt if no pattern matches. The last
  /// matching pattern decides, as in git.
  std::optional<bool> decide(std::string_view relative_path, bool is_folder) const;

  std::size_t size() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::string glob;          // without `!`, the leading `/` and the trailing `/`
    bool negated = false;      // `!pattern`: re-includes
    bool folder_only = false;  // `pattern/`: matches folders only
    bool anchored = false;     // has a `/` before its end: relative to the file's folder
  };
  std::vector<Pattern> patterns_;
};

}  // namespace pyfaq::files
