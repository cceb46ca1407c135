// Load and soak: one `pyfaq serve` over stdio holds 1,000 of the standard library's files open
// while a client sends 100 edits a second, with a hover after every fifth, for a minute. Prints
// the latency percentiles of hovers and of edit -> tips, and the server's memory after warm-up
// and at the end. Fails on any error reply, an error in the server's log messages, a server
// that dies, or memory that grows after warm-up beyond the stated bound.
//
//   pyfaq_soak [--seconds 60] [--documents 1000] [--rate 100] SERVER [PYTHON_LIB_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "grammar/utf8.h"
#include "tests/bench/process_tree.h"
#include "tests/bench/python_identifiers.h"
#include "tests/lsp/server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Options {
  double seconds = 60;
  std::size_t documents = 1000;
  double rate = 100;  // edits per second
  std::string server;
  fs::path library = "/usr/lib/python3.11";
};

/// The bound on growth after warm-up: what a minute of edits may leave behind (allocator
/// caches, the analyses of documents first edited late) without being a leak.
long growth_bound_kib(long warm_kib) {
  return warm_kib / 10 + 16 * 1024;
}

struct Document {
  std::string uri;
  std::vector<pyfaq::bench::Position> identifiers;
  std::size_t lines = 0;
  int version = 1;
  std::optional<std::size_t> inserted_line;  // the soak's comment line, when present
};

/// `count` Python files of the library, spread over it; when it holds fewer, some come twice (the
/// caller opens them under another URI).
std::vector<fs::path> python_files(const fs::path& root, std::size_t count) {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied)) {
    if (entry.is_regular_file() && entry.path().extension() == ".py" &&
        entry.path().string().find("site-packages") == std::string::npos) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<fs::path> picked;
  if (files.empty()) return picked;
  const double step = files.size() > count ? static_cast<double>(files.size()) / count : 1;
  for (std::size_t i = 0; picked.size() < count; ++i) {
    picked.push_back(files[static_cast<std::size_t>(i * step) % files.size()]);
  }
  return picked;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

void print_latencies(const char* what, const std::vector<double>& ms) {
  std::printf("%-16s %7zu  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what,
              ms.size(), percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99),
              percentile(ms, 1.0));
}

class Soak {
 public:
  explicit Soak(const Options& options)
      : options_(options), server_(options.server, {"serve"}), random_(20261126) {}

  int run() {
    const auto files = python_files(options_.library, options_.documents);
    send({{"jsonrpc", "2.0"},
          {"id", next_id_++},
          {"method", "initialize"},
          {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}});
    if (!server_.next_significant(std::chrono::seconds(30))) return fail("no initialize reply");
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});

    const auto open_started = Clock::now();
    std::size_t bytes = 0;
    std::map<fs::path, int> copies;
    for (const fs::path& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream content;
      content << in.rdbuf();
      const std::string text = content.str();
      if (pyfaq::grammar::first_invalid_utf8(text)) continue;  // JSON needs UTF-8
      // A file that comes again is another document: /copy-2/usr/lib/...
      const int copy = ++copies[path];
      Document document;
      document.uri =
          "file://" + (copy > 1 ? "/copy-" + std::to_string(copy) : std::string()) + path.string();
      document.identifiers = pyfaq::bench::identifier_positions(text);
      document.lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/didOpen"},
            {"params",
             {{"textDocument",
               {{"uri", document.uri},
                {"languageId", "python"},
                {"version", 1},
                {"text", text}}}}}});
      bytes += text.size();
      documents_.push_back(std::move(document));
      drain();
    }
    while (published_.size() < documents_.size() &&
           Clock::now() - open_started < std::chrono::minutes(5)) {
      drain(std::chrono::milliseconds(50));
    }
    const double open_seconds = seconds_since(open_started);
    std::printf("opened %zu documents (%zu files of %s, %.1f MB) in %.1f s; tips for %zu\n",
                documents_.size(), copies.size(), options_.library.c_str(), bytes / 1e6,
                open_seconds, published_.size());
    if (published_.size() < documents_.size()) return fail("tips missing for some documents");

    const double warm_up = std::min(10.0, options_.seconds / 4);
    load(warm_up);
    hover_ms_.clear();
    tips_ms_.clear();
    const long warm_kib = pyfaq::bench::tree_memory(server_.pid()).rss_kib;
    long low_kib = warm_kib, high_kib = warm_kib;
    const std::size_t edits_before = edits_;
    const auto started = Clock::now();
    for (double elapsed = 0; elapsed < options_.seconds; elapsed = seconds_since(started)) {
      load(std::min(1.0, options_.seconds - elapsed));
      const long now_kib = pyfaq::bench::tree_memory(server_.pid()).rss_kib;
      if (now_kib == 0) return fail("the server died");
      low_kib = std::min(low_kib, now_kib);
      high_kib = std::max(high_kib, now_kib);
    }
    const double measured = seconds_since(started);
    drain(std::chrono::milliseconds(500));
    const long end_kib = pyfaq::bench::tree_memory(server_.pid()).rss_kib;

    std::printf("load: %.0f s after %.0f s of warm-up, %zu edits (%.1f/s), %zu hovers\n", measured,
                warm_up, edits_ - edits_before, (edits_ - edits_before) / measured,
                hover_ms_.size());
    print_latencies("hover", hover_ms_);
    print_latencies("edit -> tips", tips_ms_);
    std::printf(
        "memory (VmRSS): %.1f MiB after warm-up, %.1f MiB at the end (%+.1f MiB); "
        "%.1f to %.1f MiB during; bound on growth %.1f MiB\n",
        warm_kib / 1024.0, end_kib / 1024.0, (end_kib - warm_kib) / 1024.0, low_kib / 1024.0,
        high_kib / 1024.0, growth_bound_kib(warm_kib) / 1024.0);
    std::printf("errors: %zu\n", errors_);

    send({{"jsonrpc", "2.0"}, {"id", next_id_++}, {"method", "shutdown"}});
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    const auto code = server_.wait_exit(std::chrono::seconds(30));
    if (errors_ > 0) return fail("error replies or error log messages");
    if (end_kib - warm_kib > growth_bound_kib(warm_kib)) return fail("memory grew past the bound");
    if (code != std::optional<int>(0)) return fail("the server did not exit with 0");
    std::printf("soak: ok\n");
    return 0;
  }

 private:
  static double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  }

  int fail(const std::string& why) {
    std::fprintf(stderr, "soak: FAILED: %s\n", why.c_str());
    return 1;
  }

  void send(const json& message) { server_.send(message); }

  /// Edits at the configured rate for `seconds`, a hover after every fifth edit.
  void load(double seconds) {
    const auto start = Clock::now();
    const auto tick = std::chrono::duration<double>(1.0 / options_.rate);
    for (std::size_t n = 0; seconds_since(start) < seconds; ++n) {
      edit(documents_[pick(documents_.size())]);
      if (n % 5 == 4) hover(documents_[pick(documents_.size())]);
      const auto due = start + std::chrono::duration_cast<Clock::duration>(tick * (n + 1));
      while (Clock::now() < due)
        drain(std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now()));
    }
  }

  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

  /// Adds a comment line, or takes the one added before away: documents stay the same size.
  void edit(Document& document) {
    json change;
    if (document.inserted_line) {
      const std::size_t line = *document.inserted_line;
      change = {{"range",
                 {{"start", {{"line", line}, {"character", 0}}},
                  {"end", {{"line", line + 1}, {"character", 0}}}}},
                {"text", ""}};
      document.inserted_line.reset();
    } else {
      const std::size_t line = pick(document.lines);
      change = {{"range",
                 {{"start", {{"line", line}, {"character", 0}}},
                  {"end", {{"line", line}, {"character", 0}}}}},
                {"text", "# soak " + std::to_string(edits_) + "\n"}};
      document.inserted_line = line;
    }
    ++document.version;
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", document.uri}, {"version", document.version}}},
            {"contentChanges", json::array({change})}}}});
    edit_sent_[{document.uri, document.version}] = Clock::now();
    ++edits_;
  }

  void hover(const Document& document) {
    if (document.identifiers.empty()) return;
    pyfaq::bench::Position at = document.identifiers[pick(document.identifiers.size())];
    if (document.inserted_line && at.line >= *document.inserted_line) ++at.line;
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "textDocument/hover"},
          {"params",
           {{"textDocument", {{"uri", document.uri}}},
            {"position", {{"line", at.line}, {"character", at.character}}}}}});
    hover_sent_[id] = Clock::now();
  }

  /// Reads everything the server has written, waiting up to `wait` for the first message.
  void drain(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) {
    for (auto message = server_.next(wait); message;
         message = server_.next(std::chrono::milliseconds(0))) {
      handle(*message);
    }
  }

  void handle(const json& message) {
    const auto now = Clock::now();
    const std::string method = message.value("method", "");
    if (message.contains("error")) {
      ++errors_;
      std::fprintf(stderr, "error reply: %s\n", message.dump().c_str());
    } else if ((method == "window/logMessage" || method == "window/showMessage") &&
               message["params"].value("type", 0) == 1) {
      ++errors_;
      std::fprintf(stderr, "error message: %s\n", message.dump().c_str());
    } else if (method == "textDocument/publishDiagnostics") {
      const std::string uri = message["params"].value("uri", "");
      const int version = message["params"].value("version", 0);
      published_.insert(uri);
      // Tips for version v answer every edit up to v not answered yet.
      for (auto it = edit_sent_.lower_bound({uri, 0});
           it != edit_sent_.end() && it->first.first == uri && it->first.second <= version;
           it = edit_sent_.erase(it)) {
        tips_ms_.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
      }
    } else if (message.contains("id") && message.contains("result")) {
      const auto sent =
          hover_sent_.find(message["id"].is_number_integer() ? message["id"].get<int>() : -1);
      if (sent != hover_sent_.end()) {
        hover_ms_.push_back(std::chrono::duration<double, std::milli>(now - sent->second).count());
        hover_sent_.erase(sent);
      }
    }
  }

  Options options_;
  pyfaq::testing::ServerProcess server_;
  std::mt19937 random_;
  std::vector<Document> documents_;
  std::set<std::string> published_;
  std::map<std::pair<std::string, int>, Clock::time_point> edit_sent_;
  std::map<int, Clock::time_point> hover_sent_;
  std::vector<double> hover_ms_, tips_ms_;
  std::size_t edits_ = 0, errors_ = 0;
  int next_id_ = 1;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      options.seconds = std::stod(argv[++i]);
    } else if (arg == "--documents" && i + 1 < argc) {
      options.documents = std::stoul(argv[++i]);
    } else if (arg == "--rate" && i + 1 < argc) {
      options.rate = std::stod(argv[++i]);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2) {
    std::fprintf(stderr,
                 "usage: pyfaq_soak [--seconds 60] [--documents 1000] [--rate 100] SERVER "
                 "[PYTHON_LIB_DIR]\n");
    return 2;
  }
  options.server = positional[0];
  if (positional.size() == 2) options.library = positional[1];
  return Soak(options).run();
}
