// Small string helpers shared by the readers of embedded tables and comments.
#pragma once

#include <string_view>
#include <vector>

namespace pyfaq::knowledge {

/// The parts of `text` between `separator`s (a trailing separator gives an empty last part).
inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

/// `text` without leading and trailing spaces and tabs.
inline std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace pyfaq::knowledge
