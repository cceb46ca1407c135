// Project configuration: selectors, globs, severities and per-file ignores, read from real
// pyproject.toml text, and the file search that finds it.
#include "lsp/config/project_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "knowledge/rule.h"
#include "knowledge/rule_selection.h"

namespace pyfaq {
namespace {

namespace fs = std::filesystem;
using knowledge::glob_matches;

const knowledge::RuleInfo& signal_rule() {
  return knowledge::find_rule("PFQ301")->info;
}

TEST(Selectors, CodesPrefixesNamesAndAll) {
  const auto& rule = signal_rule();
  for (const char* selector : {"ALL", "PFQ301", "PFQ3", "PFQ", "signal-handler-arity"}) {
    EXPECT_TRUE(knowledge::selector_matches(selector, rule)) << selector;
  }
  for (const char* selector : {"PFQ1", "PFQ3010", "signal", "301", "", "all"}) {
    EXPECT_FALSE(knowledge::selector_matches(selector, rule)) << selector;
  }
  EXPECT_TRUE(knowledge::is_known_selector("PFQ301"));
  EXPECT_FALSE(knowledge::is_known_selector("PFQ999"));
}

TEST(Globs, SegmentsAndDoubleStars) {
  EXPECT_TRUE(glob_matches("tests/*.py", "tests/test_a.py"));
  EXPECT_FALSE(glob_matches("tests/*.py", "tests/unit/test_a.py"));
  EXPECT_TRUE(glob_matches("tests/**/*.py", "tests/unit/deep/test_a.py"));
  EXPECT_TRUE(glob_matches("tests/**/*.py", "tests/test_a.py"));
  EXPECT_TRUE(glob_matches("**/migrations/*.py", "app/migrations/0001.py"));
  EXPECT_TRUE(glob_matches("**/migrations/*.py", "migrations/0001.py"));
  EXPECT_TRUE(glob_matches("__init__.py", "pkg/sub/__init__.py"));  // no slash: the file name
  EXPECT_FALSE(glob_matches("__init__.py", "pkg/sub/__init__.pyi"));
  EXPECT_TRUE(glob_matches("tests/", "tests/a/b.py"));
  EXPECT_TRUE(glob_matches("./scripts/*", "scripts/run.py"));
  EXPECT_TRUE(glob_matches("a?c.py", "abc.py"));
  EXPECT_FALSE(glob_matches("a?c.py", "a/c.py"));
  EXPECT_FALSE(glob_matches("src/*.py", "lib/src/a.py"));
}

TEST(Selection, PreviewRulesNeedPreviewOrTheirExactName) {
  knowledge::RuleSet rules = knowledge::RuleSet::all();
  knowledge::apply_selection({}, rules);
  for (const auto& entry : rules.entries()) {
    EXPECT_EQ(entry.enabled, entry.definition->info.status == knowledge::RuleStatus::Stable)
        << entry.definition->info.code;
  }
  knowledge::RuleSelection selection;
  selection.select = {"ALL"};
  selection.ignore = {"signal-handler-arity"};
  selection.severities["PFQ301"] = knowledge::Severity::Hint;
  knowledge::apply_selection(selection, rules);
  EXPECT_FALSE(rules.is_enabled("PFQ301"));  // ignore wins
  EXPECT_EQ(rules.severity_of(signal_rule()), knowledge::Severity::Hint);
}

config::ProjectConfig parse(std::string_view text) {
  auto config = config::parse_project_config(text, "/project/pyproject.toml");
  EXPECT_TRUE(config.has_value());
  return config.value_or(config::ProjectConfig{});
}

TEST(ProjectConfig, ReadsEveryKey) {
  const auto config = parse(R"toml(
[tool.pyfaq]
select = ["PFQ3"]
extend-select = ["PFQ301"]
ignore = []
preview = true
severity = { signal-handler-arity = "hint" }

[tool.pyfaq.per-file-ignores]
"tests/**" = ["signal-handler-arity"]
)toml");
  ASSERT_TRUE(config.problems.empty()) << config.problems.front();
  EXPECT_EQ(config.selection.select, std::vector<std::string>{"PFQ3"});
  EXPECT_EQ(config.selection.extend_select, std::vector<std::string>{"PFQ301"});
  EXPECT_TRUE(config.selection.preview);
  EXPECT_EQ(config.selection.severities.at("PFQ301"), knowledge::Severity::Hint);
  ASSERT_EQ(config.selection.per_file_ignores.size(), 1u);
  EXPECT_EQ(knowledge::ignored_for_file(config.selection, "tests/unit/a.py"),
            std::vector<std::string>{"PFQ301"});
  EXPECT_TRUE(knowledge::ignored_for_file(config.selection, "src/a.py").empty());

  const knowledge::RuleSet all = knowledge::RuleSet::all();
  EXPECT_FALSE(config.rules_for("/project/tests/test_a.py", all).is_enabled("PFQ301"));
  EXPECT_TRUE(config.rules_for("/project/src/a.py", all).is_enabled("PFQ301"));
  EXPECT_EQ(config.relative_path("/elsewhere/a.py"), "");
}

TEST(ProjectConfig, DescribesEveryProblemAndKeepsTheRest) {
  const auto config = parse(R"toml(
[tool.pyfaq]
select = ["PFQ301", "PFQ999", 7]
ignore = "PFQ301"
preview = "yes"
colour = "blue"
severity = { PFQ301 = "loud", no-such-rule = "hint" }
per-file-ignores = ["tests"]
)toml");
  const std::vector<std::string> expected{
      "tool.pyfaq.select: unknown rule `PFQ999`",
      "tool.pyfaq.select must be a list of rule codes or names",
      "tool.pyfaq.ignore must be a list of rule codes or names",
      "tool.pyfaq.preview must be true or false",
      "unknown setting tool.pyfaq.colour",
      "tool.pyfaq.severity.PFQ301 must be \"hint\", \"information\" or \"warning\"",
      "tool.pyfaq.severity: unknown rule `no-such-rule`",
      "tool.pyfaq.per-file-ignores must be a table of glob = [rules]"};
  for (const std::string& problem : expected) {
    EXPECT_NE(std::find(config.problems.begin(), config.problems.end(), problem),
              config.problems.end())
        << "missing: " << problem;
  }
  EXPECT_EQ(config.problems.size(), expected.size());
  EXPECT_EQ(config.selection.select, std::vector<std::string>{"PFQ301"});
}

TEST(ProjectConfig, ExcludeLeavesOutFilesAndFoldersOfTheProject) {
  const auto config = parse(R"toml(
[tool.pyfaq]
exclude = ["build", "*_pb2.py", "src/generated/**"]
)toml");
  ASSERT_TRUE(config.problems.empty()) << config.problems.front();
  EXPECT_TRUE(config.excludes("/project/build"));  // a name matches at any depth
  EXPECT_TRUE(config.excludes("/project/pkg/build"));
  EXPECT_TRUE(config.excludes("/project/pkg/api_pb2.py"));
  EXPECT_TRUE(config.excludes("/project/src/generated/x/y.py"));
  EXPECT_FALSE(config.excludes("/project/src/main.py"));
  EXPECT_FALSE(config.excludes("/elsewhere/build"));  // outside the project
  const auto wrong = parse("[tool.pyfaq]\nexclude = \"build\"\n");
  EXPECT_EQ(wrong.problems, std::vector<std::string>{"tool.pyfaq.exclude must be a list of globs"});
}

TEST(ProjectConfig, BrokenTomlIsAProblemNotAFailure) {
  const auto config = parse("[tool.pyfaq]\nselect = [\"PFQ301\"\n");
  ASSERT_EQ(config.problems.size(), 1u);
  EXPECT_TRUE(config.problems.front().starts_with("line ")) << config.problems.front();
  EXPECT_TRUE(config.selection.select.empty());
}

TEST(ProjectConfig, OtherToolsTablesAreNotOurs) {
  EXPECT_FALSE(
      config::parse_project_config("[tool.ruff]\nselect = [\"E\"]\n", "/p/pyproject.toml"));
  EXPECT_FALSE(config::parse_project_config("# [tool.pyfaq] in a comment\n[project]\n", "/p/x"));
}

TEST(ProjectConfig, NearestFileWithOurTableWithinTheStopFolder) {
  const fs::path root = fs::temp_directory_path() / ("pyfaq-config-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "app" / "pkg" / "sub");
  std::ofstream(root / "pyproject.toml") << "[tool.pyfaq]\nignore = [\"PFQ301\"]\n";
  std::ofstream(root / "app" / "pyproject.toml") << "[tool.ruff]\n";  // not ours: skipped
  EXPECT_EQ(config::find_project_config(root / "app" / "pkg" / "sub", std::nullopt),
            fs::canonical(root / "pyproject.toml"));
  // The server never reads above the workspace folder.
  EXPECT_EQ(config::find_project_config(root / "app" / "pkg" / "sub", root / "app"), std::nullopt);
  const auto config = config::read_project_config(root / "pyproject.toml");
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->selection.ignore, std::vector<std::string>{"PFQ301"});
  fs::remove_all(root);
}

}  // namespace
}  // namespace pyfaq
