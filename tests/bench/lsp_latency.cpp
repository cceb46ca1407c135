// Latency of any language server over stdio as an editor sees it, for side-by-side figures:
// spawn -> initialize reply, open -> first tips, hover p50/p99 at the same identifier positions
// for every server, edit -> tips p50/p99, and the peak RSS of the server's process tree.
// Prints one JSON line (starting with '{') and a human line.
//
// Usage: pyfaq_bench_lsp [--name NAME] [--file FILE] [--hovers N] [--edits N] [--settle-ms MS]
//                        [--broken-edits] -- COMMAND [ARGS...]
//        pyfaq_bench_lsp PYFAQ_BINARY [FILE] [--sync]
//          (runs PYFAQ_BINARY serve [--sync], with --broken-edits)
//
// First tips: the first publishDiagnostics for the file after didOpen that has findings, when
// the server finds anything in the file before the first edit; else its first publish (some
// servers publish an empty list at once and the real one after analysis).
// Edit -> tips: a comment line inserted (then removed again) at the indentation of a line,
// until the publishDiagnostics of that version, or, from a server that sends no version, the
// next publish for the file.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "tests/bench/process_tree.h"
#include "tests/bench/python_identifiers.h"
#include "tests/lsp/server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using pyfaq::testing::ServerProcess;

double ms_since(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return -1;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

json summary(const std::vector<double>& ms) {
  return {{"n", ms.size()},
          {"p50", percentile(ms, 0.5)},
          {"p99", percentile(ms, 0.99)},
          {"max", ms.empty() ? -1 : *std::max_element(ms.begin(), ms.end())}};
}

struct Options {
  std::string name = "server";
  std::string file = "/usr/lib/python3.11/_pydecimal.py";
  std::size_t hovers = 200;
  std::size_t edits = 50;
  int settle_ms = 5000;
  bool broken_edits = false;
  std::vector<std::string> command;
};

std::optional<Options> parse(int argc, char** argv) {
  Options options;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0].rfind("--", 0) != 0) {  // the pyfaq-only form
    options.name = "pyfaq";
    options.command = {args[0], "serve"};
    if (args.size() > 1) options.file = args[1];
    if (args.size() > 2 && args[2] == "--sync") options.command.push_back("--sync");
    options.broken_edits = true;
    return options;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::runtime_error(args[i] + " needs a value");
      return args[++i];
    };
    if (args[i] == "--") {
      options.command.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (args[i] == "--name") options.name = value();
    else if (args[i] == "--file") options.file = value();
    else if (args[i] == "--hovers") options.hovers = std::stoul(value());
    else if (args[i] == "--edits") options.edits = std::stoul(value());
    else if (args[i] == "--settle-ms") options.settle_ms = std::stoi(value());
    else if (args[i] == "--broken-edits") options.broken_edits = true;
    else throw std::runtime_error("unknown option " + args[i]);
  }
  if (options.command.empty()) return std::nullopt;
  return options;
}

/// The document as the client holds it: lines with their newline.
struct Text {
  std::vector<std::string> lines;
  explicit Text(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
      lines.push_back(text.substr(start, stop - start));
      start = stop;
    }
  }
  std::string joined() const {
    std::string out;
    for (const auto& line : lines) out += line;
    return out;
  }
};

/// A publishDiagnostics for the benchmarked file, as it arrived.
struct Publish {
  Clock::time_point at;
  std::optional<int> version;
  std::size_t count = 0;
};

class Client {
 public:
  Client(const std::vector<std::string>& command, const std::string& cwd, std::string uri)
      : server_(command[0], {command.begin() + 1, command.end()}, ServerProcess::Options{cwd}),
        uri_(std::move(uri)) {}

  ServerProcess& server() { return server_; }
  std::vector<Publish>& publishes() { return publishes_; }

  void send(const json& message) { server_.send(message); }

  /// The next message before `deadline`, after answering server requests and noting publishes
  /// for the file; nullopt at the deadline.
  std::optional<json> next(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto message = server_.next(left);
    if (!message || !message->is_object()) return message;
    const std::string method = message->value("method", "");
    if (!method.empty() && message->contains("id")) answer(*message, method);
    if (method == "textDocument/publishDiagnostics" && (*message)["params"].value("uri", "") == uri_) {
      const auto& params = (*message)["params"];
      Publish publish{Clock::now(), std::nullopt, params.value("diagnostics", json::array()).size()};
      if (params.contains("version") && params["version"].is_number_integer())
        publish.version = params["version"].get<int>();
      publishes_.push_back(publish);
    }
    return message;
  }

  /// The reply to request `id`; throws after `timeout`.
  json reply(const json& id, std::chrono::seconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
      auto message = next(deadline);
      if (!message) throw std::runtime_error("no reply to request " + id.dump());
      if (message->is_object() && !message->contains("method") && message->value("id", json()) == id)
        return *message;
    }
  }

 private:
  // Requests peers send to a client; answered as an editor with no settings would.
  void answer(const json& request, const std::string& method) {
    json result = nullptr;
    if (method == "workspace/configuration") {
      result = json::array();
      for (std::size_t i = 0; i < request["params"].value("items", json::array()).size(); ++i)
        result.push_back(nullptr);
    } else if (method == "workspace/workspaceFolders") {
      result = json::array();
    }
    server_.send({{"jsonrpc", "2.0"}, {"id", request["id"]}, {"result", result}});
  }

  ServerProcess server_;
  std::string uri_;
  std::vector<Publish> publishes_;
};

std::string indentation(const std::string& line) {
  const std::size_t end = line.find_first_not_of(" \t");
  if (end == std::string::npos || line[end] == '\n' || line[end] == '\r') return "";
  return line.substr(0, end);
}

int run(const Options& options) {
  std::ifstream in(options.file, std::ios::binary);
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (content.empty()) throw std::runtime_error("cannot read " + options.file);
  Text text(content);
  const std::string uri = "file://" + std::filesystem::absolute(options.file).string();

  // An empty workspace folder, so no server scans a tree it was not asked about.
  const std::string workspace = std::filesystem::temp_directory_path() /
                                ("pyfaq-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(workspace);
  struct Cleanup {
    std::string path;
    ~Cleanup() { std::filesystem::remove_all(path); }
  } cleanup{workspace};
  json result = {{"server", options.name}, {"file", options.file}, {"lines", text.lines.size()},
                 {"bytes", content.size()}};

  const auto spawned = Clock::now();
  Client client(options.command, workspace, uri);
  pyfaq::bench::TreeSampler sampler(client.server().pid(), std::chrono::milliseconds(100));
  const std::string root_uri = "file://" + workspace;
  client.send(
      {{"jsonrpc", "2.0"},
       {"id", 0},
       {"method", "initialize"},
       {"params",
        {{"processId", ::getpid()},
         {"clientInfo", {{"name", "pyfaq_bench_lsp"}}},
         {"rootUri", root_uri},
         {"workspaceFolders", {{{"uri", root_uri}, {"name", "bench"}}}},
         {"capabilities",
          {{"workspace", {{"configuration", true}, {"workspaceFolders", true}}},
           {"window", {{"workDoneProgress", true}}},
           {"textDocument",
            {{"synchronization", {{"dynamicRegistration", false}}},
             {"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
             {"publishDiagnostics", {{"versionSupport", true}}}}}}}}}});
  const json initialized = client.reply(0, std::chrono::seconds(120));
  result["init_ms"] = ms_since(spawned);
  const json sync = initialized["result"]["capabilities"].value("textDocumentSync", json(1));
  const int sync_kind = sync.is_number() ? sync.get<int>() : sync.value("change", 1);
  client.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});

  // Open, then wait until the file's publishes go quiet.
  const auto opened = Clock::now();
  client.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", content}}}}}});
  const auto open_deadline = opened + std::chrono::seconds(300);
  for (;;) {
    auto& seen = client.publishes();
    auto until = open_deadline;
    if (!seen.empty()) until = std::min(until, seen.back().at + std::chrono::milliseconds(options.settle_ms));
    if (Clock::now() >= until) break;
    client.next(until);
  }
  if (client.publishes().empty()) throw std::runtime_error("no tips within 300 s of didOpen");

  // Hovers at the same identifiers for every server.
  const auto positions =
      pyfaq::bench::spread(pyfaq::bench::identifier_positions(content), options.hovers);
  std::vector<double> hovers;
  std::size_t answered = 0;
  int id = 1;
  for (const auto& position : positions) {
    const auto start = Clock::now();
    client.send({{"jsonrpc", "2.0"},
                 {"id", ++id},
                 {"method", "textDocument/hover"},
                 {"params",
                  {{"textDocument", {{"uri", uri}}},
                   {"position", {{"line", position.line}, {"character", position.character}}}}}});
    const json reply = client.reply(id, std::chrono::seconds(60));
    hovers.push_back(ms_since(start));
    if (reply.contains("result") && !reply["result"].is_null()) ++answered;
  }
  result["hover"] = summary(hovers);
  result["hover"]["answered"] = answered;

  // Every tip before the first edit belongs to the opened text.
  const auto& before = client.publishes();
  const auto first_found = std::find_if(before.begin(), before.end(),
                                        [](const Publish& p) { return p.count > 0; });
  const Publish& first = first_found != before.end() ? *first_found : before.front();
  result["open_ms"] = std::chrono::duration<double, std::milli>(first.at - opened).count();
  result["open_publishes"] = before.size();
  result["tips"] = before.back().count;

  // Edits at lines spread over the file, each undone by the next: a comment line at the
  // line's indentation (valid), or with --broken-edits also a stray "x" at the start of a line
  // (a syntax error for a moment).
  int version = 1;
  const auto edit_series = [&](bool breaks) {
    std::vector<double> edits;
    bool versioned = true;
    std::size_t edited = 0;
    for (std::size_t k = 0; k < options.edits; ++k) {
      const bool insert = k % 2 == 0;
      if (insert) {
        edited = (k / 2 * 7919 + 17) % text.lines.size();
        // Not after a backslash continuation, where a comment line would break the statement.
        while (edited > 0 && text.lines[edited - 1].find("\\\n") != std::string::npos) --edited;
      }
      const std::string inserted =
          breaks ? "x" : indentation(text.lines[edited]) + "# pyfaq bench edit\n";
      json end;
      if (insert) {
        if (breaks) {
          text.lines[edited].insert(0, inserted);
        } else {
          text.lines.insert(text.lines.begin() + static_cast<long>(edited), inserted);
        }
        end = {{"line", edited}, {"character", 0}};
      } else {
        if (breaks) {
          text.lines[edited].erase(0, 1);
        } else {
          text.lines.erase(text.lines.begin() + static_cast<long>(edited));
        }
        end = breaks ? json{{"line", edited}, {"character", 1}}
                     : json{{"line", edited + 1}, {"character", 0}};
      }
      json change = {{"range", {{"start", {{"line", edited}, {"character", 0}}}, {"end", end}}},
                     {"text", insert ? inserted : ""}};
      if (sync_kind == 1) change = {{"text", text.joined()}};
      ++version;
      const std::size_t seen = client.publishes().size();
      const auto start = Clock::now();
      client.send({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didChange"},
                   {"params",
                    {{"textDocument", {{"uri", uri}, {"version", version}}},
                     {"contentChanges", {change}}}}});
      const auto deadline = start + std::chrono::seconds(120);
      std::size_t checked = seen;
      for (bool done = false; !done;) {
        if (!client.next(deadline) && Clock::now() >= deadline)
          throw std::runtime_error("no tips within 120 s of edit " + std::to_string(version));
        for (; checked < client.publishes().size() && !done; ++checked) {
          const Publish& publish = client.publishes()[checked];
          if (!publish.version) versioned = false;
          done = !publish.version || *publish.version == version;
          if (done)
            edits.push_back(std::chrono::duration<double, std::milli>(publish.at - start).count());
        }
      }
    }
    json figures = summary(edits);
    figures["matched_by"] = versioned ? "version" : "next publish";
    return figures;
  };
  result["edit"] = edit_series(false);
  if (options.broken_edits) result["edit_broken"] = edit_series(true);
  if (options.edits % 2 == 0 && text.joined() != content)
    throw std::runtime_error("the edits did not restore the text");

  const auto memory = pyfaq::bench::tree_memory(client.server().pid());
  result["rss_kib"] = std::max(memory.hwm_kib, sampler.peak_rss_kib());
  result["rss_sampled_kib"] = sampler.peak_rss_kib();
  result["hwm_sum_kib"] = memory.hwm_kib;
  result["processes"] = std::max(memory.processes, sampler.most_processes());
  result["process_names"] = pyfaq::bench::process_names(client.server().pid());

  const auto tree = pyfaq::bench::process_tree(client.server().pid());
  client.send({{"jsonrpc", "2.0"}, {"id", "bye"}, {"method", "shutdown"}});
  client.reply("bye", std::chrono::seconds(30));
  client.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  result["exit"] = client.server().wait_exit(std::chrono::seconds(10)).value_or(-1);
  for (std::size_t i = 1; i < tree.size(); ++i) ::kill(tree[i], SIGKILL);  // no stragglers

  std::cout << result.dump() << "\n";
  std::printf(
      "%s %s (%zu lines): init %.0f ms, open -> tips %.0f ms (%zu tips), hover p50 %.2f / p99 "
      "%.1f ms (%zu/%zu answered), edit -> tips p50 %.0f / p99 %.0f ms, peak RSS %.0f MiB "
      "(%d processes)\n",
      options.name.c_str(), options.file.c_str(), text.lines.size(), result["init_ms"].get<double>(),
      result["open_ms"].get<double>(), result["tips"].get<std::size_t>(),
      result["hover"]["p50"].get<double>(), result["hover"]["p99"].get<double>(), answered,
      hovers.size(), result["edit"]["p50"].get<double>(), result["edit"]["p99"].get<double>(),
      result["rss_kib"].get<long>() / 1024.0, result["processes"].get<int>());
  if (result.contains("edit_broken")) {
    std::printf("%s: edit with a syntax error -> tips p50 %.0f / p99 %.0f ms\n",
                options.name.c_str(), result["edit_broken"]["p50"].get<double>(),
                result["edit_broken"]["p99"].get<double>());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options;
  try {
    options = parse(argc, argv);
    if (!options) {
      std::cerr << "usage: pyfaq_bench_lsp [--name NAME] [--file FILE] [--hovers N] [--edits N] "
                   "[--settle-ms MS] [--broken-edits] -- COMMAND [ARGS...]\n"
                   "       pyfaq_bench_lsp PYFAQ_BINARY [FILE] [--sync]\n";
      return 2;
    }
    return run(*options);
  } catch (const std::exception& error) {
    std::cerr << "pyfaq_bench_lsp: " << error.what() << "\n";
    json failed = {{"error", error.what()}};
    if (options) failed.update({{"server", options->name}, {"file", options->file}});
    std::cout << failed.dump() << "\n";
    return 1;
  }
}
