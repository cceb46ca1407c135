// workspace/executeCommand: pyfaq.openFaq, pyfaq.faqEntry, pyfaq.searchFaq, pyfaq.explainRule,
// pyfaq.pickFaq.
#include <map>

#include "knowledge/rule_docs.h"
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

namespace {

[[noreturn]] void bad_arguments(const std::string& message) {
  throw protocol::RpcError(protocol::ErrorCode::InvalidParams, message);
}

std::string string_argument(const Json& arguments, const char* command) {
  if (!arguments.is_array() || arguments.empty() || !arguments[0].is_string()) {
    bad_arguments(std::string(command) + " takes one string argument");
  }
  return arguments[0].get<std::string>();
}

/// An FAQ URL from a URL or `doc#anchor`; only docs.python.org FAQ links are opened.
std::string faq_link(Session& session, const std::string& target) {
  const knowledge::LinkOptions links = session.settings()->links;
  const bool local =
      !links.local_html.empty() && target.starts_with("file://" + links.local_html + "/faq/");
  if (target.starts_with("https://docs.python.org/") || local) {
    if (target.find("/faq/") == std::string::npos || target.find("..") != std::string::npos) {
      bad_arguments("not a Python FAQ link: " + target);
    }
    return target;
  }
  const knowledge::FaqEntry* entry = session.faqs().find(target);
  if (!entry) bad_arguments("no FAQ entry " + target);
  return knowledge::faq_link(entry->ref(), links);
}

Json open_faq(Session& session, const Json& arguments) {
  const std::string url = faq_link(session, string_argument(arguments, "pyfaq.openFaq"));
  if (session.client.show_document) {
    session.request("window/showDocument", {{"uri", url}, {"external", true}},
                    [&session, url](const Json* result, const Json* error) {
                      if (error || !result || !result->value("success", false)) {
                        session.logger().warning("the client could not open " + url);
                      }
                    });
  }
  return {{"url", url}};
}

/// `doc#anchor` from an FAQ page URL (`…/faq/library.html#anchor`), or the target unchanged.
std::string entry_reference(const std::string& target) {
  const std::size_t faq = target.rfind("/faq/");
  const std::size_t html = target.find(".html#", faq == std::string::npos ? 0 : faq);
  if (faq == std::string::npos || html == std::string::npos) return target;
  return target.substr(faq + 5, html - faq - 5) + "#" + target.substr(html + 6);
}

/// One entry for an editor to show in its own view: no side effect, unlike pyfaq.openFaq.
Json faq_entry(Session& session, const Json& arguments) {
  const std::string target = entry_reference(string_argument(arguments, "pyfaq.faqEntry"));
  const knowledge::FaqEntry* entry = session.faqs().find(target);
  if (!entry) bad_arguments("no FAQ entry " + target);
  const knowledge::LinkOptions links = session.settings()->links;
  return {{"doc", entry->doc},
          {"section", entry->section},
          {"anchor", entry->anchor},
          {"title", entry->title},
          {"url", knowledge::faq_link(entry->ref(), links)},
          {"markdown", session.answer_markdown(*entry, links)}};
}

Json search_faq(Session& session, const Json& arguments) {
  const std::string query = string_argument(arguments, "pyfaq.searchFaq");
  std::size_t limit = 20;
  if (arguments.size() > 1 && arguments[1].is_number_unsigned()) {
    limit = std::min<std::size_t>(arguments[1].get<std::size_t>(), 200);
  }
  Json results = Json::array();
  const knowledge::LinkOptions links = session.settings()->links;
  for (const auto& match : session.faqs().search(query, limit)) {
    const knowledge::FaqEntry& entry = *match.entry;
    results.push_back({{"title", entry.title},
                       {"doc", entry.doc},
                       {"section", entry.section},
                       {"anchor", entry.anchor},
                       {"url", knowledge::faq_link(entry.ref(), links)},
                       {"score", match.score}});
  }
  return results;
}

/// A code lens's picker for editors without their own: the entries as the buttons of a
/// window/showMessageRequest; the one chosen is opened like pyfaq.openFaq.
Json pick_faq(Session& session, const Json& arguments) {
  if (!arguments.is_array() || arguments.size() < 2 || !arguments[0].is_string() ||
      !arguments[1].is_array()) {
    bad_arguments("pyfaq.pickFaq takes a module name and a list of entries");
  }
  Json actions = Json::array();
  std::map<std::string, std::string> reference_of_title;
  for (const Json& entry : arguments[1]) {
    const Json reference = entry.is_object() ? entry.value("reference", Json()) : entry;
    if (!reference.is_string()) bad_arguments("pyfaq.pickFaq: an entry without a reference");
    const knowledge::FaqEntry* found = session.faqs().find(reference.get<std::string>());
    if (!found) bad_arguments("no FAQ entry " + reference.get<std::string>());
    if (reference_of_title.emplace(found->title, found->doc + "#" + found->anchor).second) {
      actions.push_back({{"title", found->title}});
    }
  }
  const std::string module = arguments[0].get<std::string>();
  session.request("window/showMessageRequest",
                  {{"type", static_cast<int>(MessageType::Info)},
                   {"message", "Python FAQ answers about " + module},
                   {"actions", std::move(actions)}},
                  [&session, reference_of_title](const Json* result, const Json*) {
                    if (!result || !result->is_object() || !result->contains("title")) return;
                    const auto chosen = reference_of_title.find(result->value("title", ""));
                    if (chosen == reference_of_title.end()) return;
                    try {
                      open_faq(session, Json::array({chosen->second}));
                    } catch (const std::exception& error) {
                      session.logger().warning(std::string("pyfaq.pickFaq: ") + error.what());
                    }
                  });
  return nullptr;
}

Json explain_rule(Session& session, const Json& arguments) {
  const std::string code = string_argument(arguments, "pyfaq.explainRule");
  const knowledge::RuleDefinition* rule = knowledge::find_rule(code);
  if (!rule) bad_arguments("no rule " + code);
  const knowledge::LinkOptions links = session.settings()->links;
  session.show_message(MessageType::Info, std::string(rule->info.code) + " " +
                                              std::string(rule->info.name) + ": " +
                                              std::string(rule->info.summary) + " See " +
                                              knowledge::faq_link(rule->info.faq, links));
  return {{"code", rule->info.code},
          {"name", rule->info.name},
          {"markdown", knowledge::rule_doc_markdown(*rule, links)}};
}

}  // namespace

Json workspace_execute_command(Session& session, const Json& params) {
  const std::string command = protocol::read_string(params, "command");
  const Json arguments = params.value("arguments", Json::array());
  if (command == "pyfaq.openFaq") return open_faq(session, arguments);
  if (command == "pyfaq.faqEntry") return faq_entry(session, arguments);
  if (command == "pyfaq.searchFaq") return search_faq(session, arguments);
  if (command == "pyfaq.explainRule") return explain_rule(session, arguments);
  if (command == "pyfaq.pickFaq") return pick_faq(session, arguments);
  bad_arguments("unknown command " + command);
}

}  // namespace pyfaq::server
