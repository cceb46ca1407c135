// The analysis entry point: a parsed document and a rule set in, findings out.
#include "knowledge/analysis.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <variant>

#include "grammar/semantic_model.h"
#include "knowledge/embedded_files.h"
#include "knowledge/suppression.h"

namespace pyfaq::knowledge {

RuleSet RuleSet::all() {
  RuleSet set;
  std::string combined;
  uint32_t patterns = 0;
  for (const RuleDefinition& definition : all_rules()) {
    Entry entry{&definition, nullptr, true, definition.info.severity};
    if (definition.has_query) {
      const std::string_view source = embedded_file(query_file(definition));
      if (source.empty()) {
        throw std::runtime_error("rule " + std::string(definition.info.code) + ": no query file " +
                                 query_file(definition));
      }
      auto compiled = grammar::CompiledQuery::compile(source);
      if (auto* error = std::get_if<std::string>(&compiled)) {
        throw std::runtime_error("rule " + std::string(definition.info.code) + ": query " +
                                 query_file(definition) + ": " + *error);
      }
      entry.query = std::make_shared<const grammar::CompiledQuery>(
          std::move(std::get<grammar::CompiledQuery>(compiled)));
      entry.first_pattern = patterns;
      patterns += entry.query->pattern_count();
      entry.end_pattern = patterns;
      combined += source;
      combined += '\n';
    }
    set.entries_.push_back(std::move(entry));
  }
  auto compiled = grammar::CompiledQuery::compile(combined);
  if (auto* error = std::get_if<std::string>(&compiled)) {
    throw std::runtime_error("the rules' queries together: " + *error);
  }
  set.combined_ = std::make_shared<const grammar::CompiledQuery>(
      std::move(std::get<grammar::CompiledQuery>(compiled)));
  if (set.combined_->pattern_count() != patterns) {
    throw std::runtime_error("the rules' queries together do not keep their patterns apart");
  }
  return set;
}

bool RuleSet::set_enabled(std::string_view code_or_name, bool enabled) {
  for (Entry& entry : entries_) {
    if (entry.definition->info.code == code_or_name ||
        entry.definition->info.name == code_or_name) {
      entry.enabled = enabled;
      return true;
    }
  }
  return false;
}

bool RuleSet::is_enabled(std::string_view code_or_name) const {
  for (const Entry& entry : entries_) {
    if (entry.definition->info.code == code_or_name ||
        entry.definition->info.name == code_or_name) {
      return entry.enabled;
    }
  }
  return false;
}

bool RuleSet::set_severity(std::string_view code_or_name, Severity severity) {
  for (Entry& entry : entries_) {
    if (entry.definition->info.code == code_or_name ||
        entry.definition->info.name == code_or_name) {
      entry.severity = severity;
      return true;
    }
  }
  return false;
}

Severity RuleSet::severity_of(const RuleInfo& rule) const {
  for (const Entry& entry : entries_) {
    if (&entry.definition->info == &rule) return entry.severity;
  }
  return rule.severity;
}

std::vector<Finding> analyze(const grammar::Document& document, const RuleSet& rules) {
  return analyze(document, grammar::SemanticModel::build(document), rules);
}

std::vector<Finding> analyze(const grammar::Document& document, const grammar::SemanticModel& model,
                             const RuleSet& rules) {
  std::vector<Finding> findings;
  const auto runs = [&](const RuleSet::Entry& entry) {
    const std::string_view needs_import = entry.definition->needs_import;
    return entry.enabled && (needs_import.empty() || model.imports_module(needs_import));
  };
  // One pass of every rule's patterns over the tree, when some rule that runs has a query.
  std::optional<grammar::MatchLog> matches;
  if (rules.combined_query() &&
      std::any_of(rules.entries().begin(), rules.entries().end(),
                  [&](const RuleSet::Entry& entry) { return runs(entry) && entry.query; })) {
    matches.emplace(*rules.combined_query(), document.root());
  }
  for (const RuleSet::Entry& entry : rules.entries()) {
    if (!runs(entry)) continue;
    std::optional<grammar::RuleQuery> query;
    if (entry.query) {
      query.emplace(*rules.combined_query(), *matches, entry.first_pattern, entry.end_pattern);
    }
    const RuleContext context{document, model, query ? &*query : nullptr, entry.definition->info,
                              findings};
    const std::size_t before = findings.size();
    entry.definition->check(context);
    for (std::size_t i = before; i < findings.size(); ++i) findings[i].severity = entry.severity;
  }
  std::erase_if(findings, [&](const Finding& finding) { return is_suppressed(document, finding); });
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.range.start != b.range.start ? a.range.start < b.range.start
                                          : a.rule->code < b.rule->code;
  });
  return findings;
}

}  // namespace pyfaq::knowledge
