// `pyfaq check --format sarif`: SARIF 2.1.0.
#include "lsp/cli/sarif_report.h"

#include <map>

#include "knowledge/rule.h"
#include "knowledge/rule_docs.h"
#include "lsp/files/percent_encoding.h"

namespace pyfaq::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(knowledge::Severity severity) {
  return severity == knowledge::Severity::Warning ? "warning" : "note";
}

/// A region in one-based lines and code-point columns (the run's columnKind).
Json region(const grammar::TextBuffer& text, grammar::ByteRange range) {
  const auto start = text.to_line_column(range.start, grammar::ColumnUnit::Utf32);
  const auto end = text.to_line_column(range.end, grammar::ColumnUnit::Utf32);
  return {{"startLine", start.line + 1},
          {"startColumn", start.column + 1},
          {"endLine", end.line + 1},
          {"endColumn", end.column + 1}};
}

Json rule_descriptor(const knowledge::RuleDefinition& rule, const knowledge::LinkOptions& links) {
  const std::string url = knowledge::faq_link(rule.info.faq, links);
  return {{"id", rule.info.code},
          {"name", rule.info.name},
          {"shortDescription", {{"text", rule.info.summary}}},
          {"fullDescription",
           {{"text",
             std::string(rule.info.summary) + " Python FAQ: " + std::string(rule.info.faq.title)}}},
          {"helpUri", url},
          {"help",
           {{"text", std::string(rule.info.summary) + " See " + url},
            {"markdown", knowledge::rule_doc_markdown(rule, links)}}},
          {"defaultConfiguration", {{"level", sarif_level(rule.info.severity)}}},
          {"properties",
           {{"tags",
             {"python-faq",
              rule.info.status == knowledge::RuleStatus::Stable ? "stable" : "preview"}}}}};
}

Json fix_of(const FileResult& file, const knowledge::Fix& fix) {
  Json replacements = Json::array();
  for (const knowledge::TextEdit& edit : fix.edits) {
    replacements.push_back({{"deletedRegion", region(*file.text, edit.range)},
                            {"insertedContent", {{"text", edit.replacement}}}});
  }
  return {{"description", {{"text", fix.title}}},
          {"artifactChanges",
           {{{"artifactLocation", {{"uri", artifact_uri(file.path)}}},
             {"replacements", std::move(replacements)}}}}};
}

}  // namespace

std::string artifact_uri(const std::filesystem::path& path) {
  return (path.is_absolute() ? "file://" : "") + files::percent_encode_path(path.generic_string());
}

Json sarif_log(std::string_view docs_version, std::span<const PathError> path_errors,
               std::span<const FileResult> results) {
  const knowledge::LinkOptions links{std::string(docs_version), ""};
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const knowledge::RuleDefinition& rule : knowledge::all_rules()) {
    rule_index[rule.info.code] = rules.size();
    rules.push_back(rule_descriptor(rule, links));
  }
  Json sarif_results = Json::array();
  Json notifications = Json::array();
  for (const PathError& error : path_errors) {
    notifications.push_back(
        {{"level", "error"}, {"message", {{"text", error.path + ": " + error.message}}}});
  }
  for (const FileResult& file : results) {
    if (file.skipped) {
      notifications.push_back(
          {{"level", file.read_error ? "error" : "warning"},
           {"message", {{"text", file.path.string() + ": " + *file.skipped}}},
           {"locations",
            {{{"physicalLocation", {{"artifactLocation", {{"uri", artifact_uri(file.path)}}}}}}}}});
      continue;
    }
    for (const knowledge::Finding& finding : file.findings) {
      Json result{
          {"ruleId", finding.rule->code},
          {"ruleIndex", rule_index.at(finding.rule->code)},
          {"level", sarif_level(finding.severity)},
          {"message", {{"text", finding.message}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", {{"uri", artifact_uri(file.path)}}},
               {"region", region(*file.text, finding.range)}}}}}},
      };
      if (finding.fix) result["fixes"] = {fix_of(file, *finding.fix)};
      sarif_results.push_back(std::move(result));
    }
  }
  Json run{
      {"tool",
       {{"driver",
         {{"name", "pyfaq"},
          {"semanticVersion", PYFAQ_VERSION},
          {"informationUri", "https://docs.python.org/3/faq/"},
          {"rules", std::move(rules)}}}}},
      {"invocations",
       {{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(sarif_results)},
  };
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {std::move(run)}}};
}

}  // namespace pyfaq::cli
