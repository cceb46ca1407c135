// FAQ start-up and search cost: reading and indexing all eight documents of the installed
// docs (or the embedded copy), and one ranked search.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"
#include "lsp/docs/inventory.h"

namespace {

// From disk, the way the server starts: locate, read, parse, render, index.
void BM_LoadInstalledFaq(benchmark::State& state) {
  std::size_t entries = 0;
  for (auto _ : state) {
    std::vector<std::string> problems;
    const auto index = pyfaq::docs::load_faq("", problems);
    entries = index.entries().size();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["entries"] = static_cast<double>(entries);
}

void BM_Search(benchmark::State& state, const char* query) {
  std::vector<std::string> problems;
  const auto index = pyfaq::docs::load_faq("", problems);
  for (auto _ : state) {
    auto matches = index.search(query, 20);
    benchmark::DoNotOptimize(matches);
  }
}

// The part of start-up that reads the docs' objects.inv (inflate and scan).
void BM_LoadInventory(benchmark::State& state) {
  const auto folder = pyfaq::docs::installed_faq_folder();
  const std::string path = folder ? folder->first + "/../../objects.inv" : "";
  for (auto _ : state) {
    auto inventory = pyfaq::docs::Inventory::load(path);
    benchmark::DoNotOptimize(inventory);
  }
}

BENCHMARK(BM_LoadInstalledFaq)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadInventory)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, word, "gil")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, words, "how do i delete a file")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, prefix, "multi")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
