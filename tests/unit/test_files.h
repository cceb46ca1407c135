// Files the unit tests read: any file's bytes, and the rule fixtures.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pyfaq::testing {

/// The bytes of a file (empty when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// tests/fixtures/rules/*.py, sorted.
inline std::vector<std::filesystem::path> rule_fixture_sources() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(PYFAQ_FIXTURES_DIR) / "rules")) {
    if (entry.path().extension() == ".py") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace pyfaq::testing
