// Throughput of analysis over a tree of Python files (default: the standard library), next to
// the raw tree-sitter parse of the same files. Usage: pyfaq_bench_check [DIR] [benchmark flags]
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "grammar/document.h"
#include "grammar/python_language.h"
#include "grammar/semantic_model.h"
#include "grammar/utf8.h"
#include "knowledge/analysis.h"
#include "lsp/cli/source_files.h"

namespace {

struct Corpus {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
};

Corpus load(const std::string& root) {
  Corpus corpus;
  for (const auto& file : pyfaq::cli::collect_source_files({root}).files) {
    std::ifstream in(file.path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (pyfaq::grammar::first_invalid_utf8(text) || text.find('\0') != std::string::npos) continue;
    corpus.bytes += text.size();
    corpus.texts.push_back(std::move(text));
  }
  return corpus;
}

const Corpus& corpus(const std::string* root = nullptr) {
  static const Corpus loaded = load(root ? *root : "/usr/lib/python3.11");
  return loaded;
}

void report(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
  state.counters["files"] = static_cast<double>(corpus().texts.size());
  state.counters["files/s"] = benchmark::Counter(static_cast<double>(corpus().texts.size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

// The floor: tree-sitter alone, one parser reused.
void BM_TreeSitterParse(benchmark::State& state) {
  pyfaq::grammar::ParserPtr parser = pyfaq::grammar::make_python_parser();
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      pyfaq::grammar::TreePtr tree(ts_parser_parse_string(parser.get(), nullptr, text.data(),
                                                          static_cast<uint32_t>(text.size())));
      benchmark::DoNotOptimize(tree.get());
    }
  }
  report(state);
}

// The floor on N threads: files handed out one at a time, one parser per thread (as
// `pyfaq check -j N` shares files), real time.
void BM_TreeSitterParseJobs(benchmark::State& state) {
  const auto jobs = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (std::size_t j = 0; j < jobs; ++j) {
      threads.emplace_back([&next] {
        pyfaq::grammar::ParserPtr parser = pyfaq::grammar::make_python_parser();
        const auto& texts = corpus().texts;
        for (std::size_t i; (i = next.fetch_add(1)) < texts.size();) {
          pyfaq::grammar::TreePtr tree(ts_parser_parse_string(
              parser.get(), nullptr, texts[i].data(), static_cast<uint32_t>(texts[i].size())));
          benchmark::DoNotOptimize(tree.get());
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  report(state);
}

// Document: parse plus the line table.
void BM_Document(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      pyfaq::grammar::Document document(text);
      benchmark::DoNotOptimize(document.tree());
    }
  }
  report(state);
}

// Document plus scopes and bindings.
void BM_SemanticModel(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      pyfaq::grammar::Document document(text);
      const auto model = pyfaq::grammar::SemanticModel::build(document);
      benchmark::DoNotOptimize(model.scope_count());
    }
  }
  report(state);
}

// Everything `pyfaq check` does per file, on one thread.
void BM_Analyze(benchmark::State& state) {
  const auto rules = pyfaq::knowledge::RuleSet::all();
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const std::string& text : corpus().texts) {
      pyfaq::grammar::Document document(text);
      findings += pyfaq::knowledge::analyze(document, rules).size();
    }
  }
  report(state);
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK(BM_TreeSitterParse)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_TreeSitterParseJobs)
    ->Arg(1)
    ->Arg(2)
    ->ArgName("jobs")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_Document)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SemanticModel)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  std::string root = "/usr/lib/python3.11";
  if (argc > 1 && argv[1][0] != '-') {
    root = argv[1];
    --argc;
    ++argv;
  }
  const Corpus& loaded = corpus(&root);
  std::cout << "corpus: " << root << ": " << loaded.texts.size() << " files, " << loaded.bytes / 1e6
            << " MB\n";
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
