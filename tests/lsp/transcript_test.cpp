// Protocol transcripts (tests/lsp/transcripts/*.test), clangd style: what the client sends
// (`>>>`), what the server must answer (`<<<`, a JSON pattern), run against the real binary
// over real pipes. Directives: `>>>raw "bytes"` sends raw bytes; `=== eof` closes the input;
// `=== exit N` waits for exit code N; `=== quiet` expects no message for a moment; a first
// line `# args: ...` replaces the default `serve --sync`; `$TRANSCRIPTS` stands for the folder
// of the transcripts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/lsp/json_pattern.h"
#include "tests/lsp/metamodel.h"
#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> transcripts() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(PYFAQ_TRANSCRIPTS_DIR)) {
    if (entry.path().extension() == ".test") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string> split_arguments(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> arguments;
  for (std::string word; in >> word;) arguments.push_back(word);
  return arguments;
}

const std::optional<MetaModel>& metamodel() {
  static const std::optional<MetaModel> model = MetaModel::load(PYFAQ_METAMODEL_PATH);
  return model;
}

class Transcript : public ::testing::TestWithParam<fs::path> {};

TEST(TranscriptConformance, MetaModelIsAvailable) {
  if (!metamodel()) {
    GTEST_SKIP() << "../shared/lsp/metaModel-3.17.json not found: transcripts run without the "
                    "check that every server message has the shape LSP 3.17 defines (CI has it)";
  }
  EXPECT_TRUE(metamodel()->knows_method("textDocument/publishDiagnostics"));
}

TEST_P(Transcript, ServerAnswersAsWritten) {
  std::ifstream file(GetParam());
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);
  std::vector<std::string> arguments{"serve", "--sync"};
  if (!lines.empty() && lines[0].starts_with("# args:"))
    arguments = split_arguments(lines[0].substr(7));

  ServerProcess server(PYFAQ_BINARY, arguments);
  // Requests the client sent, by id, so that the server's responses can be checked.
  std::map<std::string, std::string> sent_methods;
  const auto conforms = [&](const json& message, const std::string& where) {
    if (!metamodel() || !message.is_object()) return;
    const auto method_of = [&](const json& id) -> std::optional<std::string> {
      const auto found = sent_methods.find(id.dump());
      if (found == sent_methods.end()) return std::nullopt;
      return found->second;
    };
    for (const std::string& problem : metamodel()->check_message(message, method_of)) {
      ADD_FAILURE() << where << ": not LSP 3.17: " << problem << "\n  in " << message.dump();
    }
  };
  for (std::size_t number = 0; number < lines.size(); ++number) {
    std::string line = lines[number];
    // `$TRANSCRIPTS`: this folder, where transcripts keep the projects they open as workspaces.
    for (std::size_t at; (at = line.find("$TRANSCRIPTS")) != std::string::npos;) {
      line.replace(at, 12, PYFAQ_TRANSCRIPTS_DIR);
    }
    const std::string where = GetParam().filename().string() + ":" + std::to_string(number + 1);
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with(">>>raw ")) {
      server.send_raw(json::parse(line.substr(7)).get<std::string>());
    } else if (line.starts_with(">>> ")) {
      const json message = json::parse(line.substr(4));
      if (message.is_object() && message.contains("id") &&
          message.value("method", json()).is_string()) {
        sent_methods[message["id"].dump()] = message["method"];
      }
      server.send(message);
    } else if (line.starts_with("<<< ")) {
      const json pattern = json::parse(line.substr(4));
      const auto method = pattern.is_object() ? pattern.value("method", "") : "";
      const bool wants_log = method == "window/logMessage" || method == "$/logTrace";
      const auto message = wants_log ? server.next() : server.next_significant();
      ASSERT_TRUE(message.has_value()) << where << ": no message from the server";
      conforms(*message, where);
      const std::string why = json_mismatch(pattern, *message);
      ASSERT_TRUE(why.empty()) << where << ": " << why << "\n  got: " << message->dump();
    } else if (line == "=== eof") {
      server.close_input();
    } else if (line.starts_with("=== exit ")) {
      const auto code = server.wait_exit();
      ASSERT_TRUE(code.has_value()) << where << ": the server did not exit";
      EXPECT_EQ(*code, std::stoi(line.substr(9))) << where;
    } else if (line == "=== quiet") {
      const auto message = server.next_significant(std::chrono::milliseconds(300));
      EXPECT_FALSE(message.has_value()) << where << ": unexpected " << message->dump();
    } else {
      FAIL() << where << ": unknown directive: " << line;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Lsp, Transcript, ::testing::ValuesIn(transcripts()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace pyfaq::testing
