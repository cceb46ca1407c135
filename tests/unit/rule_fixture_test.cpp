// Rule fixtures: every `# expect: rule` line gets exactly that tip and no other line gets one;
// every fix parses and silences its tip; the full report matches the reviewed snapshot.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "grammar/document.h"
#include "knowledge/analysis.h"
#include "lsp/cli/check_command.h"
#include "lsp/cli/check_report.h"
#include "tests/unit/test_files.h"

namespace pyfaq {
namespace {

namespace fs = std::filesystem;
using Expectations = std::multiset<std::pair<std::size_t, std::string>>;  // (line, rule name)

Expectations expected_in(const std::string& text) {
  Expectations expected;
  std::istringstream lines(text);
  std::string line;
  for (std::size_t number = 0; std::getline(lines, line); ++number) {
    constexpr std::string_view kMarker = "# expect: ";
    const auto at = line.find(kMarker);
    if (at == std::string::npos || number < 2) continue;  // the header explains the marker
    std::istringstream names(line.substr(at + kMarker.size()));
    for (std::string name; std::getline(names, name, ',');) {
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      expected.emplace(number + 1, name);
    }
  }
  return expected;
}

Expectations actual_in(const grammar::Document& document,
                       const std::vector<knowledge::Finding>& findings) {
  Expectations actual;
  for (const auto& finding : findings) {
    actual.emplace(document.buffer().line_of(finding.range.start) + 1,
                   std::string(finding.rule->name));
  }
  return actual;
}

std::string describe(const Expectations& set) {
  std::string out;
  for (const auto& [line, name] : set) out += "  line " + std::to_string(line) + ": " + name + "\n";
  return out.empty() ? "  (none)\n" : out;
}

class RuleFixture : public ::testing::TestWithParam<fs::path> {
 protected:
  const knowledge::RuleSet rules = knowledge::RuleSet::all();
};

TEST_P(RuleFixture, TipsLandExactlyOnExpectedLines) {
  const std::string text = pyfaq::testing::read_file(GetParam());
  const grammar::Document document(text);
  const auto findings = knowledge::analyze(document, rules);
  const Expectations expected = expected_in(text);
  const Expectations actual = actual_in(document, findings);
  ASSERT_FALSE(expected.empty()) << "a fixture needs at least one expected tip";
  Expectations missing, unexpected;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::inserter(unexpected, unexpected.end()));
  EXPECT_TRUE(missing.empty()) << "expected but not reported:\n" << describe(missing);
  EXPECT_TRUE(unexpected.empty()) << "reported but not expected:\n" << describe(unexpected);
}

TEST_P(RuleFixture, EveryFixParsesAndSilencesItsTip) {
  const std::string text = pyfaq::testing::read_file(GetParam());
  const grammar::Document document(text);
  for (const auto& finding : knowledge::analyze(document, rules)) {
    if (!finding.fix) continue;
    grammar::Document fixed(text);
    auto edits = finding.fix->edits;
    std::sort(edits.begin(), edits.end(),
              [](const auto& a, const auto& b) { return a.range.start > b.range.start; });
    for (const auto& edit : edits) fixed.edit(edit.range, edit.replacement);
    const std::size_t line = document.buffer().line_of(finding.range.start);
    EXPECT_EQ(ts_node_has_error(fixed.root()), ts_node_has_error(document.root()))
        << "fix for line " << line + 1 << " broke the syntax:\n"
        << fixed.text();
    for (const auto& after : knowledge::analyze(fixed, rules)) {
      EXPECT_FALSE(after.rule == finding.rule && fixed.buffer().line_of(after.range.start) == line)
          << "fix \"" << finding.fix->title << "\" left the tip on line " << line + 1;
    }
  }
}

// The full report (code frame, fix diff, FAQ link) is reviewed by a person once, then kept:
// PYFAQ_UPDATE_SNAPSHOTS=1 rewrites it; scripts/review-snapshots.sh shows the difference.
TEST_P(RuleFixture, FullReportMatchesSnapshot) {
  const fs::path fixture = GetParam();
  cli::FileResult result = cli::check_file(fixture, true, rules);
  result.path = fixture.filename();
  result.docs_version = knowledge::kDefaultDocsVersion;
  std::ostringstream out, err;
  cli::write_report(cli::OutputFormat::Full, knowledge::kDefaultDocsVersion, {}, {&result, 1}, out,
                    err);
  fs::path snapshot = fixture;
  snapshot.replace_extension(".snap");
  if (std::getenv("PYFAQ_UPDATE_SNAPSHOTS")) {
    std::ofstream(snapshot, std::ios::binary) << out.str();
    GTEST_SKIP() << "rewrote " << snapshot;
  }
  ASSERT_TRUE(fs::exists(snapshot)) << "no snapshot yet: run with PYFAQ_UPDATE_SNAPSHOTS=1";
  EXPECT_EQ(out.str(), pyfaq::testing::read_file(snapshot))
      << "snapshot " << snapshot.filename() << " is out of date";
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture,
                         ::testing::ValuesIn(pyfaq::testing::rule_fixture_sources()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace pyfaq
