// What the token under the pointer means in hover-target notation (`data/hover-targets.tsv`):
// `threading.Thread`, `mod:threading`, `threading.*`, `builtin:id`, `kw:global`, `op:is`,
// `syntax:star-params`, `def:__del__`, `deco:staticmethod`, `name:__name__`,
// `inst:os.popen.read`, `strlit-method:join`, `assign:sys.stdout`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"

namespace pyfaq::knowledge {

struct HoverToken {
  std::vector<std::string> targets;  // notations, most specific first; empty: never hover
  grammar::ByteRange range;          // the token (or the two-word operator) under the pointer
};

/// The notations the token at `offset` may match. Empty for shadowed names, names imported
/// from relative or wildcard imports, keyword-argument names, strings and comments (except the
/// shebang line).
HoverToken hover_token_at(const grammar::Document& document, const grammar::SemanticModel& model,
                          std::size_t offset);

}  // namespace pyfaq::knowledge
