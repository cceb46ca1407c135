// FAQ start-up and search cost: reading and indexing all eight documents of the installed
// docs (or the embedded copy), and one ranked search.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"
#include "lsp/docs/inventory.h"

namespace {

// From disk, the way the server starts: locate, read, parse, render, index. (The inventory is
// read on another thread meanwhile: BM_LoadInventory.)
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

// The docs' objects.inv (inflate and scan), read in the background, needed to show answers.
void BM_LoadInventory(benchmark::State& state) {
  const auto folder = pyfaq::docs::installed_faq_folder();
  const std::string path = folder ? folder->first + "/../../objects.inv" : "";
  for (auto _ : state) {
    auto inventory = pyfaq::docs::Inventory::load(path);
    benchmark::DoNotOptimize(inventory);
  }
}

// Showing one answer: its API mentions linked through the inventory.
void BM_ShowAnswer(benchmark::State& state) {
  std::vector<std::string> problems;
  const auto index = pyfaq::docs::load_faq("", problems);
  const auto inventory = pyfaq::docs::load_inventory(index.source());
  const pyfaq::knowledge::ApiPageFinder finder =
      inventory ? inventory->page_finder() : pyfaq::knowledge::ApiPageFinder{};
  const auto* entry = index.find("library#how-do-i-program-using-threads");
  if (!entry) entry = &index.entries().front();
  for (auto _ : state) {
    auto shown = pyfaq::knowledge::link_api_mentions(entry->markdown, inventory ? &finder : nullptr,
                                                     {"3.11", ""});
    benchmark::DoNotOptimize(shown);
  }
}

BENCHMARK(BM_LoadInstalledFaq)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShowAnswer)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadInventory)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, word, "gil")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, words, "how do i delete a file")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, prefix, "multi")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
