// An FAQ answer as it is shown: the Python objects its roles name linked to their docs pages.
#include "knowledge/faq_answer.h"

namespace pyfaq::knowledge {

std::string link_api_mentions(std::string_view markdown, const ApiPageFinder* page_of,
                              const LinkOptions& links) {
  const std::string marker = "](" + std::string(kApiLinkScheme);
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  std::size_t copied = 0;
  for (std::size_t at = markdown.find(marker); at != std::string_view::npos;
       at = markdown.find(marker, at + 1)) {
    const std::size_t name_start = at + marker.size();
    const std::size_t close = markdown.find(')', name_start);
    // The renderer writes "[`shown`](pyfaq-api:NAME)": the "[`" that opens it is the last one.
    const std::size_t open = markdown.rfind("[`", at);
    if (close == std::string_view::npos || open == std::string_view::npos || open < copied) {
      continue;
    }
    const std::string_view name = markdown.substr(name_start, close - name_start);
    const std::optional<std::string> page = page_of ? (*page_of)(name) : std::nullopt;
    out.append(markdown.substr(copied, open - copied));
    if (page) {
      out.append(markdown.substr(open, at + 2 - open));  // "[`shown`]("
      out += docs_page_link(*page, links);
      out += ')';
    } else {
      out.append(markdown.substr(open + 1, at - open - 1));  // "`shown`"
    }
    copied = close + 1;
    at = close;
  }
  out.append(markdown.substr(copied));
  return out;
}

}  // namespace pyfaq::knowledge
