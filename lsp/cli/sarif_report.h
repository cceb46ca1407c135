// `pyfaq check --format sarif`: SARIF 2.1.0, as GitHub code scanning and other viewers read it.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string_view>

#include "lsp/cli/check_command.h"
#include "lsp/cli/source_files.h"

namespace pyfaq::cli {

/// One run: every rule's metadata (id, name, descriptions, help and help URI, default level),
/// each finding with its location and fix, and the files that could not be checked as
/// tool execution notifications.
nlohmann::ordered_json sarif_log(std::string_view docs_version,
                                 std::span<const PathError> path_errors,
                                 std::span<const FileResult> results);

/// A path as a SARIF artifact URI: relative paths stay relative (to %SRCROOT%), absolute ones
/// become file:// URIs; characters outside the URI's unreserved set are percent-encoded.
std::string artifact_uri(const std::filesystem::path& path);

}  // namespace pyfaq::cli
