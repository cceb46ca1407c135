// The workspace scan, measured from a client over stdio: how long `pyfaq serve` takes to check
// every Python file of a folder (the standard library by default), and how long a hover on an
// open document takes while it does, against the same hovers with no scan running.
//
//   pyfaq_bench_workspace [--runs 3] SERVER [FOLDER]
//
// Each run starts a server, opens one document, sends `initialized` with
// `diagnostics.scope = workspace`, and hovers the document back to back (2 ms apart) until the
// scan's $/progress ends; then it pulls workspace/diagnostic and counts what was reported.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/bench/python_identifiers.h"
#include "tests/lsp/server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

double median(std::vector<double> values) {
  return percentile(std::move(values), 0.5);
}

void print_latencies(const char* what, const std::vector<double>& ms) {
  std::printf("%-28s %6zu  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n", what,
              ms.size(), percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99),
              percentile(ms, 1.0));
}

std::string file_uri(const fs::path& path) {
  return "file://" + path.string();  // the standard library's paths need no escaping
}

struct RunResult {
  bool ok = false;
  double scan_seconds = 0;
  std::size_t files_reported = 0;
  std::size_t tips = 0;
  std::vector<double> hover_ms;
};

/// One server session: a document open, the scan on or off, hovers until the scan ends (or,
/// with no scan, `idle_hovers` of them).
class Session {
 public:
  Session(const std::string& binary, fs::path folder, fs::path document)
      : server_(binary, {"serve"}), folder_(std::move(folder)), document_(std::move(document)) {}

  RunResult run(bool scan, std::size_t idle_hovers) {
    RunResult result;
    const std::string scope = scan ? "workspace" : "openFiles";
    const json capabilities{
        {"window", {{"workDoneProgress", true}}},
        {"textDocument", {{"diagnostic", json::object()}, {"hover", json::object()}}},
        {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}};
    const json initialize{
        {"processId", nullptr},
        {"rootUri", file_uri(folder_)},
        {"capabilities", capabilities},
        {"initializationOptions", {{"pyfaq", {{"diagnostics", {{"scope", scope}}}}}}}};
    if (!request("initialize", initialize)) return result;
    std::ifstream in(document_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string uri = file_uri(document_);
    const auto positions =
        pyfaq::bench::spread(pyfaq::bench::identifier_positions(text.str()), 200);
    server_.send(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didOpen"},
         {"params",
          {{"textDocument",
            {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text.str()}}}}}});
    // One hover first, so that every measured one finds the document analysed.
    if (!request("textDocument/hover", hover_params(uri, positions[0]))) return result;
    server_.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    const auto started = Clock::now();
    for (std::size_t i = 0; scan ? !scan_ended_ : result.hover_ms.size() < idle_hovers; ++i) {
      const auto sent = Clock::now();
      if (!request("textDocument/hover", hover_params(uri, positions[i % positions.size()]))) {
        return result;
      }
      result.hover_ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      if (scan_ended_ && !result.scan_seconds) {
        result.scan_seconds = std::chrono::duration<double>(scan_end_ - started).count();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (scan && !result.scan_seconds) {
      result.scan_seconds = std::chrono::duration<double>(scan_end_ - started).count();
    }
    const auto report = request("workspace/diagnostic", {{"previousResultIds", json::array()}});
    if (!report) return result;
    for (const json& item : report->at("items")) {
      ++result.files_reported;
      result.tips += item.value("items", json::array()).size();
    }
    request("shutdown", nullptr);
    server_.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    server_.wait_exit();
    result.ok = true;
    return result;
  }

 private:
  static json hover_params(const std::string& uri, const pyfaq::bench::Position& at) {
    return {{"textDocument", {{"uri", uri}}},
            {"position", {{"line", at.line}, {"character", at.character}}}};
  }

  /// Sends a request and reads until its answer, answering the server's own requests and
  /// noting the end of the scan on the way.
  std::optional<json> request(const std::string& method, const json& params) {
    const int id = next_id_++;
    json message{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null()) message["params"] = params;
    server_.send(message);
    for (;;) {
      const auto got = server_.next(std::chrono::seconds(120));
      if (!got) {
        std::fprintf(stderr, "no answer to %s\n", method.c_str());
        return std::nullopt;
      }
      if (got->contains("method") && got->contains("id")) {
        server_.send({{"jsonrpc", "2.0"}, {"id", (*got)["id"]}, {"result", nullptr}});
        continue;
      }
      if (got->value("method", "") == "$/progress" &&
          (*got)["params"]["value"].value("kind", "") == "end") {
        scan_ended_ = true;
        scan_end_ = Clock::now();
        std::printf("  %s\n", (*got)["params"]["value"].value("message", "").c_str());
        continue;
      }
      if (got->contains("id") && (*got)["id"] == id) {
        if (got->contains("error")) {
          std::fprintf(stderr, "%s failed: %s\n", method.c_str(), got->dump().c_str());
          return std::nullopt;
        }
        return (*got)["result"];
      }
    }
  }

  pyfaq::testing::ServerProcess server_;
  fs::path folder_;
  fs::path document_;
  int next_id_ = 1;
  bool scan_ended_ = false;
  Clock::time_point scan_end_{};
};

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) {
    std::fprintf(stderr, "usage: pyfaq_bench_workspace [--runs 3] SERVER [FOLDER]\n");
    return 2;
  }
  const std::string binary = positional[0];
  const fs::path folder = positional.size() > 1 ? fs::path(positional[1]) : "/usr/lib/python3.11";
  const fs::path document = folder / "threading.py";
  if (!fs::exists(document)) {
    std::fprintf(stderr, "%s has no threading.py to open\n", folder.c_str());
    return 2;
  }
  std::printf("workspace %s, hovering %s (%u cores)\n", folder.c_str(), document.filename().c_str(),
              std::thread::hardware_concurrency());

  std::vector<double> scan_seconds;
  std::vector<double> during;
  std::size_t files = 0, tips = 0;
  for (int run = 1; run <= runs; ++run) {
    Session session(binary, folder, document);
    const RunResult result = session.run(true, 0);
    if (!result.ok) return 1;
    std::printf("run %d: %zu files reported, %zu tips, scan %.2f s = %.0f files/s, %zu hovers\n",
                run, result.files_reported, result.tips, result.scan_seconds,
                result.files_reported / result.scan_seconds, result.hover_ms.size());
    scan_seconds.push_back(result.scan_seconds);
    during.insert(during.end(), result.hover_ms.begin(), result.hover_ms.end());
    files = result.files_reported;
    tips = result.tips;
  }
  Session idle_session(binary, folder, document);
  const RunResult idle = idle_session.run(false, during.size());
  if (!idle.ok) return 1;

  const double scan = median(scan_seconds);
  std::printf("\nscan (median of %d): %.2f s for %zu files (%zu tips) = %.0f files/s\n", runs, scan,
              files, tips, files / scan);
  print_latencies("hover, no scan", idle.hover_ms);
  print_latencies("hover, during the scan", during);
  std::printf("ratio during/none: p50 %.2fx  p99 %.2fx\n",
              percentile(during, 0.5) / percentile(idle.hover_ms, 0.5),
              percentile(during, 0.99) / percentile(idle.hover_ms, 0.99));
  return 0;
}
