// Latency of the language server as an editor sees it, over stdio: hover, and change -> tips
// (didChange until the publishDiagnostics of that version). Prints median and p99 and the
// server's peak RSS. Usage: pyfaq_bench_lsp PYFAQ_BINARY [FILE] [--sync]
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "tests/lsp/server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

void report(const std::string& name, const std::vector<double>& ms) {
  std::cout << name << ": n=" << ms.size() << " median " << percentile(ms, 0.5) << " ms, p99 "
            << percentile(ms, 0.99) << " ms, max " << *std::max_element(ms.begin(), ms.end())
            << " ms\n";
}

/// The reply to `id`, or the publishDiagnostics for `version`, skipping everything else.
json wait_for(pyfaq::testing::ServerProcess& server, const json& id, int version = -1) {
  for (;;) {
    auto message = server.next(std::chrono::seconds(60));
    if (!message) throw std::runtime_error("the server stopped answering");
    if (version < 0 && message->value("id", json()) == id) return *message;
    if (version >= 0 && message->value("method", "") == "textDocument/publishDiagnostics" &&
        (*message)["params"].value("version", -1) == version) {
      return *message;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: pyfaq_bench_lsp PYFAQ_BINARY [FILE] [--sync]\n";
    return 2;
  }
  const std::string binary = argv[1];
  const std::string path = argc > 2 ? argv[2] : "/usr/lib/python3.11/_pydecimal.py";
  const bool sync = argc > 3 && std::string(argv[3]) == "--sync";
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (text.empty()) {
    std::cerr << "cannot read " << path << "\n";
    return 2;
  }
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  std::cout << "file: " << path << " (" << line_starts.size() - 1 << " lines, " << text.size()
            << " bytes), server: " << (sync ? "--sync" : "worker thread") << "\n";

  std::vector<std::string> arguments{"serve"};
  if (sync) arguments.push_back("--sync");
  const auto spawned = Clock::now();
  pyfaq::testing::ServerProcess server(binary, arguments);
  server.send(
      {{"jsonrpc", "2.0"},
       {"id", 0},
       {"method", "initialize"},
       {"params",
        {{"processId", nullptr},
         {"capabilities", {{"textDocument", {{"hover", {{"contentFormat", {"markdown"}}}}}}}}}}});
  wait_for(server, 0);
  std::cout << "spawn -> initialize result (FAQ loaded): "
            << std::chrono::duration<double, std::milli>(Clock::now() - spawned).count() << " ms\n";
  server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  // The first hover showing an FAQ answer may wait for the docs inventory, read in the
  // background since start-up.
  auto start = Clock::now();
  const std::string first_uri = "file:///bench/first_hover.py";
  server.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params",
                {{"textDocument",
                  {{"uri", first_uri},
                   {"languageId", "python"},
                   {"version", 1},
                   {"text", "import threading\nthreading.Thread\n"}}}}}});
  server.send(
      {{"jsonrpc", "2.0"},
       {"id", -1},
       {"method", "textDocument/hover"},
       {"params",
        {{"textDocument", {{"uri", first_uri}}}, {"position", {{"line", 1}, {"character", 12}}}}}});
  const json first_hover = wait_for(server, -1);
  const bool linked = first_hover.dump().find("/library/threading.html") != std::string::npos;
  std::cout << "spawn -> first answer hover" << (linked ? " (API links in)" : " (NO API LINKS)")
            << ": " << std::chrono::duration<double, std::milli>(Clock::now() - spawned).count()
            << " ms (open + hover: "
            << std::chrono::duration<double, std::milli>(Clock::now() - start).count() << " ms)\n";
  const std::string uri = "file://" + path;
  start = Clock::now();
  server.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text}}}}}});
  wait_for(server, nullptr, 1);
  std::cout << "open -> first tips: "
            << std::chrono::duration<double, std::milli>(Clock::now() - start).count() << " ms\n";

  std::mt19937 random(7);
  const auto elapsed_ms = [](Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
  };

  // Hover at random positions on lines with code (the first character of a word).
  std::vector<double> hovers;
  for (int id = 1; hovers.size() < 500; ++id) {
    const std::size_t line = random() % (line_starts.size() - 1);
    const std::size_t length = line_starts[line + 1] - line_starts[line] - 1;
    const std::size_t column = length ? random() % length : 0;
    start = Clock::now();
    server.send({{"jsonrpc", "2.0"},
                 {"id", id},
                 {"method", "textDocument/hover"},
                 {"params",
                  {{"textDocument", {{"uri", uri}}},
                   {"position", {{"line", line}, {"character", column}}}}}});
    wait_for(server, id);
    hovers.push_back(elapsed_ms(start));
  }
  report("hover", hovers);

  // Edits that keep the file valid (a blank line in, then out: the incremental path), and
  // edits that break it for a moment (a stray character at the start of a line: a tree with
  // errors is parsed afresh). Each waits for the tips of its version.
  int version = 1;
  for (const bool breaks_syntax : {false, true}) {
    std::vector<double> changes;
    std::size_t edited_line = 0;
    while (changes.size() < 200) {
      ++version;
      const bool insert = version % 2 == 0;
      if (insert) edited_line = random() % (line_starts.size() - 1);
      const std::string inserted = breaks_syntax ? "x" : "\n";
      const json end = insert ? json{{"line", edited_line}, {"character", 0}}
                              : (breaks_syntax ? json{{"line", edited_line}, {"character", 1}}
                                               : json{{"line", edited_line + 1}, {"character", 0}});
      const json range = {{"start", {{"line", edited_line}, {"character", 0}}}, {"end", end}};
      start = Clock::now();
      server.send({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didChange"},
                   {"params",
                    {{"textDocument", {{"uri", uri}, {"version", version}}},
                     {"contentChanges", {{{"range", range}, {"text", insert ? inserted : ""}}}}}}});
      wait_for(server, nullptr, version);
      changes.push_back(elapsed_ms(start));
    }
    report(
        breaks_syntax ? "change -> tips (edit with a syntax error)" : "change -> tips (valid edit)",
        changes);
  }
  std::cout << "server peak RSS: " << server.resident_kib() / 1024.0 << " MiB\n";

  server.send({{"jsonrpc", "2.0"}, {"id", "bye"}, {"method", "shutdown"}});
  wait_for(server, "bye");
  server.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  return server.wait_exit().value_or(1);
}
