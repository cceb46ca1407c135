// `file://` URIs as editors send them, to paths on this machine.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace pyfaq::server {

/// The local path of a `file://` URI (percent-decoded; host empty or `localhost`); nullopt for
/// other schemes, remote hosts, and malformed escapes.
std::optional<std::filesystem::path> file_path_of(std::string_view uri);

}  // namespace pyfaq::server
