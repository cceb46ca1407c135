// Each rule's documentation, in our own words, with its FAQ link appended.
#pragma once

#include <string>
#include <string_view>

#include "knowledge/rule.h"

namespace pyfaq::knowledge {

/// The Markdown doc of a rule: a title line, the sections of `rules/NAME.md` (What it does,
/// Why is this a problem, Example, Use instead) and the FAQ link.
std::string rule_doc_markdown(const RuleDefinition& rule, const LinkOptions& links);

}  // namespace pyfaq::knowledge
