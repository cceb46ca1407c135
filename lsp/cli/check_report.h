// Printing `pyfaq check` results: concise lines, full code frames with fixes, or JSON.
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

#include "lsp/cli/check_command.h"
#include "lsp/cli/source_files.h"

namespace pyfaq::cli {

struct ReportSummary {
  std::size_t files_checked = 0;
  std::size_t findings = 0;
  std::size_t path_errors = 0;  // missing or unreadable paths and files
  std::size_t skipped = 0;      // files that are not UTF-8 or not Python
};

/// Writes findings to `out` (file order, then position) and problems with paths to `err`.
/// Each finding links its file's docs version; SARIF, which describes each rule once, links
/// `shared_docs_version`.
ReportSummary write_report(OutputFormat format, std::string_view shared_docs_version,
                           std::span<const PathError> path_errors,
                           std::span<const FileResult> results, std::ostream& out,
                           std::ostream& err);

}  // namespace pyfaq::cli
