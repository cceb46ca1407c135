// The server honours a project's pyproject.toml `[tool.pyfaq]` inside its workspace folder,
// re-reads it when it changes, and reads nothing outside the folders the editor opened.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kBadHandler =
    "import signal\n\ndef h():\n    pass\n\nsignal.signal(signal.SIGTERM, h)\n";

class ProjectConfigOverLsp : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("pyfaq-lsp-config-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "project" / "src");
    fs::create_directories(root_ / "project" / "legacy");
    write_config(
        "[tool.pyfaq]\ncolour = \"blue\"\nseverity = { PFQ301 = \"hint\" }\n"
        "[tool.pyfaq.per-file-ignores]\n\"legacy/*\" = [\"signal-handler-arity\"]\n");
    // Outside the workspace folder: must never be read.
    std::ofstream(root_ / "pyproject.toml") << "[tool.pyfaq]\nignore = [\"PFQ301\"]\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  void write_config(const std::string& text) {
    std::ofstream(root_ / "project" / "pyproject.toml") << text;
  }
  std::string uri(const std::string& relative) const {
    return "file://" + (root_ / relative).string();
  }
  void open(const std::string& relative, int version = 1) {
    server_.send({{"jsonrpc", "2.0"},
                  {"method", "textDocument/didOpen"},
                  {"params",
                   {{"textDocument",
                     {{"uri", uri(relative)},
                      {"languageId", "python"},
                      {"version", version},
                      {"text", kBadHandler}}}}}});
  }
  /// The diagnostics published for `relative`, skipping other messages (collected in seen_).
  json diagnostics_of(const std::string& relative) {
    for (;;) {
      auto message = server_.next_significant();
      if (!message) return json();
      if (message->value("method", "") == "textDocument/publishDiagnostics" &&
          (*message)["params"]["uri"] == uri(relative)) {
        return (*message)["params"]["diagnostics"];
      }
      seen_.push_back(*message);
    }
  }

  fs::path root_;
  std::vector<json> seen_;
  ServerProcess server_{PYFAQ_BINARY, {"serve", "--sync"}};
};

TEST_F(ProjectConfigOverLsp, SeverityPerFileIgnoresAndChanges) {
  json folder = {{"uri", uri("project")}, {"name", "project"}};
  json params = {{"processId", nullptr}, {"capabilities", json::object()}};
  params["workspaceFolders"] = json::array({folder});
  server_.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", params}});
  ASSERT_TRUE(server_.next_significant());
  server_.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});

  open("project/src/a.py");
  json diagnostics = diagnostics_of("project/src/a.py");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], 4);  // hint, as the project says
  bool warned = false;
  for (const json& message : seen_) {
    warned |= message.value("method", "") == "window/showMessage" &&
              message["params"]["message"].get<std::string>().find(
                  "unknown setting tool.pyfaq.colour") != std::string::npos;
  }
  EXPECT_TRUE(warned) << "the unknown key is shown to the user";

  open("project/legacy/old.py");
  EXPECT_TRUE(diagnostics_of("project/legacy/old.py").empty());  // per-file ignore

  open("other/b.py");  // outside every workspace folder: the defaults
  diagnostics = diagnostics_of("other/b.py");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], 2);

  // The project turns the rule off; the next analysis of an open file sees it.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct modification time
  write_config("[tool.pyfaq]\nignore = [\"signal-handler-arity\"]\n# a different size\n");
  server_.send({{"jsonrpc", "2.0"},
                {"method", "textDocument/didChange"},
                {"params",
                 {{"textDocument", {{"uri", uri("project/src/a.py")}, {"version", 2}}},
                  {"contentChanges", {{{"text", std::string(kBadHandler) + "\n"}}}}}}});
  EXPECT_TRUE(diagnostics_of("project/src/a.py").empty());

  server_.send({{"jsonrpc", "2.0"}, {"id", 9}, {"method", "shutdown"}});
  server_.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  EXPECT_EQ(server_.wait_exit(), std::optional<int>(0));
}

}  // namespace
}  // namespace pyfaq::testing
