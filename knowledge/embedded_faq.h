// The FAQ sources found on the build machine, compiled in so that a shipped binary can answer
// with the FAQ's text anywhere. Empty when the build machine had no Python docs.
#pragma once

#include <span>
#include <string_view>

namespace pyfaq::knowledge {

struct EmbeddedFaqDocument {
  std::string_view doc;  // "library"
  std::string_view rst;  // the .rst.txt source
};

std::span<const EmbeddedFaqDocument> embedded_faq_documents();
/// The Python version of the embedded docs ("3.11"), or empty.
std::string_view embedded_faq_version();

}  // namespace pyfaq::knowledge
