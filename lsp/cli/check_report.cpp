// Printing `pyfaq check` results: concise lines, full code frames with fixes, or JSON.
#include "lsp/cli/check_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "lsp/cli/sarif_report.h"

namespace pyfaq::cli {

namespace {

using knowledge::Finding;
using Position = grammar::LineColumn;

/// One-based line and column (in characters), as editors and compilers print them.
Position human_position(const grammar::TextBuffer& text, std::size_t offset) {
  const Position at = text.to_line_column(offset, grammar::ColumnUnit::Utf32);
  return {at.line + 1, at.column + 1};
}

std::string location(const FileResult& file, const Finding& finding) {
  const Position at = human_position(*file.text, finding.range.start);
  return file.path.string() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string_view safety_name(knowledge::FixSafety safety) {
  return safety == knowledge::FixSafety::Safe ? "safe" : "unsafe";
}

void write_concise(const FileResult& file, const Finding& finding, std::string_view docs_version,
                   std::ostream& out) {
  out << location(file, finding) << ": " << finding.rule->code << " " << finding.message << "\n"
      << "  FAQ: " << finding.rule->faq.title << " "
      << knowledge::faq_url(finding.rule->faq, docs_version) << "\n";
}

/// The lines an edit set touches, before and after applying it.
void write_fix_diff(const grammar::TextBuffer& text, const knowledge::Fix& fix, std::ostream& out) {
  std::size_t first = text.size(), last = 0;
  for (const auto& edit : fix.edits) {
    first = std::min(first, edit.range.start);
    last = std::max(last, edit.range.end);
  }
  const std::size_t first_line = text.line_of(first);
  const std::size_t last_line = text.line_of(last);
  const std::size_t start = text.line_start(first_line);
  const std::size_t end = text.line_content_end(last_line);
  std::string after(text.text().substr(start, end - start));
  auto edits = fix.edits;
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return a.range.start > b.range.start; });
  for (const auto& edit : edits) {
    after.replace(edit.range.start - start, edit.range.end - edit.range.start, edit.replacement);
  }
  const auto write_lines = [&](std::string_view block, char sign) {
    for (std::size_t pos = 0; pos <= block.size();) {
      const std::size_t newline = std::min(block.find('\n', pos), block.size());
      out << "    " << sign << " " << block.substr(pos, newline - pos) << "\n";
      pos = newline + 1;
    }
  };
  write_lines(std::string_view(text.text()).substr(start, end - start), '-');
  write_lines(after, '+');
}

void write_full(const FileResult& file, const Finding& finding, std::string_view docs_version,
                std::ostream& out) {
  const grammar::TextBuffer& text = *file.text;
  const Position start = human_position(text, finding.range.start);
  const std::size_t end_offset = std::min(finding.range.end, text.line_content_end(start.line - 1));
  const Position end = human_position(text, std::max(end_offset, finding.range.start + 1));
  const std::string number = std::to_string(start.line);
  const std::string gutter(number.size(), ' ');
  const std::size_t line_start = text.line_start(start.line - 1);
  const std::string_view line =
      std::string_view(text.text())
          .substr(line_start, text.line_content_end(start.line - 1) - line_start);

  out << location(file, finding) << ": " << finding.rule->code << " [" << finding.rule->name << "] "
      << finding.message << "\n"
      << gutter << " |\n"
      << number << " | " << line << "\n"
      << gutter << " | " << std::string(start.column - 1, ' ')
      << std::string(std::max<std::size_t>(1, end.column - start.column), '^') << "\n";
  if (finding.fix) {
    out << gutter << " = fix (" << safety_name(finding.fix->safety) << "): " << finding.fix->title
        << "\n";
    write_fix_diff(text, *finding.fix, out);
  }
  out << gutter << " = FAQ: " << finding.rule->faq.title << " "
      << knowledge::faq_url(finding.rule->faq, docs_version) << "\n\n";
}

nlohmann::ordered_json json_range(const grammar::TextBuffer& text, grammar::ByteRange range) {
  const Position start = human_position(text, range.start);
  const Position end = human_position(text, range.end);
  return {{"start", {{"line", start.line}, {"column", start.column}}},
          {"end", {{"line", end.line}, {"column", end.column}}}};
}

nlohmann::ordered_json json_finding(const FileResult& file, const Finding& finding,
                                    std::string_view docs_version) {
  const grammar::TextBuffer& text = *file.text;
  nlohmann::ordered_json json{
      {"path", file.path.string()},
      {"code", finding.rule->code},
      {"name", finding.rule->name},
      {"severity", knowledge::to_string(finding.severity)},
      {"message", finding.message},
      {"range", json_range(text, finding.range)},
      {"faq",
       {{"title", finding.rule->faq.title},
        {"url", knowledge::faq_url(finding.rule->faq, docs_version)}}},
      {"fix", nullptr},
  };
  if (finding.fix) {
    nlohmann::ordered_json edits = nlohmann::ordered_json::array();
    for (const auto& edit : finding.fix->edits) {
      edits.push_back({{"range", json_range(text, edit.range)}, {"content", edit.replacement}});
    }
    json["fix"] = {{"title", finding.fix->title},
                   {"safety", safety_name(finding.fix->safety)},
                   {"edits", std::move(edits)}};
  }
  return json;
}

}  // namespace

ReportSummary write_report(OutputFormat format, std::string_view shared_docs_version,
                           std::span<const PathError> path_errors,
                           std::span<const FileResult> results, std::ostream& out,
                           std::ostream& err) {
  ReportSummary summary;
  nlohmann::ordered_json json_findings = nlohmann::ordered_json::array();
  nlohmann::ordered_json json_errors = nlohmann::ordered_json::array();
  for (const PathError& error : path_errors) {
    err << "pyfaq: error: " << error.path << ": " << error.message << "\n";
    json_errors.push_back({{"path", error.path}, {"message", error.message}, {"kind", "error"}});
    ++summary.path_errors;
  }
  for (const FileResult& file : results) {
    if (file.skipped) {
      const std::string_view kind = file.read_error ? "error" : "warning";
      err << "pyfaq: " << kind << ": " << file.path.string() << ": "
          << (file.read_error ? "" : "skipped: ") << *file.skipped << "\n";
      json_errors.push_back(
          {{"path", file.path.string()}, {"message", *file.skipped}, {"kind", kind}});
      ++(file.read_error ? summary.path_errors : summary.skipped);
      continue;
    }
    ++summary.files_checked;
    for (const Finding& finding : file.findings) {
      ++summary.findings;
      switch (format) {
        case OutputFormat::Concise:
          write_concise(file, finding, file.docs_version, out);
          break;
        case OutputFormat::Full:
          write_full(file, finding, file.docs_version, out);
          break;
        case OutputFormat::Json:
          json_findings.push_back(json_finding(file, finding, file.docs_version));
          break;
        case OutputFormat::Sarif:
          break;  // written whole below
      }
    }
  }
  if (format == OutputFormat::Sarif) {
    out << sarif_log(shared_docs_version, path_errors, results).dump(2) << "\n";
    return summary;
  }
  if (format == OutputFormat::Json) {
    const nlohmann::ordered_json report{{"files_checked", summary.files_checked},
                                        {"findings", std::move(json_findings)},
                                        {"problems", std::move(json_errors)}};
    out << report.dump(2) << "\n";
    return summary;
  }
  const std::size_t files_with_findings = static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [](const FileResult& f) { return !f.findings.empty(); }));
  const auto count = [](std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
  };
  if (summary.findings == 0) {
    out << "No tips (" << count(summary.files_checked, "file") << " checked).\n";
  } else {
    out << "Found " << count(summary.findings, "tip") << " in "
        << count(files_with_findings, "file") << " (" << count(summary.files_checked, "file")
        << " checked).\n";
  }
  return summary;
}

}  // namespace pyfaq::cli
