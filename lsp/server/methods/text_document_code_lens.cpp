// textDocument/codeLens: above each import of a module the FAQ discusses, "FAQ: N answers about
// MODULE", opening a picker of those entries. Off unless the `codeLens` setting is on.
#include "knowledge/faq_lenses.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/positions.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

Json text_document_code_lens(Session& session, const std::string& uri) {
  Json lenses = Json::array();
  const auto snapshot = session.documents().get(uri);
  if (!snapshot || !snapshot->is_python() || !session.settings()->code_lens) return lenses;
  const grammar::TextBuffer& text = snapshot->document->buffer();
  const knowledge::LinkOptions links = session.links_for(uri);
  for (const knowledge::ModuleLens& lens :
       knowledge::module_lenses(*snapshot->document, session.hovers())) {
    Json entries = Json::array();
    for (const knowledge::FaqEntry* entry : lens.faqs) {
      entries.push_back({{"reference", entry->doc + "#" + entry->anchor},
                         {"title", entry->title},
                         {"url", knowledge::faq_link(entry->ref(), links)}});
    }
    const std::size_t count = lens.faqs.size();
    const std::string title = "FAQ: " + std::to_string(count) +
                              (count == 1 ? " answer" : " answers") + " about " + lens.module;
    // The lens sits on the statement's first line only.
    const std::size_t line_end =
        std::min(lens.end, text.line_content_end(text.line_of(lens.start)));
    lenses.push_back({{"range", protocol::to_json(to_range(text, {lens.start, line_end},
                                                           session.client.position_unit))},
                      {"command",
                       {{"title", title},
                        {"command", "pyfaq.pickFaq"},
                        {"arguments", Json::array({lens.module, std::move(entries)})}}}});
  }
  return lenses;
}

}  // namespace pyfaq::server
