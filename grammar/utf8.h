// UTF-8 decoding helpers that never fail: an invalid byte counts as one character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pyfaq::grammar {

/// Length in bytes of the well-formed UTF-8 sequence that starts at `text[offset]`, or 0 when the
/// bytes there are not one (stray continuation byte, overlong form, surrogate, truncated sequence).
std::size_t utf8_sequence_length(std::string_view text, std::size_t offset);

/// Offset of the first byte that does not start a well-formed sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// A copy with every byte that does not start a well-formed sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

/// Units a character encoded in `sequence_length` UTF-8 bytes takes in UTF-16 (invalid bytes,
/// length 0, count as one replacement character).
inline std::size_t utf16_units_for_sequence(std::size_t sequence_length) {
  return sequence_length == 4 ? 2 : 1;
}

}  // namespace pyfaq::grammar
