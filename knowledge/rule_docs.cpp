// Each rule's documentation, in our own words, with its FAQ link appended.
#include "knowledge/rule_docs.h"

#include "knowledge/embedded_files.h"

namespace pyfaq::knowledge {

std::string rule_doc_markdown(const RuleDefinition& rule, const LinkOptions& links) {
  std::string doc = "# " + std::string(rule.info.name) + " (" + std::string(rule.info.code) +
                    ")\n\n" + std::string(rule.info.summary) + "\n\n";
  const std::string_view body = embedded_file(doc_file(rule));
  doc += body.empty() ? std::string_view("(No further documentation.)\n") : body;
  doc += "\n## FAQ\n[" + std::string(rule.info.faq.title) + "](" + faq_link(rule.info.faq, links) +
         ")\n";
  return doc;
}

}  // namespace pyfaq::knowledge
