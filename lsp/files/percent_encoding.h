// Paths in URIs: `file://` URIs for the server, SARIF's artifact locations for `pyfaq check`.
#pragma once

#include <string>
#include <string_view>

namespace pyfaq::files {

/// A path as it stands in a URI: letters, digits and `-._~/` kept, every other byte as `%XX`
/// (how VS Code writes file URIs).
std::string percent_encode_path(std::string_view path);

}  // namespace pyfaq::files
