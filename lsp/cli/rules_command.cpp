// `pyfaq rules` and `pyfaq explain RULE`.
#include "lsp/cli/rules_command.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "knowledge/rule.h"
#include "knowledge/rule_docs.h"
#include "lsp/docs/faq_docs.h"

namespace pyfaq::cli {

namespace {

knowledge::LinkOptions links_for(const RulesOptions& options) {
  knowledge::LinkOptions links;
  if (!options.docs_version.empty()) {
    links.version = options.docs_version;
  } else if (const auto installed = docs::installed_faq_folder()) {
    links.version = installed->second;
  }
  return links;
}

std::string_view status_name(knowledge::RuleStatus status) {
  return status == knowledge::RuleStatus::Stable ? "stable" : "preview";
}

}  // namespace

int run_rules(const RulesOptions& options, std::ostream& out) {
  const knowledge::LinkOptions links = links_for(options);
  if (options.json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const knowledge::RuleDefinition& rule : knowledge::all_rules()) {
      rules.push_back({{"code", rule.info.code},
                       {"name", rule.info.name},
                       {"status", status_name(rule.info.status)},
                       {"severity", knowledge::to_string(rule.info.severity)},
                       {"summary", rule.info.summary},
                       {"faq", knowledge::faq_link(rule.info.faq, links)}});
    }
    out << rules.dump(2) << "\n";
    return 0;
  }
  std::size_t name_width = 0;
  for (const knowledge::RuleDefinition& rule : knowledge::all_rules()) {
    name_width = std::max(name_width, rule.info.name.size());
  }
  for (const knowledge::RuleDefinition& rule : knowledge::all_rules()) {
    const std::string_view severity = knowledge::to_string(rule.info.severity);
    out << rule.info.code << "  " << rule.info.name
        << std::string(name_width - rule.info.name.size() + 2, ' ') << status_name(rule.info.status)
        << (rule.info.status == knowledge::RuleStatus::Stable ? "   " : "  ") << severity
        << std::string(13 - severity.size(), ' ') << rule.info.summary << "\n";
  }
  out << "\nPreview rules are off unless selected by code or name, or `preview = true` in "
         "[tool.pyfaq]. `pyfaq explain RULE` says more.\n";
  return 0;
}

int run_explain(const RulesOptions& options, const std::string& name, std::ostream& out,
                std::ostream& err) {
  const knowledge::RuleDefinition* rule = knowledge::find_rule(name);
  if (!rule) {
    err << "pyfaq: error: no rule `" << name << "` (see `pyfaq rules`)\n";
    return 2;
  }
  out << knowledge::rule_doc_markdown(*rule, links_for(options));
  return 0;
}

}  // namespace pyfaq::cli
