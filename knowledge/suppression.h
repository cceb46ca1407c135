// `# pyfaq: ignore[rule-name]` comments that silence a tip on their line.
#pragma once

#include <string_view>

#include "grammar/document.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

/// Whether a comment on the line where `finding` starts silences it: `# pyfaq: ignore` (every
/// rule) or `# pyfaq: ignore[name-or-code, ...]`. Only real comments count, not strings.
bool is_suppressed(const grammar::Document& document, const Finding& finding);

/// The text to append to a line so that `rule` is ignored there.
std::string suppression_comment(const RuleInfo& rule);

}  // namespace pyfaq::knowledge
