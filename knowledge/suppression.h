// `# pyfaq: ignore[rule-name]` comments that silence a tip on their line.
#pragma once

#include <optional>
#include <string_view>

#include "grammar/document.h"
#include "knowledge/finding.h"
#include "knowledge/rule.h"

namespace pyfaq::knowledge {

/// Whether a comment on the line where `finding` starts silences it: `# pyfaq: ignore` (every
/// rule) or `# pyfaq: ignore[name-or-code, ...]`. Only real comments count, not strings.
bool is_suppressed(const grammar::Document& document, const Finding& finding);

/// A rule named in a `# pyfaq: ignore[...]` list, and where.
struct RuleMention {
  grammar::ByteRange range;
  const RuleDefinition* rule;
};

/// The rule whose code or name is under `offset` in a suppression comment (hovering it shows
/// the rule's doc), if any.
std::optional<RuleMention> suppressed_rule_at(const grammar::Document& document,
                                              std::size_t offset);

/// The text to append to a line so that `rule` is ignored there.
std::string suppression_comment(const RuleInfo& rule);

}  // namespace pyfaq::knowledge
