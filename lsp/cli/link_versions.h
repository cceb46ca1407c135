// Which docs version each file's FAQ links point at in `pyfaq check`: the same choice the
// language server makes, so a link in CI opens the page the editor opened.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace pyfaq::cli {

class LinkVersions {
 public:
  /// `asked`: --docs-version (wins for every file when set). `fallback`: the installed docs'
  /// version. `look_in_project`: false for --isolated, which reads no project file.
  LinkVersions(std::string asked, std::string fallback, bool look_in_project,
               std::filesystem::path working_folder);

  /// The file's project Python version (nearest `.python-version`, or `requires-python` in a
  /// pyproject.toml, looked for up to the working folder when the file is inside it, else in
  /// the file's own folder only), else the fallback.
  const std::string& version_for(const std::filesystem::path& file);

  /// The version given when no project says, and none was asked for.
  const std::string& fallback() const { return asked_.empty() ? fallback_ : asked_; }

 private:
  std::string asked_;
  std::string fallback_;
  bool look_in_project_;
  std::filesystem::path working_folder_;
  std::map<std::filesystem::path, std::string> by_folder_;
};

}  // namespace pyfaq::cli
