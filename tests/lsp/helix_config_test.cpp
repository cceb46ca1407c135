// editors/helix/languages.toml, taken as Helix takes it: the server starts from its command
// and args, gets `config` as initializationOptions and answers workspace/configuration from
// it by section path. Helix is not in Debian 12, so this is the test of the snippet.
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "tests/lsp/server_process.h"

namespace pyfaq::testing {
namespace {

using nlohmann::json;

json to_json(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    json object = json::object();
    for (const auto& [key, value] : *table) object[std::string(key.str())] = to_json(value);
    return object;
  }
  if (const auto* array = node.as_array()) {
    json list = json::array();
    for (const auto& value : *array) list.push_back(to_json(value));
    return list;
  }
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* flag = node.as_boolean()) return flag->get();
  if (const auto* number = node.as_integer()) return number->get();
  if (const auto* real = node.as_floating_point()) return real->get();
  return nullptr;
}

class HelixSnippet : public ::testing::Test {
 protected:
  void SetUp() override {
    const toml::table file = toml::parse_file(PYFAQ_SOURCE_DIR "/editors/helix/languages.toml");
    snippet_ = to_json(file);
  }
  json snippet_;
};

TEST_F(HelixSnippet, PythonUsesThePyfaqServer) {
  const json& server = snippet_["language-server"]["pyfaq"];
  EXPECT_EQ(server["command"], "pyfaq");
  EXPECT_EQ(server["args"], json::array({"serve"}));
  ASSERT_TRUE(snippet_["language"].is_array());
  bool python_uses_pyfaq = false;
  for (const json& language : snippet_["language"]) {
    if (language.value("name", "") != "python") continue;
    for (const json& name : language.value("language-servers", json::array())) {
      python_uses_pyfaq |= name == "pyfaq";
    }
  }
  EXPECT_TRUE(python_uses_pyfaq);
}

TEST_F(HelixSnippet, TheServerAcceptsItsConfiguration) {
  const json& server = snippet_["language-server"]["pyfaq"];
  std::vector<std::string> arguments;
  for (const json& argument : server["args"]) arguments.push_back(argument.get<std::string>());
  ServerProcess process(PYFAQ_BINARY, arguments);  // the snippet's "pyfaq", built here

  const json config = server["config"];
  json capabilities = {{"workspace", {{"configuration", true}}}};
  process.send({{"jsonrpc", "2.0"},
                {"id", 1},
                {"method", "initialize"},
                {"params",
                 {{"processId", nullptr},
                  {"capabilities", capabilities},
                  {"initializationOptions", config}}}});
  process.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  process.send({{"jsonrpc", "2.0"},
                {"method", "textDocument/didOpen"},
                {"params",
                 {{"textDocument",
                   {{"uri", "file:///tmp/pyfaq-helix/a.py"},
                    {"languageId", "python"},
                    {"version", 1},
                    {"text", "def f(x, seen=[]):\n    seen.append(x)\n"}}}}}});

  std::vector<std::string> complaints;
  bool configured = false;
  json diagnostics;
  while (auto message = process.next_significant()) {
    const std::string method = message->value("method", "");
    if (method == "window/showMessage") {
      complaints.push_back((*message)["params"]["message"]);
    } else if (method == "workspace/configuration") {
      // Helix walks its config by each item's section path ("pyfaq" → config.pyfaq).
      json answers = json::array();
      for (const json& item : (*message)["params"]["items"]) {
        answers.push_back(config.value(item.value("section", ""), json()));
      }
      process.send({{"jsonrpc", "2.0"}, {"id", (*message)["id"]}, {"result", answers}});
      configured = true;
    } else if (method == "textDocument/publishDiagnostics") {
      diagnostics = (*message)["params"]["diagnostics"];
      if (configured && !diagnostics.empty()) break;
    }
  }
  EXPECT_TRUE(configured) << "the server asks for its configuration";
  EXPECT_TRUE(complaints.empty()) << complaints.front();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "PFQ103");

  process.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
  process.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  EXPECT_EQ(process.wait_exit(), std::optional<int>(0));
}

}  // namespace
}  // namespace pyfaq::testing
