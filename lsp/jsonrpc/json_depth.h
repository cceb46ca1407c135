// How deeply a JSON text nests, measured without parsing it: a message nested 100,000 deep would
// exhaust the stack of anything that walks it recursively (dumping it into a trace, say).
#pragma once

#include <cstddef>
#include <string_view>

namespace pyfaq::jsonrpc {

/// No LSP message nests anywhere near this deep.
inline constexpr std::size_t kMaxJsonDepth = 512;

/// The deepest nesting of arrays and objects in `text` (brackets inside strings do not count).
/// Stops counting at `limit` + 1.
std::size_t json_nesting_depth(std::string_view text, std::size_t limit = kMaxJsonDepth);

}  // namespace pyfaq::jsonrpc
