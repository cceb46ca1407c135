// The security boundaries of ARCHITECTURE.md, checked on a whole session of the real server run
// under strace: it starts no program and no process (threads only), opens no socket, writes no
// file but the log it was given, reads only the docs, its workspace folder and what the system
// loader needs (never a path written in a document, never a project file outside the
// workspace), and every link it sends is https://docs.python.org/... or a file:// URI of the
// local docs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

bool starts_with_any(const std::string& path, const std::vector<std::string>& prefixes) {
  for (const std::string& prefix : prefixes) {
    if (path.starts_with(prefix)) return true;
  }
  return false;
}

/// One traced system call: its name, the path it names (if any) and its whole line.
struct Call {
  std::string name;
  std::string path;
  std::string line;
};

/// `PID name(AT_FDCWD, "path", ...` -> name and path (std::regex is avoided: GCC 12 warns
/// inside it under the sanitizers).
std::optional<Call> parse_call(const std::string& line) {
  std::size_t at = line.find_first_not_of("0123456789");
  if (at == 0 || at == std::string::npos) return std::nullopt;
  at = line.find_first_not_of(' ', at);
  const std::size_t open = line.find('(', at);
  if (at == std::string::npos || open == std::string::npos) return std::nullopt;
  Call call{line.substr(at, open - at), "", line};
  if (call.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    return std::nullopt;  // "<... resumed>", signals, exits
  }
  std::string_view rest = std::string_view(line).substr(open + 1);
  if (rest.starts_with("AT_FDCWD, ")) rest.remove_prefix(10);
  const std::size_t digits = rest.find_first_not_of("0123456789");
  if (digits > 0 && digits != std::string_view::npos && rest.substr(digits).starts_with(", ")) {
    rest.remove_prefix(digits + 2);
  }
  if (rest.starts_with('"')) call.path = std::string(rest.substr(1, rest.find('"', 1) - 1));
  return call;
}

std::vector<Call> read_trace(const fs::path& log) {
  std::vector<Call> calls;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (auto call = parse_call(line)) calls.push_back(std::move(*call));
  }
  return calls;
}

/// Every link-like string in the server's messages: URIs with "://" and Markdown link targets.
std::vector<std::string> links_in(const std::string& text) {
  const auto is_scheme = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-';
  };
  const auto ends_link = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) ||
           std::string_view("\"'<>)]").find(c) != std::string_view::npos;
  };
  std::vector<std::string> links;
  for (std::size_t at = text.find("://"); at != std::string::npos; at = text.find("://", at + 3)) {
    std::size_t start = at;
    while (start > 0 && is_scheme(text[start - 1])) --start;
    std::size_t end = at + 3;
    while (end < text.size() && !ends_link(text[end])) ++end;
    links.push_back(text.substr(start, end - start));
  }
  for (std::size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 2)) {
    std::size_t end = at + 2;
    while (end < text.size() && text[end] != ')' &&
           !std::isspace(static_cast<unsigned char>(text[end])))
      ++end;
    links.push_back(text.substr(at + 2, end - at - 2));
  }
  return links;
}

class Boundaries : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("strace -f -qq -o /dev/null true >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "strace cannot trace here (not installed, or ptrace is not permitted); "
                      "scripts/setup.sh installs it";
    }
    root_ = fs::temp_directory_path() / ("pyfaq-security-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "workspace" / "pkg");
    fs::create_directories(root_ / "outside");
    std::ofstream(root_ / "workspace" / "pyproject.toml") << "[tool.pyfaq]\n";
    std::ofstream(root_ / "outside" / "pyproject.toml") << "[tool.pyfaq]\n";
  }
  void TearDown() override {
    if (!root_.empty()) fs::remove_all(root_);
  }

  fs::path root_;
};

TEST_F(Boundaries, AWholeSessionUnderStrace) {
  const fs::path workspace = root_ / "workspace";
  const fs::path log = root_ / "server.log";
  const fs::path trace = root_ / "strace.log";
  ServerProcess server(
      "strace",
      {"-f", "-qq", "-o", trace.string(), "-e",
       "trace=execve,execveat,fork,vfork,clone,clone3,open,openat,openat2,creat,mkdir,mkdirat,"
       "unlink,unlinkat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,truncate,chmod,"
       "fchmodat,socket,connect,bind,stat,lstat,newfstatat,statx,access,faccessat,faccessat2,"
       "readlink,readlinkat",
       PYFAQ_BINARY, "serve", "--log-file", log.string()});
  std::string received;
  int id = 0;
  const auto request = [&](const std::string& method, const json& params) {
    server.send({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}});
    for (;;) {
      const auto message = server.next(std::chrono::seconds(60));
      if (!message) return json();
      received += message->dump() + "\n";
      if (message->value("id", json()) == id) return *message;
    }
  };
  const auto notify = [&](const std::string& method, const json& params) {
    server.send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  };

  ASSERT_TRUE(request("initialize", {{"processId", nullptr},
                                     {"rootUri", "file://" + workspace.string()},
                                     {"capabilities", json::object()}})
                  .contains("result"));
  notify("initialized", json::object());
  // Paths, commands and URLs in a document are text to analyse, nothing more.
  const std::string inside = "file://" + (workspace / "pkg" / "mod.py").string();
  const std::string text =
      "import signal, os, subprocess\n"
      "signal.signal(2, lambda: 0)  # see http://evil.example/x\n"
      "open('/etc/shadow'); os.system('touch /tmp/pwned'); subprocess.run(['ls'])\n"
      "import threading, time\n"
      "t = threading.Thread(target=print)\n"
      "t.start()\n"
      "time.sleep(1)\n"
      "def f(x=[]): return x\n";
  notify("textDocument/didOpen",
         {{"textDocument",
           {{"uri", inside}, {"languageId", "python"}, {"version", 1}, {"text", text}}}});
  const std::string outside = "file://" + (root_ / "outside" / "x.py").string();
  notify("textDocument/didOpen", {{"textDocument",
                                   {{"uri", outside},
                                    {"languageId", "python"},
                                    {"version", 1},
                                    {"text", "import os\nos.popen('ls')\n"}}}});
  // Hover every word of the first document, ask for every code action, run every command.
  for (uint32_t line = 0; line < 8; ++line) {
    for (uint32_t character = 0; character < 60; character += 3) {
      request("textDocument/hover", {{"textDocument", {{"uri", inside}}},
                                     {"position", {{"line", line}, {"character", character}}}});
    }
    request("textDocument/codeAction", {{"textDocument", {{"uri", inside}}},
                                        {"range",
                                         {{"start", {{"line", line}, {"character", 0}}},
                                          {"end", {{"line", line}, {"character", 80}}}}},
                                        {"context", {{"diagnostics", json::array()}}}});
  }
  for (const auto& [command, argument] : std::vector<std::pair<std::string, json>>{
           {"pyfaq.searchFaq", {{"query", "threads"}}},
           {"pyfaq.faqEntry", "library#how-do-i-program-using-threads"},
           {"pyfaq.openFaq", "library#how-do-i-program-using-threads"},
           {"pyfaq.explainRule", "signal-handler-arity"}}) {
    request("workspace/executeCommand", {{"command", command}, {"arguments", {argument}}});
  }
  notify("workspace/didChangeConfiguration", {{"settings", {{"pyfaq", {{"links", "local"}}}}}});
  request("textDocument/hover",
          {{"textDocument", {{"uri", inside}}}, {"position", {{"line", 4}, {"character", 16}}}});
  request("workspace/executeCommand", {{"command", "pyfaq.faqEntry"},
                                       {"arguments", {"library#how-do-i-program-using-threads"}}});
  ASSERT_TRUE(request("shutdown", nullptr).contains("result"));
  notify("exit", nullptr);
  for (auto message = server.next(std::chrono::seconds(10)); message;
       message = server.next(std::chrono::seconds(10))) {
    received += message->dump() + "\n";
  }
  ASSERT_EQ(server.wait_exit(std::chrono::seconds(30)), std::optional<int>(0));

  // What the server sent: links only to the docs, nothing of the document's URL.
  std::set<std::string> links;
  for (const std::string& link : links_in(received)) links.insert(link);
  EXPECT_FALSE(links.empty());
  for (const std::string& link : links) {
    EXPECT_TRUE(link.starts_with("https://docs.python.org/") ||
                (link.starts_with("file:///usr/share/doc/python3") &&
                 link.find("/html/") != std::string::npos) ||
                link == inside || link == outside || link == "file://" + workspace.string())
        << "a link the server should not make: " << link;
  }
  EXPECT_EQ(received.find("evil.example"), std::string::npos);

  // What the server did.
  const std::vector<Call> calls = read_trace(trace);
  ASSERT_FALSE(calls.empty()) << "strace wrote nothing to " << trace;
  const std::vector<std::string> readable{"/etc/ld.so.cache",
                                          "/etc/ld.so.preload",
                                          "/etc/localtime",
                                          "/lib/",
                                          "/lib64/",
                                          "/usr/lib/",
                                          "/usr/lib64/",
                                          "/usr/share/zoneinfo/",
                                          "/proc/",
                                          "/sys/",
                                          "/dev/",
                                          "/usr/share/doc",
                                          workspace.string(),
                                          PYFAQ_BINARY};
  int programs = 0;
  for (const Call& call : calls) {
    SCOPED_TRACE(call.line);
    EXPECT_EQ(call.line.find("shadow"), std::string::npos);
    EXPECT_EQ(call.line.find("pwned"), std::string::npos);
    EXPECT_EQ(call.line.find((root_ / "outside").string()), std::string::npos);
    if (call.name == "execve" || call.name == "execveat") {
      EXPECT_EQ(call.path, PYFAQ_BINARY);
      ++programs;
    } else if (call.name == "fork" || call.name == "vfork") {
      ADD_FAILURE() << "a process was started";
    } else if (call.name == "clone" || call.name == "clone3") {
      EXPECT_NE(call.line.find("CLONE_THREAD"), std::string::npos) << "not a thread";
    } else if (call.name == "socket" || call.name == "connect" || call.name == "bind") {
      ADD_FAILURE() << "a socket over stdio";
    } else if (call.name.starts_with("open") || call.name == "creat") {
      const bool writes = call.line.find("O_WRONLY") != std::string::npos ||
                          call.line.find("O_RDWR") != std::string::npos ||
                          call.line.find("O_CREAT") != std::string::npos || call.name == "creat";
      if (writes) {
        EXPECT_EQ(call.path, log.string()) << "wrote a file";
      } else if (!call.path.empty()) {
        EXPECT_TRUE(starts_with_any(call.path, readable)) << "read " << call.path;
      }
    } else if (call.name.find("stat") != std::string::npos || call.name.starts_with("access") ||
               call.name.starts_with("faccess") || call.name.starts_with("readlink")) {
      // Looking at a path's metadata: the readable places and the workspace's ancestors.
      if (!call.path.empty()) {
        EXPECT_TRUE(starts_with_any(call.path, readable) ||
                    workspace.string().starts_with(call.path))
            << "looked at " << call.path;
      }
    } else {
      ADD_FAILURE() << "changed the file system";
    }
  }
  EXPECT_EQ(programs, 1);
  std::printf("%zu system calls checked; %zu distinct links sent, all to the docs\n", calls.size(),
              links.size());
}

}  // namespace
}  // namespace pyfaq::testing
