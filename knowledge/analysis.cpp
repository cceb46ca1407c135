// The analysis entry point: a parsed document and a rule set in, findings out.
#include "knowledge/analysis.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <variant>

#include "grammar/semantic_model.h"
#include "knowledge/embedded_files.h"
#include "knowledge/suppression.h"

namespace pyfaq::knowledge {

namespace {

/// The error of a combined query that failed, naming the rule whose query fails alone.
std::runtime_error query_error(const RuleSet& set, const std::string& combined_error) {
  for (const RuleSet::Entry& entry : set.entries()) {
    if (!entry.has_query) continue;
    const std::string file = query_file(*entry.definition);
    auto alone = grammar::CompiledQuery::compile(embedded_file(file));
    if (auto* error = std::get_if<std::string>(&alone)) {
      return std::runtime_error("rule " + std::string(entry.definition->info.code) + ": query " +
                                file + ": " + *error);
    }
  }
  return std::runtime_error("the rules' queries together: " + combined_error);
}

/// A query's patterns alone: comment lines and blank lines dropped.
std::string without_comments(std::string_view source) {
  std::string patterns;
  while (!source.empty()) {
    const std::size_t newline = source.find('\n');
    std::string_view line = source.substr(0, newline);
    source.remove_prefix(newline == std::string_view::npos ? source.size() : newline + 1);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == ';') continue;
    patterns += line;
    patterns += '\n';
  }
  return patterns;
}

}  // namespace

RuleSet RuleSet::all() {
  // One compilation of every rule's query together (compiling costs more than a parse of a
  // large module); each rule's patterns are those whose source lies in its part. Rules whose
  // patterns are the same (several read every call) share them, so that the walk matches each
  // call once, not once per rule.
  RuleSet set;
  std::string combined;
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // each rule's byte range in `combined`
  std::vector<std::size_t> same_as(all_rules().size(), SIZE_MAX);  // an earlier rule's index
  std::vector<std::string> patterns_of;  // each rule's query without comments and blank lines
  for (const RuleDefinition& definition : all_rules()) {
    Entry entry{&definition, definition.has_query, true, definition.info.severity};
    const auto start = static_cast<uint32_t>(combined.size());
    patterns_of.emplace_back();
    if (definition.has_query) {
      const std::string_view source = embedded_file(query_file(definition));
      if (source.empty()) {
        throw std::runtime_error("rule " + std::string(definition.info.code) + ": no query file " +
                                 query_file(definition));
      }
      patterns_of.back() = without_comments(source);
      const auto earlier =
          std::find(patterns_of.begin(), patterns_of.end() - 1, patterns_of.back());
      if (earlier != patterns_of.end() - 1) {
        same_as[set.entries_.size()] = static_cast<std::size_t>(earlier - patterns_of.begin());
      } else {
        combined += source;
        combined += '\n';
      }
    }
    parts.emplace_back(start, static_cast<uint32_t>(combined.size()));
    set.entries_.push_back(std::move(entry));
  }
  auto compiled = grammar::CompiledQuery::compile(combined);
  if (auto* error = std::get_if<std::string>(&compiled)) throw query_error(set, *error);
  set.combined_ = std::make_shared<const grammar::CompiledQuery>(
      std::move(std::get<grammar::CompiledQuery>(compiled)));
  // Patterns come in source order, so each rule's are a contiguous run.
  uint32_t pattern = 0;
  const uint32_t count = set.combined_->pattern_count();
  for (std::size_t i = 0; i < set.entries_.size(); ++i) {
    Entry& entry = set.entries_[i];
    entry.first_pattern = pattern;
    while (pattern < count && set.combined_->pattern_start_byte(pattern) < parts[i].second) {
      ++pattern;
    }
    entry.end_pattern = pattern;
    if (same_as[i] != SIZE_MAX) {
      entry.first_pattern = set.entries_[same_as[i]].first_pattern;
      entry.end_pattern = set.entries_[same_as[i]].end_pattern;
    }
    if (entry.has_query && entry.first_pattern == entry.end_pattern) {
      throw std::runtime_error("rule " + std::string(entry.definition->info.code) +
                               ": its query has no pattern");
    }
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

namespace {

/// Whether a module with this model imports one of the space-separated `modules`.
bool imports_any(const grammar::SemanticModel& model, std::string_view modules) {
  while (!modules.empty()) {
    const std::size_t space = modules.find(' ');
    if (model.imports_module(modules.substr(0, space))) return true;
    if (space == std::string_view::npos) break;
    modules.remove_prefix(space + 1);
  }
  return false;
}

}  // namespace

std::vector<bool> running_rules(const RuleSet& rules, const grammar::SemanticModel& model) {
  std::vector<bool> running;
  running.reserve(rules.entries().size());
  for (const RuleSet::Entry& entry : rules.entries()) {
    const std::string_view needs_import = entry.definition->needs_import;
    running.push_back(entry.enabled && (needs_import.empty() || imports_any(model, needs_import)));
  }
  return running;
}

RuleRun run_rules(const grammar::Document& document, const grammar::SemanticModel& model,
                  const RuleSet& rules, const std::vector<bool>& running,
                  std::optional<grammar::ByteRange> range) {
  RuleRun run;
  std::vector<Finding>& findings = run.findings;
  const auto& entries = rules.entries();
  run.reads_other_functions.assign(entries.size(), false);
  // One pass of every rule's patterns over the tree, when some rule that runs has a query.
  std::optional<grammar::MatchLog> matches;
  bool any_query = false;
  for (std::size_t i = 0; i < entries.size(); ++i) any_query |= running[i] && entries[i].has_query;
  if (rules.combined_query() && any_query) {
    if (range) {
      matches.emplace(*rules.combined_query(), document.root(), *range);
    } else {
      matches.emplace(*rules.combined_query(), document.root());
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!running[i]) continue;
    const RuleSet::Entry& entry = entries[i];
    std::optional<grammar::RuleQuery> query;
    if (entry.has_query) {
      query.emplace(*rules.combined_query(), *matches, entry.first_pattern, entry.end_pattern);
    }
    bool reads_other_functions = false;
    const RuleContext context{document,
                              model,
                              query ? &*query : nullptr,
                              entry.definition->info,
                              findings,
                              &reads_other_functions,
                              range.value_or(grammar::ByteRange{0, document.text().size()})};
    const std::size_t before = findings.size();
    entry.definition->check(context);
    for (std::size_t k = before; k < findings.size(); ++k) findings[k].severity = entry.severity;
    run.reads_other_functions[i] = reads_other_functions;
  }
  return run;
}

std::vector<Finding> apply_suppressions(const grammar::Document& document,
                                        std::vector<Finding> findings) {
  std::erase_if(findings, [&](const Finding& finding) { return is_suppressed(document, finding); });
  // A total order, so that the same findings come out the same however they were gathered.
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.range.start, a.rule->code, a.range.end, a.message) <
           std::tie(b.range.start, b.rule->code, b.range.end, b.message);
  });
  return findings;
}

std::vector<Finding> analyze(const grammar::Document& document, const RuleSet& rules) {
  return analyze(document, grammar::SemanticModel::build(document), rules);
}

std::vector<Finding> analyze(const grammar::Document& document, const grammar::SemanticModel& model,
                             const RuleSet& rules) {
  return apply_suppressions(
      document, run_rules(document, model, rules, running_rules(rules, model)).findings);
}

}  // namespace pyfaq::knowledge
