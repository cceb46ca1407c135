// textDocument/codeAction: for each pyfaq tip, its quick fix, "Open FAQ", "Ignore on this line"
// and "Explain", rebuilt from the diagnostic's `data` and the current text.
#include "knowledge/rule.h"
#include "knowledge/suppression.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/positions.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

namespace {

bool wanted(const std::optional<std::vector<std::string>>& only) {
  if (!only) return true;
  for (const std::string& kind : *only) {
    if (kind == "quickfix" || kind.empty()) return true;
  }
  return false;
}

Json workspace_edit(const Session& session, const Snapshot& snapshot, Json edits) {
  if (session.client.document_changes) {
    return {{"documentChanges",
             {{{"textDocument", {{"uri", snapshot.uri}, {"version", snapshot.version}}},
               {"edits", std::move(edits)}}}}};
  }
  return {{"changes", {{snapshot.uri, std::move(edits)}}}};
}

Json command(const std::string& title, const std::string& name, Json arguments) {
  return {{"title", title}, {"command", name}, {"arguments", std::move(arguments)}};
}

/// The edit that adds `rule` to a `# pyfaq: ignore[...]` list on the line, or appends one.
Json ignore_edit(const Session& session, const Snapshot& snapshot, std::size_t line,
                 const knowledge::RuleInfo& rule) {
  const grammar::TextBuffer& text = snapshot.document->buffer();
  const std::size_t start = text.line_start(line);
  const std::size_t end = text.line_content_end(line);
  const std::string_view content = std::string_view(text.text()).substr(start, end - start);
  std::size_t at = end;
  std::string insert = "  " + knowledge::suppression_comment(rule);
  if (const auto marker = content.find("# pyfaq: ignore["); marker != std::string_view::npos) {
    if (const auto close = content.find(']', marker); close != std::string_view::npos) {
      at = start + close;
      insert = ", " + std::string(rule.name);
    }
  }
  const protocol::Position position = to_position(text, at, session.client.position_unit);
  return Json::array(
      {{{"range", protocol::to_json(protocol::Range{position, position})}, {"newText", insert}}});
}

}  // namespace

Json text_document_code_action(Session& session, const protocol::CodeActionParams& params) {
  Json actions = Json::array();
  const auto snapshot = session.documents().get(params.uri);
  if (!snapshot || !wanted(params.only)) return actions;
  const knowledge::LinkOptions links = session.links_for(params.uri);
  for (const Json& diagnostic : params.diagnostics) {
    if (!diagnostic.is_object() || diagnostic.value("source", Json()) != "pyfaq") continue;
    const Json data = diagnostic.value("data", Json::object());
    const Json code = data.is_object() && data.contains("rule") ? data.at("rule")
                                                                : diagnostic.value("code", Json());
    if (!code.is_string()) continue;
    const knowledge::RuleDefinition* rule = knowledge::find_rule(code.get<std::string>());
    if (!rule) continue;
    const std::string name(rule->info.name);
    const protocol::Range range = protocol::read_range(protocol::require(diagnostic, "range"));

    // The fix, only while the document is still at the version the diagnostic was made for.
    const bool current = data.is_object() && data.value("version", Json()) == snapshot->version;
    if (current && data.contains("fix") && data.at("fix").is_object() &&
        session.client.code_action_literals) {
      const Json& fix = data.at("fix");
      actions.push_back(
          {{"title", fix.value("title", "Fix " + name)},
           {"kind", "quickfix"},
           {"diagnostics", {diagnostic}},
           {"isPreferred", fix.value("safe", false)},
           {"edit", workspace_edit(session, *snapshot, fix.value("edits", Json::array()))}});
    }
    const std::string url = knowledge::faq_link(rule->info.faq, links);
    const Json open =
        command("Open FAQ: " + std::string(rule->info.faq.title), "pyfaq.openFaq", {url});
    const Json explain =
        command("Explain " + name, "pyfaq.explainRule", {std::string(rule->info.code)});
    if (!session.client.code_action_literals) {
      actions.push_back(open);
      actions.push_back(explain);
      continue;
    }
    actions.push_back({{"title", open["title"]},
                       {"kind", "quickfix"},
                       {"diagnostics", {diagnostic}},
                       {"command", open}});
    actions.push_back(
        {{"title", "Ignore " + name + " on this line"},
         {"kind", "quickfix"},
         {"diagnostics", {diagnostic}},
         {"edit", workspace_edit(session, *snapshot,
                                 ignore_edit(session, *snapshot, range.start.line, rule->info))}});
    actions.push_back({{"title", explain["title"]},
                       {"kind", "quickfix"},
                       {"diagnostics", {diagnostic}},
                       {"command", explain}});
  }
  return actions;
}

}  // namespace pyfaq::server
