// `file://` URIs as editors send them, to paths on this machine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pyfaq::server {

/// The local path of a `file://` URI (percent-decoded; host empty or `localhost`); nullopt for
/// other schemes, remote hosts, and malformed escapes.
std::optional<std::filesystem::path> file_path_of(std::string_view uri);

/// The `file://` URI of an absolute path, percent-encoded as VS Code writes it (letters, digits,
/// `-._~/` kept; every other byte as `%XX`).
std::string file_uri_of(const std::filesystem::path& path);

}  // namespace pyfaq::server
