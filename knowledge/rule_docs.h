// Each rule's documentation, in our own words, with its FAQ link appended.
#pragma once

#include <string>
#include <string_view>

#include "knowledge/rule.h"

namespace pyfaq::knowledge {

/// The Markdown doc of a rule: a title line, the sections of `rules/NAME.md` (What it does,
/// Why is this a problem, Example, Use instead) and the FAQ link for `docs_version`.
std::string rule_doc_markdown(const RuleDefinition& rule, std::string_view docs_version);

}  // namespace pyfaq::knowledge
