// What analysis produces: findings that point at code and at the FAQ entry that explains it.
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Hint:
      return "hint";
    case Severity::Information:
      return "information";
    case Severity::Warning:
      return "warning";
  }
  return "hint";
}

std::string faq_link(const FaqRef& faq, const LinkOptions& links) {
  if (links.local_html.empty()) return faq_url(faq, links.version);
  return "file://" + links.local_html + "/faq/" + std::string(faq.doc) + ".html#" +
         std::string(faq.anchor);
}

std::string docs_page_link(std::string_view page, const LinkOptions& links) {
  std::string url;
  if (links.local_html.empty()) {
    url = "https://docs.python.org/";
    url += links.version;
  } else {
    url = "file://";
    url += links.local_html;
  }
  url += '/';
  url += page;
  return url;
}

bool is_valid_docs_version(std::string_view version) {
  if (version == "dev") return true;
  return !version.empty() && version.size() <= 8 && version.front() != '.' &&
         version.find_first_not_of("0123456789.") == std::string_view::npos;
}

std::string faq_url(const FaqRef& faq, std::string_view docs_version) {
  std::string url = "https://docs.python.org/";
  url += docs_version;
  url += "/faq/";
  url += faq.doc;
  url += ".html#";
  url += faq.anchor;
  return url;
}

}  // namespace pyfaq::knowledge
