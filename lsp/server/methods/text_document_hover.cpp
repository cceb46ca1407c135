// textDocument/hover: a tip about the code under the pointer, with its FAQ entries.
#include "knowledge/hover.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/positions.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

namespace {

std::string render(const knowledge::HoverInfo& info, const std::string& docs_version,
                   bool markdown) {
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
    const std::string url = knowledge::faq_url(entry.ref(), docs_version);
    const std::string label = i == 0 ? "Python FAQ: " : "See also: ";
    text += markdown ? "\n\n" + label + "[" + entry.title + "](" + url + ")"
                     : "\n\n" + label + entry.title + " <" + url + ">";
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
  const grammar::TextBuffer& text = snapshot->document->buffer();
  const std::size_t offset = to_offset(text, params.position, session.client.position_unit);
  const auto analysis =
      session.documents().analysis(*snapshot, *session.rules(), session.rules_generation());
  const auto info = knowledge::hover_at(*snapshot->document, *analysis->model,
                                        analysis->findings, offset, session.hovers(),
                                        session.faqs());
  if (!info) return nullptr;
  const bool markdown = session.client.hover_markdown;
  return {{"contents",
           {{"kind", markdown ? "markdown" : "plaintext"},
            {"value", render(*info, settings->docs_version, markdown)}}},
          {"range", protocol::to_json(to_range(text, info->range, session.client.position_unit))}};
}

}  // namespace pyfaq::server
