// The LSP 3.17 meta-model checker: conforming messages pass, each kind of departure is named.
#include "tests/lsp/metamodel.h"

#include <gtest/gtest.h>

#include <algorithm>

#ifndef PYFAQ_METAMODEL_PATH
#error "PYFAQ_METAMODEL_PATH must name metaModel-3.17.json"
#endif

namespace pyfaq::testing {
namespace {

using nlohmann::json;

constexpr const char* kModelMissing =
    "../shared/lsp/metaModel-3.17.json not found: the conformance tests run where ../shared is "
    "present (CI)";

// Loaded once: indexing the 400 kB model per test would dominate the run.
const MetaModel* shared_model() {
  static const std::optional<MetaModel> model = MetaModel::load(PYFAQ_METAMODEL_PATH);
  return model ? &*model : nullptr;
}

bool has_problem(const std::vector<std::string>& problems, const std::string& expected) {
  return std::find(problems.begin(), problems.end(), expected) != problems.end();
}

const std::vector<std::string> kNoProblems;

json publish_diagnostics() {
  return json::parse(R"({
    "uri": "file:///project/app.py",
    "version": 3,
    "diagnostics": [{
      "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 12}},
      "severity": 2,
      "code": "PYF001",
      "codeDescription": {"href": "https://docs.python.org/3/faq/programming.html"},
      "source": "pyfaq",
      "message": "Mutable default argument",
      "data": {"rule": "mutable-default", "edits": [{"start": 10, "end": 12, "text": "None"}],
               "safe": false, "ratio": 0.5, "nothing": null}
    }]
  })");
}

TEST(MetaModel, PublishDiagnosticsWithCodeDescriptionAndDataConforms) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  EXPECT_EQ(model->check_notification("textDocument/publishDiagnostics", publish_diagnostics()),
            kNoProblems);
}

struct Departure {
  const char* pointer;  // where in the params to put `value`
  json value;
  std::string expected_problem;
};

TEST(MetaModel, WrongTypeIsReportedAtItsPath) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const Departure departures[] = {
      {"/diagnostics/0/range/start/line", -1,
       "params.diagnostics[0].range.start.line: expected uinteger, got -1"},
      {"/diagnostics/0/range/end/character", 2.0,
       "params.diagnostics[0].range.end.character: expected uinteger, got 2.0"},
      {"/diagnostics/0/severity", 7,
       "params.diagnostics[0].severity: expected DiagnosticSeverity (1 | 2 | 3 | 4), got 7"},
      {"/diagnostics/0/message", 5, "params.diagnostics[0].message: expected string, got 5"},
      {"/diagnostics/0/code", true,
       "params.diagnostics[0].code: expected integer | string, got true"},
      {"/uri", "/project/app.py", "params.uri: expected DocumentUri, got \"/project/app.py\""},
      {"/version", nullptr, "params.version: expected integer, got null"},
  };
  for (const Departure& departure : departures) {
    json params = publish_diagnostics();
    params[json::json_pointer(departure.pointer)] = departure.value;
    const auto problems = model->check_notification("textDocument/publishDiagnostics", params);
    EXPECT_TRUE(has_problem(problems, departure.expected_problem))
        << departure.pointer << ": " << ::testing::PrintToString(problems);
  }
}

TEST(MetaModel, MissingRequiredPropertyIsReported) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  json params = publish_diagnostics();
  params["diagnostics"][0].erase("message");
  EXPECT_EQ(
      model->check_notification("textDocument/publishDiagnostics", params),
      std::vector<std::string>{"params.diagnostics[0]: missing required property \"message\""});
}

TEST(MetaModel, PropertyTheModelLacksIsReported) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  json params = publish_diagnostics();
  params["diagnostics"][0]["fix"] = {{"title", "Use None"}};
  EXPECT_EQ(model->check_notification("textDocument/publishDiagnostics", params),
            std::vector<std::string>{"params.diagnostics[0].fix: property not in Diagnostic"});
}

TEST(MetaModel, InitializeResultConforms) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const json result = json::parse(R"({
    "capabilities": {
      "positionEncoding": "utf-16",
      "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
      "hoverProvider": true,
      "codeActionProvider": {"codeActionKinds": ["quickfix"]},
      "executeCommandProvider": {"commands": ["pyfaq.applyFix", "pyfaq.openFaq"]},
      "diagnosticProvider": {"identifier": "pyfaq", "interFileDependencies": false,
                             "workspaceDiagnostics": false}
    },
    "serverInfo": {"name": "pyfaq", "version": "0.1.0"}
  })");
  EXPECT_EQ(model->check_result("initialize", result), kNoProblems);
}

TEST(MetaModel, InitializeResultWithWrongSyncKindNamesTheClosestAlternative) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const json result = {{"capabilities", {{"textDocumentSync", {{"change", 5}}}}}};
  EXPECT_EQ(model->check_result("initialize", result),
            std::vector<std::string>{"result.capabilities.textDocumentSync.change: expected "
                                     "TextDocumentSyncKind (0 | 1 | 2), got 5"});
}

TEST(MetaModel, HoverResultsConform) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const json hover = json::parse(R"({
    "contents": {"kind": "markdown", "value": "**Why are default values shared?**"},
    "range": {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 9}}
  })");
  EXPECT_EQ(model->check_result("textDocument/hover", hover), kNoProblems);
  EXPECT_EQ(model->check_result("textDocument/hover", nullptr), kNoProblems);
}

TEST(MetaModel, HoverWithBadMarkupPointsIntoMarkupContent) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const json hover = {{"contents", {{"kind", "markdown"}, {"value", 5}}}};
  EXPECT_EQ(model->check_result("textDocument/hover", hover),
            std::vector<std::string>{"result.contents.value: expected string, got 5"});
  EXPECT_EQ(model->check_result("textDocument/hover", "text"),
            std::vector<std::string>{"result: expected Hover | null, got \"text\""});
}

TEST(MetaModel, CodeActionsWithDocumentChangesConform) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const json actions = json::parse(R"([{
    "title": "Use None as the default",
    "kind": "quickfix",
    "isPreferred": true,
    "diagnostics": [{"range": {"start": {"line": 4, "character": 0},
                               "end": {"line": 4, "character": 12}},
                     "message": "Mutable default argument"}],
    "edit": {"documentChanges": [{
      "textDocument": {"uri": "file:///project/app.py", "version": null},
      "edits": [{"range": {"start": {"line": 4, "character": 10},
                           "end": {"line": 4, "character": 12}},
                 "newText": "None"}]
    }]}
  }, {"title": "Open the FAQ", "command": "pyfaq.openFaq", "arguments": ["mutable-default"]}])");
  EXPECT_EQ(model->check_result("textDocument/codeAction", actions), kNoProblems);
}

TEST(MetaModel, WindowAndTraceNotificationsConform) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  EXPECT_EQ(model->check_notification("window/showMessage",
                                      {{"type", 1}, {"message", "pyfaq: bad settings"}}),
            kNoProblems);
  EXPECT_EQ(
      model->check_notification("window/logMessage", {{"type", 4}, {"message", "analyzed app.py"}}),
      kNoProblems);
  EXPECT_EQ(model->check_notification("$/logTrace", {{"message", "hover"}, {"verbose", "1 ms"}}),
            kNoProblems);
  EXPECT_EQ(model->check_notification("exit", nullptr), kNoProblems);
}

TEST(MetaModel, UnknownMethodsAreProblemsExceptDollarSlash) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  EXPECT_TRUE(model->knows_method("$/progress"));
  EXPECT_TRUE(model->knows_method("textDocument/hover"));
  EXPECT_FALSE(model->knows_method("pyfaq/explain"));
  EXPECT_EQ(model->check_notification("pyfaq/explain", json::object()),
            std::vector<std::string>{"method: unknown method \"pyfaq/explain\""});
  EXPECT_EQ(model->check_notification("$/pyfaq/status", json::object()), kNoProblems);
  EXPECT_EQ(model->check_notification("textDocument/hover", json::object()),
            std::vector<std::string>{"method: \"textDocument/hover\" is a request in LSP 3.17"});
}

TEST(MetaModel, MessagesAreCheckedWholeWithTheRequestMethodOfResponses) {
  const MetaModel* model = shared_model();
  if (model == nullptr) GTEST_SKIP() << kModelMissing;
  const auto method_of = [](const json& id) -> std::optional<std::string> {
    if (id == 1) return "textDocument/hover";
    return std::nullopt;
  };
  const json invalid_params = json::parse(
      R"({"jsonrpc": "2.0", "id": 1, "error": {"code": -32602, "message": "bad position"}})");
  EXPECT_EQ(model->check_message(invalid_params, method_of), kNoProblems);

  EXPECT_EQ(model->check_message({{"jsonrpc", "2.0"}, {"id", 1}, {"result", nullptr}}, method_of),
            kNoProblems);
  EXPECT_EQ(model->check_message({{"jsonrpc", "2.0"}, {"id", 1}, {"result", 5}}, method_of),
            std::vector<std::string>{"result: expected Hover | null, got 5"});
  // An id the callback does not know: the result goes unchecked.
  EXPECT_EQ(model->check_message({{"jsonrpc", "2.0"}, {"id", 2}, {"result", 5}}, method_of),
            kNoProblems);
  EXPECT_EQ(
      model->check_message(
          {{"jsonrpc", "2.0"}, {"id", 3}, {"error", {{"code", "x"}, {"message", "m"}}}}, method_of),
      std::vector<std::string>{"error.code: expected integer, got \"x\""});

  const json log = {{"jsonrpc", "2.0"},
                    {"method", "window/logMessage"},
                    {"params", {{"type", 9}, {"message", "m"}}}};
  EXPECT_EQ(
      model->check_message(log, method_of),
      std::vector<std::string>{"params.type: expected MessageType (1 | 2 | 3 | 4 | 5), got 9"});
  EXPECT_EQ(
      model->check_message({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "shutdown"}}, method_of),
      kNoProblems);
}

TEST(MetaModel, MissingFileLoadsNothing) {
  EXPECT_FALSE(MetaModel::load("/nonexistent/metaModel.json").has_value());
}

}  // namespace
}  // namespace pyfaq::testing
