// textDocument/hover: a tip about the code under the pointer, with its FAQ entries.
#include "knowledge/hover.h"
#include "knowledge/rule_docs.h"
#include "knowledge/suppression.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/positions.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

namespace {

/// Long answers end with a link rather than fill the screen.
std::string clipped(const std::string& answer, const std::string& url) {
  constexpr std::size_t kMaxAnswer = 3000;
  if (answer.size() <= kMaxAnswer) return answer;
  std::size_t cut = answer.rfind("\n\n", kMaxAnswer);
  if (cut == std::string::npos || cut < kMaxAnswer / 2) cut = kMaxAnswer;
  std::string text = answer.substr(0, cut);
  // Never leave a code fence open.
  std::size_t fences = 0;
  for (std::size_t at = text.find("```"); at != std::string::npos; at = text.find("```", at + 3))
    ++fences;
  if (fences % 2 == 1) text += "\n```";
  return text + "\n\n[… the rest of the answer](" + url + ")";
}

std::string render(const Session& session, const knowledge::HoverInfo& info,
                   const knowledge::LinkOptions& links, bool markdown) {
  std::string text;
  if (info.finding) {
    const knowledge::RuleInfo& rule = *info.finding->rule;
    text = markdown ? "**" + std::string(rule.code) + "** `" + std::string(rule.name) + "` — " +
                          info.tip + "\n\n" + std::string(rule.summary)
                    : std::string(rule.code) + " " + std::string(rule.name) + ": " + info.tip +
                          "\n\n" + std::string(rule.summary);
  } else {
    text = info.tip;
  }
  for (std::size_t i = 0; i < info.faqs.size(); ++i) {
    const knowledge::FaqEntry& entry = *info.faqs[i];
    const std::string url = knowledge::faq_link(entry.ref(), links);
    const std::string label = i == 0 ? "Python FAQ: " : "See also: ";
    text += markdown ? "\n\n" + label + "[" + entry.title + "](" + url + ")"
                     : "\n\n" + label + entry.title + " <" + url + ">";
  }
  // The primary entry's answer itself, as the docs on this machine have it, after the links.
  if (!info.faqs.empty() && !info.faqs.front()->markdown.empty()) {
    const knowledge::FaqEntry& primary = *info.faqs.front();
    text += "\n\n" + (markdown ? "---\n\n" + clipped(session.answer_markdown(primary, links),
                                                     knowledge::faq_link(primary.ref(), links))
                               : primary.summary);
  }
  return text;
}

}  // namespace

Json text_document_hover(Session& session, const protocol::TextDocumentPositionParams& params) {
  const auto snapshot = session.documents().get(params.uri);
  if (!snapshot) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                             "document is not open: " + params.uri);
  }
  const auto settings = session.settings();
  if (!settings->hover || !snapshot->is_python()) return nullptr;
  const knowledge::LinkOptions links = session.links_for(params.uri);
  const grammar::TextBuffer& text = snapshot->document->buffer();
  const std::size_t offset = to_offset(text, params.position, session.client.position_unit);
  const bool markdown = session.client.hover_markdown;
  // A rule named in a suppression comment: its doc, as `pyfaq explain` shows it.
  if (const auto mention = knowledge::suppressed_rule_at(*snapshot->document, offset)) {
    const std::string doc = knowledge::rule_doc_markdown(*mention->rule, links);
    return {
        {"contents",
         {{"kind", markdown ? "markdown" : "plaintext"},
          {"value", markdown ? doc
                             : std::string(mention->rule->info.code) + " " +
                                   std::string(mention->rule->info.name) + ": " +
                                   std::string(mention->rule->info.summary) + " See " +
                                   knowledge::faq_link(mention->rule->info.faq, links)}}},
        {"range", protocol::to_json(to_range(text, mention->range, session.client.position_unit))}};
  }
  const auto analysis = session.documents().analysis(*snapshot, session.rules_for(params.uri));
  const auto info =
      knowledge::hover_at(*snapshot->document, *analysis->model(), analysis->findings(), offset,
                          session.hovers(), session.faqs());
  if (!info) return nullptr;
  return {{"contents",
           {{"kind", markdown ? "markdown" : "plaintext"},
            {"value", render(session, *info, links, markdown)}}},
          {"range", protocol::to_json(to_range(text, info->range, session.client.position_unit))}};
}

}  // namespace pyfaq::server
