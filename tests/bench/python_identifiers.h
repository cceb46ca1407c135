// Where the identifiers of a Python source are, for hovering every server at the same places:
// a small scanner that skips comments, string literals and keywords.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pyfaq::bench {

struct Position {
  std::size_t line = 0;
  std::size_t character = 0;  ///< UTF-16 code units, as LSP counts by default
};

/// The middle of every identifier that is not a keyword, in source order.
std::vector<Position> identifier_positions(const std::string& text);

/// `count` of `all`, evenly spread over the file (the same picks for the same text).
std::vector<Position> spread(const std::vector<Position>& all, std::size_t count);

}  // namespace pyfaq::bench
