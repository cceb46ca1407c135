// Which docs version each file's FAQ links point at in `pyfaq check`.
#include "lsp/cli/link_versions.h"

#include "lsp/config/python_version.h"
#include "lsp/files/python_files.h"

namespace pyfaq::cli {

LinkVersions::LinkVersions(std::string asked, std::string fallback, bool look_in_project,
                           std::filesystem::path working_folder)
    : asked_(std::move(asked)),
      fallback_(std::move(fallback)),
      look_in_project_(look_in_project),
      working_folder_(working_folder.lexically_normal()) {}

const std::string& LinkVersions::version_for(const std::filesystem::path& file) {
  if (!asked_.empty()) return asked_;
  if (!look_in_project_) return fallback_;
  std::error_code error;
  const std::filesystem::path folder =
      std::filesystem::absolute(file, error).lexically_normal().parent_path();
  if (error) return fallback_;
  auto [known, inserted] = by_folder_.try_emplace(folder, fallback_);
  if (!inserted) return known->second;
  // Nothing above the folder the user works in is read, as the server reads nothing above a
  // workspace folder.
  const std::filesystem::path& stop =
      files::is_inside(folder, working_folder_) ? working_folder_ : folder;
  if (auto version = config::find_project_python_version(folder, stop)) {
    known->second = std::move(version->version);
  }
  return known->second;
}

}  // namespace pyfaq::cli
