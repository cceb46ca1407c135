// The Python version a project targets: `.python-version` or `requires-python`.
#include "lsp/config/python_version.h"

#include <toml++/toml.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace pyfaq::config {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 1 << 20;

struct Version {
  int major = 0;
  int minor = 0;
};

/// "3.12", "3.12.1", "3.12.*", "3" at the start of `text`; the rest is ignored.
std::optional<Version> leading_version(std::string_view text) {
  Version version;
  const char* end = text.data() + text.size();
  auto [after_major, error] = std::from_chars(text.data(), end, version.major);
  if (error != std::errc() || after_major == text.data()) return std::nullopt;
  if (after_major < end && *after_major == '.') {
    auto [after_minor, minor_error] = std::from_chars(after_major + 1, end, version.minor);
    if (minor_error != std::errc()) return std::nullopt;
  }
  return version;
}

std::optional<std::string> as_docs_version(const Version& version) {
  if (version.major != 3 || version.minor < 0 || version.minor > 99) return std::nullopt;
  return "3." + std::to_string(version.minor);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::optional<std::string> read_small_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > kMaxFileBytes || error) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<std::string> requires_python_of(const fs::path& pyproject) {
  const auto text = read_small_file(pyproject);
  if (!text || text->find("requires-python") == std::string::npos) return std::nullopt;
  try {
    const toml::table document = toml::parse(*text, pyproject.string());
    if (const auto spec = document["project"]["requires-python"].value<std::string>()) {
      return docs_version_from_requires_python(*spec);
    }
  } catch (const toml::parse_error&) {  // the rules' reader reports a broken file
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> docs_version_from_python_version_file(std::string_view text) {
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("cpython-")) line.remove_prefix(8);
    if (line.starts_with("python")) line.remove_prefix(6);
    if (const auto version = leading_version(line)) return as_docs_version(*version);
    return std::nullopt;  // pypy, system, a virtualenv's name: no docs version to pick
  }
  return std::nullopt;
}

std::optional<std::string> docs_version_from_requires_python(std::string_view specifier) {
  std::optional<Version> lowest;
  while (!specifier.empty()) {
    const std::size_t comma = specifier.find(',');
    std::string_view clause = trim(specifier.substr(0, comma));
    specifier.remove_prefix(comma == std::string_view::npos ? specifier.size() : comma + 1);
    bool lower_bound = false;
    for (const std::string_view op : {"===", "~=", "==", ">=", ">"}) {
      if (clause.starts_with(op)) {
        clause.remove_prefix(op.size());
        lower_bound = true;
        break;
      }
    }
    if (!lower_bound) continue;  // <, <=, != set no lower bound
    const auto version = leading_version(trim(clause));
    if (!version) continue;
    if (!lowest || version->major > lowest->major ||
        (version->major == lowest->major && version->minor > lowest->minor)) {
      lowest = version;  // several lower bounds: the strictest holds
    }
  }
  if (!lowest) return std::nullopt;
  return as_docs_version(*lowest);
}

std::optional<ProjectPythonVersion> find_project_python_version(const fs::path& folder,
                                                                const fs::path& stop) {
  const fs::path limit = stop.lexically_normal();
  for (fs::path current = folder.lexically_normal();;) {
    if (const auto text = read_small_file(current / ".python-version")) {
      if (auto version = docs_version_from_python_version_file(*text)) {
        return ProjectPythonVersion{std::move(*version), current / ".python-version"};
      }
    }
    if (auto version = requires_python_of(current / "pyproject.toml")) {
      return ProjectPythonVersion{std::move(*version), current / "pyproject.toml"};
    }
    const std::string relative = current.lexically_relative(limit).generic_string();
    if (current == limit || relative.empty() || relative.starts_with("..") ||
        current == current.parent_path()) {
      return std::nullopt;
    }
    current = current.parent_path();
  }
}

}  // namespace pyfaq::config
