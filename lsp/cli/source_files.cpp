// Finding the Python files under the paths given to `pyfaq check`.
#include "lsp/cli/source_files.h"

#include <algorithm>
#include <system_error>

namespace pyfaq::cli {

namespace fs = std::filesystem;

namespace {

std::string describe(const std::error_code& error) {
  return error.message();
}

}  // namespace

SourceFiles collect_source_files(const std::vector<std::string>& paths,
                                 const files::WalkOptions& options) {
  SourceFiles out;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      out.errors.push_back({given, error ? describe(error) : "No such file or directory"});
    } else if (fs::is_directory(status)) {
      files::WalkResult walked = files::find_python_files(path, options);
      for (fs::path& file : walked.files) out.files.push_back({std::move(file), false});
      for (files::WalkError& failed : walked.errors) {
        out.errors.push_back({std::move(failed.path), std::move(failed.message)});
      }
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
