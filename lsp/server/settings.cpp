// The `pyfaq` settings an editor sends: which rules run, how loud they are, hovers, links.
#include "lsp/server/settings.h"

#include "knowledge/rule.h"
#include "knowledge/rule_selection.h"

namespace pyfaq::server {

void Settings::apply_to(knowledge::RuleSet& rules) const {
  for (const auto& [code, enabled] : this->rules) rules.set_enabled(code, enabled);
  for (const auto& [code, severity] : severities) rules.set_severity(code, severity);
}

Settings read_settings(const protocol::Json& section, std::vector<std::string>& problems) {
  Settings settings;
  if (section.is_null()) return settings;
  if (!section.is_object()) {
    problems.push_back("pyfaq settings must be an object");
    return settings;
  }
  for (const auto& [key, value] : section.items()) {
    if (key == "rules" || key == "severity") {
      if (!value.is_object()) {
        problems.push_back("pyfaq." + key + " must be an object of rule names");
        continue;
      }
      for (const auto& [rule_name, setting] : value.items()) {
        const knowledge::RuleDefinition* rule = knowledge::find_rule(rule_name);
        if (!rule) {
          problems.push_back("pyfaq." + key + ": unknown rule `" + rule_name + "`");
          continue;
        }
        const std::string code(rule->info.code);
        if (key == "rules") {
          if (setting.is_boolean()) {
            settings.rules[code] = setting.get<bool>();
          } else {
            problems.push_back("pyfaq.rules." + rule_name + " must be true or false");
          }
        } else if (const auto severity = setting.is_string()
                                             ? knowledge::parse_severity(setting.get<std::string>())
                                             : std::nullopt) {
          settings.severities[code] = *severity;
        } else {
          problems.push_back("pyfaq.severity." + rule_name +
                             " must be \"hint\", \"information\" or \"warning\"");
        }
      }
    } else if (key == "hover") {
      if (value.is_boolean()) {
        settings.hover = value.get<bool>();
      } else {
        problems.push_back("pyfaq.hover must be true or false");
      }
    } else if (key == "links") {
      if (value == "web" || value == "local") {
        settings.local_links = value == "local";
      } else {
        problems.push_back("pyfaq.links must be \"web\" or \"local\"");
      }
    } else if (key == "docsVersion" || key == "docsPath") {
      if (!value.is_string()) {
        problems.push_back("pyfaq." + key + " must be a string");
      } else if (key == "docsVersion") {
        const std::string version = value.get<std::string>();
        if (knowledge::is_valid_docs_version(version)) {
          settings.docs_version = version;
        } else {
          problems.push_back("pyfaq.docsVersion must look like \"3.13\" or \"dev\"");
        }
      } else {
        settings.docs_path = value.get<std::string>();
      }
    } else if (key == "diagnostics" || key == "diagnostics.scope") {
      const protocol::Json* scope = &value;
      if (key == "diagnostics") {
        if (!value.is_object()) {
          problems.push_back("pyfaq.diagnostics must be an object");
          continue;
        }
        const auto found = value.find("scope");
        for (const auto& [inner, ignored] : value.items()) {
          if (inner != "scope") problems.push_back("unknown setting pyfaq.diagnostics." + inner);
        }
        if (found == value.end()) continue;
        scope = &*found;
      }
      if (*scope == "openFiles" || *scope == "workspace") {
        settings.workspace_diagnostics = *scope == "workspace";
      } else {
        problems.push_back("pyfaq.diagnostics.scope must be \"openFiles\" or \"workspace\"");
      }
    } else if (key == "codeLens") {
      if (value.is_boolean()) {
        settings.code_lens = value.get<bool>();
      } else {
        problems.push_back("pyfaq.codeLens must be true or false");
      }
    } else {
      problems.push_back("unknown setting pyfaq." + key);
    }
  }
  return settings;
}

}  // namespace pyfaq::server
