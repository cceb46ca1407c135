// What the editor's requests cost in one open file: a keystroke (the incremental re-parse, the
// re-analysis from the previous analysis, and a from-scratch analysis for comparison), a hover,
// and position conversions. Usage: pyfaq_bench_document [FILE] [benchmark flags]
#include <benchmark/benchmark.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "knowledge/analysis.h"
#include "knowledge/hover.h"
#include "knowledge/incremental.h"
#include "lsp/docs/faq_docs.h"

namespace {

using pyfaq::grammar::ByteRange;
using pyfaq::grammar::Document;

/// Why re-analyses started from scratch, and how often: printed after the benchmarks.
std::map<std::string, int>& from_scratch() {
  static std::map<std::string, int> reasons;
  return reasons;
}

std::string& source() {
  static std::string text;
  return text;
}

/// The edits: insert `# edit` at the indentation of a line, then remove it, at the lines the LSP
/// latency driver picks (a stride of 7919 lines, modulo the file's), so that the text comes back
/// to where it started after every pair.
struct Edit {
  ByteRange range;
  std::string replacement;
};

std::vector<Edit> spread_edits(const std::string& text, std::size_t pairs) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  std::vector<Edit> edits;
  for (std::size_t k = 0; k < pairs; ++k) {
    std::size_t line = (k * 7919 + 17) % starts.size();
    // Not inside a backslash continuation, as the driver.
    while (line > 0 && text.compare(starts[line] - 2, 2, "\\\n") == 0) --line;
    const std::size_t start = starts[line];
    std::size_t indent = start;
    while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
    const std::string inserted = text.substr(start, indent - start) + "# edit\n";
    edits.push_back({{start, start}, inserted});
    edits.push_back({{start, start + inserted.size()}, ""});
  }
  return edits;
}

const std::vector<Edit>& edits() {
  static const std::vector<Edit> all = spread_edits(source(), 25);
  return all;
}

// The floor: tree-sitter's incremental re-parse of the edited text.
void BM_Reparse(benchmark::State& state) {
  Document document(source());
  std::size_t next = 0;
  for (auto _ : state) {
    const Edit& edit = edits()[next++ % edits().size()];
    document.edit(edit.range, edit.replacement);
    benchmark::DoNotOptimize(document.tree());
  }
}

// Re-parse and re-analysis from the previous version's analysis, as the server does.
void BM_Reanalyze(benchmark::State& state) {
  const auto rules = pyfaq::knowledge::RuleSet::all();
  auto before = std::make_shared<Document>(source());
  auto previous = pyfaq::knowledge::analyze_document(
      *before, pyfaq::grammar::SemanticModel::build(*before), rules);
  std::size_t next = 0, incremental = 0, runs = 0;
  for (auto _ : state) {
    const Edit& edit = edits()[next++ % edits().size()];
    auto after = std::make_shared<Document>(*before);
    after->edit(edit.range, edit.replacement);
    previous = pyfaq::knowledge::reanalyze(*before, previous, *after, rules);
    incremental += previous.incremental;
    if (!previous.why_from_scratch.empty())
      ++from_scratch()[std::string(previous.why_from_scratch)];
    ++runs;
    before = std::move(after);
  }
  state.counters["incremental"] = static_cast<double>(incremental) / static_cast<double>(runs);
}

// Re-parse and an analysis from scratch: what every edit cost before re-analysis.
void BM_AnalyzeAfterEdit(benchmark::State& state) {
  const auto rules = pyfaq::knowledge::RuleSet::all();
  Document document(source());
  std::size_t next = 0;
  for (auto _ : state) {
    const Edit& edit = edits()[next++ % edits().size()];
    document.edit(edit.range, edit.replacement);
    benchmark::DoNotOptimize(pyfaq::knowledge::analyze(document, rules).size());
  }
}

/// Offsets in the middle of every 97th identifier-looking word: where hovers land.
std::vector<std::size_t> hover_offsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts =
        (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '_') &&
        (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'));
    if (starts && words++ % 97 == 0) offsets.push_back(i + 1);
  }
  return offsets;
}

// A hover: what is under the cursor, resolved through the model, against the FAQ targets.
void BM_Hover(benchmark::State& state) {
  std::vector<std::string> problems;
  const auto faqs = pyfaq::docs::load_faq("", problems);
  const auto index = pyfaq::knowledge::HoverIndex::load_embedded(faqs);
  const Document document(source());
  const auto model = pyfaq::grammar::SemanticModel::build(document);
  const std::vector<std::size_t> offsets = hover_offsets(source());
  std::size_t next = 0, answered = 0;
  for (auto _ : state) {
    const auto info = pyfaq::knowledge::hover_at(document, model, {},
                                                 offsets[next++ % offsets.size()], index, faqs);
    answered += info.has_value();
  }
  state.counters["answered"] = static_cast<double>(answered) / static_cast<double>(next);
}

// An LSP position to a byte offset and back, in UTF-16 columns, at lines spread over the file.
void BM_PositionRoundTrip(benchmark::State& state) {
  const pyfaq::grammar::TextBuffer text(source());
  std::size_t next = 0;
  for (auto _ : state) {
    const std::size_t line = (next++ * 7919) % text.line_count();
    const std::size_t offset = text.to_offset({line, 12}, pyfaq::grammar::ColumnUnit::Utf16);
    benchmark::DoNotOptimize(text.to_line_column(offset, pyfaq::grammar::ColumnUnit::Utf16));
  }
}

BENCHMARK(BM_Hover)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PositionRoundTrip)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Reparse)->Unit(benchmark::kMicrosecond)->Iterations(200);
BENCHMARK(BM_Reanalyze)->Unit(benchmark::kMicrosecond)->Iterations(200);
BENCHMARK(BM_AnalyzeAfterEdit)->Unit(benchmark::kMicrosecond)->Iterations(50);

}  // namespace

int main(int argc, char** argv) {
  std::string path = "/usr/lib/python3.11/_pydecimal.py";
  if (argc > 1 && argv[1][0] != '-') {
    path = argv[1];
    --argc;
    ++argv;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "pyfaq_bench_document: cannot read " << path << "\n";
    return 2;
  }
  source().assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::cerr << "file: " << path << " (" << source().size() << " bytes)\n";
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const auto& [why, times] : from_scratch()) {
    std::cerr << "re-analysis from scratch: " << times << " x " << why << "\n";
  }
  return 0;
}
