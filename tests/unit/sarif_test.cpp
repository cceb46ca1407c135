// SARIF output: the shape GitHub code scanning requires, checked on a real run of `check`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/cli/check_command.h"
#include "lsp/cli/sarif_report.h"

namespace pyfaq::cli {
namespace {

namespace fs = std::filesystem;

TEST(Sarif, ArtifactUrisAreEncoded) {
  EXPECT_EQ(artifact_uri("src/app.py"), "src/app.py");
  EXPECT_EQ(artifact_uri("my dir/caf\xc3\xa9.py"), "my%20dir/caf%C3%A9.py");
  EXPECT_EQ(artifact_uri("/abs/a#b.py"), "file:///abs/a%23b.py");
}

TEST(Sarif, ARunWithRulesResultsFixesAndNotifications) {
  const fs::path dir = fs::temp_directory_path() / ("pyfaq-sarif-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.py") << "import signal\n\ndef h():\n    pass\n\n"
                                 "signal.signal(signal.SIGTERM, h)\n";
  std::ofstream(dir / "b.py") << std::string("x = 1\0\n", 7);
  CheckOptions options;
  options.paths = {dir.string()};
  options.format = OutputFormat::Sarif;
  options.isolated = true;
  options.docs_version = "3.12";
  std::ostringstream out, err;
  EXPECT_EQ(run_check(options, out, err), 1);
  const auto log = nlohmann::json::parse(out.str());
  fs::remove_all(dir);

  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "pyfaq");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_FALSE(rules.empty());
  for (const auto& rule : rules) {
    EXPECT_TRUE(rule["id"].is_string());
    EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
    EXPECT_TRUE(
        rule["helpUri"].get<std::string>().starts_with("https://docs.python.org/3.12/faq/"));
    EXPECT_TRUE(rule["help"]["markdown"].get<std::string>().find("## What it does") !=
                std::string::npos);
  }
  ASSERT_EQ(run["results"].size(), 1u);
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "PFQ301");
  EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], "PFQ301");
  EXPECT_EQ(result["level"], "warning");
  const auto& location = result["locations"][0]["physicalLocation"];
  EXPECT_TRUE(location["artifactLocation"]["uri"].get<std::string>().ends_with("/a.py"));
  EXPECT_EQ(location["region"]["startLine"], 6);
  EXPECT_EQ(location["region"]["startColumn"], 31);
  EXPECT_EQ(location["region"]["endColumn"], 32);
  const auto& replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["startLine"], 3);
  EXPECT_EQ(replacement["insertedContent"]["text"], "signum, frame");
  const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1u);  // b.py holds a NUL byte: skipped, and said so
  EXPECT_EQ(notes[0]["level"], "warning");
}

}  // namespace
}  // namespace pyfaq::cli
