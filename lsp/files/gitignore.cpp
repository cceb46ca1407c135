// `.gitignore` patterns and their matching.
#include "lsp/files/gitignore.h"

namespace pyfaq::files {

namespace {

/// Matches a `[...]` class at `pattern[p]` (just past `[`) against `c`. Sets `end` past the `]`;
/// returns nullopt when the class is not closed (then `[` is a literal).
std::optional<bool> match_class(std::string_view pattern, std::size_t p, char c, std::size_t& end) {
  bool negated = false;
  if (p < pattern.size() && (pattern[p] == '!' || pattern[p] == '^')) {
    negated = true;
    ++p;
  }
  bool matched = false;
  bool first = true;
  while (p < pattern.size() && (first || pattern[p] != ']')) {
    first = false;
    char low = pattern[p];
    if (low == '\\' && p + 1 < pattern.size()) low = pattern[++p];
    char high = low;
    if (p + 2 < pattern.size() && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
      high = pattern[p + 2];
      if (high == '\\' && p + 3 < pattern.size()) high = pattern[++p + 2];
      p += 2;
    }
    if (low <= c && c <= high) matched = true;
    ++p;
  }
  if (p >= pattern.size()) return std::nullopt;
  end = p + 1;
  return c != '/' && matched != negated;
}

bool match_from(std::string_view pattern, std::size_t p, std::string_view path, std::size_t s) {
  while (p < pattern.size()) {
    const char c = pattern[p];
    if (c == '*') {
      const bool double_star = p + 1 < pattern.size() && pattern[p + 1] == '*';
      const bool at_segment_start = p == 0 || pattern[p - 1] == '/';
      const std::size_t after = p + (double_star ? 2 : 1);
      const bool at_segment_end = after == pattern.size() || pattern[after] == '/';
      if (double_star && at_segment_start && at_segment_end) {
        if (after == pattern.size()) return true;  // `/**` at the end: everything inside
        // `**/`: zero or more whole folders.
        for (std::size_t i = s;; ++i) {
          if ((i == s || path[i - 1] == '/') && match_from(pattern, after + 1, path, i)) {
            return true;
          }
          if (i == path.size()) return false;
        }
      }
      std::size_t next = p;
      while (next < pattern.size() && pattern[next] == '*') ++next;
      // Any run of characters within one path segment.
      for (std::size_t i = s;; ++i) {
        if (match_from(pattern, next, path, i)) return true;
        if (i == path.size() || path[i] == '/') return false;
      }
    }
    if (s == path.size()) return false;
    if (c == '?') {
      if (path[s] == '/') return false;
    } else if (c == '[') {
      std::size_t end = 0;
      const std::optional<bool> in_class = match_class(pattern, p + 1, path[s], end);
      if (in_class) {
        if (!*in_class) return false;
        p = end;
        ++s;
        continue;
      }
      if (path[s] != '[') return false;
    } else if (c == '\\' && p + 1 < pattern.size()) {
      if (path[s] != pattern[++p]) return false;
    } else if (path[s] != c) {
      return false;
    }
    ++p;
    ++s;
  }
  return s == path.size();
}

/// Trailing spaces end a pattern unless escaped with `\`.
std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && line.back() == ' ') {
    if (line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

bool gitignore_glob_matches(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

IgnoreFile IgnoreFile::parse(std::string_view text) {
  IgnoreFile file;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    line = trim_trailing_spaces(line);
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
      line.remove_prefix(1);
    }
    if (line.ends_with('/') && !line.ends_with("\\/")) {
      pattern.folder_only = true;
      line.remove_suffix(1);
    }
    pattern.anchored = line.find('/') != std::string_view::npos;
    if (line.starts_with('/')) line.remove_prefix(1);
    if (line.empty()) continue;
    pattern.glob = std::string(line);
    file.patterns_.push_back(std::move(pattern));
  }
  return file;
}

std::optional<bool> IgnoreFile::decide(std::string_view relative_path, bool is_folder) const {
  const std::size_t slash = relative_path.rfind('/');
  const std::string_view name =
      slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
  for (auto pattern = patterns_.rbegin(); pattern != patterns_.rend(); ++pattern) {
    if (pattern->folder_only && !is_folder) continue;
    const bool matches = pattern->anchored ? gitignore_glob_matches(pattern->glob, relative_path)
                                           : gitignore_glob_matches(pattern->glob, name);
    if (matches) return !pattern->negated;
  }
  return std::nullopt;
}

}  // namespace pyfaq::files
