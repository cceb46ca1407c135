// The Python version a project targets, which chooses the docs version its links point at:
// `.python-version` (pyenv, uv) or `requires-python` in its pyproject.toml.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pyfaq::config {

struct ProjectPythonVersion {
  std::string version;           // "3.12": always "3.N", a valid docs.python.org version
  std::filesystem::path source;  // the file that said so
};

/// "3.12" from a `.python-version` file's text ("3.12.1", "3.12", "cpython-3.12.1"); nullopt
/// when the first version-looking line names no CPython 3 version.
std::optional<std::string> docs_version_from_python_version_file(std::string_view text);

/// The lowest Python a `requires-python` specifier allows, as "3.N" (">=3.10,<4" → "3.10",
/// "~=3.9" → "3.9", "==3.11.*" → "3.11"); nullopt when it sets no lower bound.
std::optional<std::string> docs_version_from_requires_python(std::string_view specifier);

/// The nearest `.python-version` or pyproject.toml with `requires-python`, from `folder` up to
/// and including `stop`; at one level `.python-version` wins, as it names the interpreter used.
std::optional<ProjectPythonVersion> find_project_python_version(const std::filesystem::path& folder,
                                                                const std::filesystem::path& stop);

}  // namespace pyfaq::config
