// An FAQ answer as it is shown: the Python objects its roles name linked to their docs pages.
// Answers are rendered once at start-up with each such mention marked as a link to
// `pyfaq-api:NAME`; where those links point is decided when the answer is shown, since the
// docs inventory arrives later and the user may choose local or web links at any time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "knowledge/finding.h"

namespace pyfaq::knowledge {

inline constexpr std::string_view kApiLinkScheme = "pyfaq-api:";

/// The docs page of a Python object relative to the docs root ("library/os.html#os.remove").
using ApiPageFinder = std::function<std::optional<std::string>(std::string_view name)>;

/// `markdown` with each `pyfaq-api:` link pointed at its page, or reduced to its text when the
/// page is unknown (no finder, or the object is not in the inventory).
std::string link_api_mentions(std::string_view markdown, const ApiPageFinder* page_of,
                              const LinkOptions& links);

}  // namespace pyfaq::knowledge
