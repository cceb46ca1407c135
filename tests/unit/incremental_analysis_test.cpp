// After every edit of long random edit sequences, re-analysing from the previous analysis gives
// exactly the findings of a from-scratch analysis.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "knowledge/analysis.h"
#include "knowledge/incremental.h"
#include "tests/support/findings_text.h"
#include "tests/unit/test_files.h"

namespace pyfaq::knowledge {
namespace {

namespace fs = std::filesystem;

using testing::describe;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

/// Byte offsets where lines start.
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
  }
  return starts;
}

std::size_t indentation(std::string_view text, std::size_t line_start) {
  std::size_t end = line_start;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return end - line_start;
}

std::string trim_left(const std::string& line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first == std::string::npos ? std::string("\n") : line.substr(first);
}

/// Whether a line is a whole simple statement: brackets balanced, not opening a block nor
/// continuing on the next line.
bool is_simple_statement(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  line.remove_prefix(first);
  if (line.find('#') != std::string_view::npos) line = line.substr(0, line.find('#'));
  while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty() || line.front() == '@') return false;
  if (line.back() == ':' || line.back() == ',' || line.back() == '\\') return false;
  for (const std::string_view keyword :
       {"def ", "class ", "else", "elif ", "except", "finally", "case ", "\"\"\"", "'''"}) {
    if (line.starts_with(keyword)) return false;
  }
  int depth = 0, quotes = 0;
  for (const char c : line) {
    depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
    quotes += c == '"';
    if (depth < 0) return false;
  }
  return depth == 0 && quotes % 2 == 0;
}

/// The statements directly in the blocks of defs: where someone writing a function edits.
std::vector<TSNode> statements_in_functions(TSNode root) {
  std::vector<TSNode> statements;
  std::vector<TSNode> pending{root};
  std::vector<bool> in_function{false};
  while (!pending.empty()) {
    const TSNode node = pending.back();
    const bool inside = in_function.back();
    pending.pop_back();
    in_function.pop_back();
    const bool is_def = std::string_view(ts_node_type(node)) == "function_definition";
    const bool is_block = std::string_view(ts_node_type(node)) == "block";
    for (uint32_t i = ts_node_named_child_count(node); i-- > 0;) {
      const TSNode child = ts_node_named_child(node, i);
      if (is_block && inside && std::string_view(ts_node_type(child)) != "comment") {
        statements.push_back(child);
      }
      pending.push_back(child);
      in_function.push_back(inside || is_def);
    }
  }
  return statements;
}

/// Edits an editor makes while someone writes Python. `Anything`: lines of real rule-triggering
/// code typed in at a line's indentation, lines deleted, a few characters typed or removed
/// (breaking the syntax for a while), now and then a keyword that changes what the module binds
/// (`global`, `import`). `Statements`: whole simple statements typed in, deleted or commented
/// inside function bodies, which keeps the code valid.
class RandomEditor {
 public:
  enum class Style { Anything, Statements };

  RandomEditor(std::vector<std::string> snippets, uint32_t seed, Style style)
      : snippets_(std::move(snippets)), random_(seed), style_(style) {
    if (style_ == Style::Statements) {
      std::erase_if(snippets_, [](const std::string& line) { return !is_simple_statement(line); });
    }
  }

  void edit(grammar::Document& document) {
    if (style_ == Style::Statements) {
      edit_statement(document);
    } else {
      edit_anything(document);
    }
  }

 private:
  void edit_statement(grammar::Document& document) {
    const std::vector<TSNode> statements = statements_in_functions(document.root());
    if (statements.empty()) return;
    const TSNode statement = statements[pick(statements.size())];
    const std::string_view text = document.text();
    const std::size_t start = ts_node_start_byte(statement);
    const std::size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1) + 1;
    const std::string indent(start - line_start, ' ');
    switch (pick(4)) {
      case 0:
      case 1:  // a statement typed in before this one
        document.edit({start, start}, trim_left(snippets_[pick(snippets_.size())]) + indent);
        break;
      case 2: {  // this statement deleted, when it is simple and not alone in its block
        const std::size_t end = ts_node_end_byte(statement);
        if (ts_node_named_child_count(ts_node_parent(statement)) < 2 ||
            !is_simple_statement(text.substr(start, end - start))) {
          return;
        }
        std::size_t line_end = text.find('\n', end);
        line_end = line_end == std::string_view::npos ? text.size() : line_end + 1;
        document.edit({line_start, line_end}, "");
        break;
      }
      default:  // a comment line before it
        document.edit({start, start}, "# note\n" + indent);
        break;
    }
  }

  void edit_anything(grammar::Document& document) {
    const std::string_view text = document.text();
    const std::vector<std::size_t> starts = line_starts(text);
    const std::size_t line = pick(starts.size());
    const std::size_t start = starts[line];
    const std::size_t indent = indentation(text, start);
    const std::size_t line_end = line + 1 < starts.size() ? starts[line + 1] : text.size();
    switch (pick(10)) {
      case 0:
      case 1:
      case 2: {  // a line of code typed in at this line's indentation
        const std::string snippet = trim_left(snippets_[pick(snippets_.size())]);
        document.edit({start, start}, std::string(text.substr(start, indent)) + snippet);
        break;
      }
      case 3:
      case 4:  // a line deleted
        document.edit({start, line_end}, "");
        break;
      case 5: {  // a few characters typed inside the line
        static constexpr std::string_view kTyped[] = {"x",     " + 1", "(",   ")",    "[0]", ", y",
                                                      "self.", "'",    "0.1", " == ", ":"};
        const std::size_t at = start + indent + pick(line_end - start - indent + 1);
        document.edit({std::min(at, line_end), std::min(at, line_end)},
                      std::string(kTyped[pick(std::size(kTyped))]));
        break;
      }
      case 6: {  // a few characters removed
        const std::size_t at = start + pick(line_end - start + 1);
        const std::size_t end = std::min(line_end, at + 1 + pick(4));
        document.edit({std::min(at, end), end}, "");
        break;
      }
      case 7: {  // a comment line
        document.edit({start, start}, std::string(text.substr(start, indent)) + "# note\n");
        break;
      }
      case 8: {  // what the module binds or imports changes, now and then
        if (pick(3) != 0) break;
        static constexpr std::string_view kModuleLevel[] = {
            "global counter\n", "import threading\n", "counter = 0\n", "import os\n",
            "from signal import signal\n"};
        document.edit({start, start}, std::string(text.substr(start, indent)) +
                                          std::string(kModuleLevel[pick(std::size(kModuleLevel))]));
        break;
      }
      default: {  // a line pasted from elsewhere in the file, at its own indentation
        const std::size_t from = starts[pick(starts.size())];
        const std::size_t from_end =
            std::find(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), '\n') -
            text.begin();
        std::string pasted(text.substr(from, from_end - from));
        pasted += "\n";
        document.edit({start, start}, pasted);
        break;
      }
    }
  }

  std::size_t pick(std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

  std::vector<std::string> snippets_;
  std::mt19937 random_;
  Style style_;
};

struct Counts {
  int edits = 0, incremental = 0, with_findings = 0;
  int valid_edits = 0, valid_incremental = 0;  // between two versions without syntax errors
  std::map<std::string, int> from_scratch;     // why, how often
};

/// Applies `edits` random edits to `source`, re-analysing after each from the previous result,
/// and checks every result against a from-scratch analysis.
void check_random_edits(const std::string& name, const std::string& source,
                        const std::vector<std::string>& snippets, const RuleSet& rules,
                        uint32_t seed, int edits, RandomEditor::Style style, Counts& counts) {
  RandomEditor editor(snippets, seed, style);
  auto before = std::make_unique<grammar::Document>(source);
  AnalysisResult previous =
      analyze_document(*before, grammar::SemanticModel::build(*before), rules);
  for (int step = 0; step < edits; ++step) {
    auto after = std::make_unique<grammar::Document>(*before);
    editor.edit(*after);
    const AnalysisResult result = reanalyze(*before, previous, *after, rules);
    const AnalysisResult expected =
        analyze_document(*after, grammar::SemanticModel::build(*after), rules);
    ASSERT_EQ(describe(result.findings), describe(expected.findings))
        << name << ", seed " << seed << ", edit " << step
        << (result.incremental ? " (re-analysed incrementally)" : "") << "; text now:\n"
        << after->text();
    ++counts.edits;
    const bool redone = result.incremental && result.reanalysed_units > 0;
    counts.incremental += redone;
    if (!ts_node_has_error(before->root()) && !ts_node_has_error(after->root())) {
      ++counts.valid_edits;
      counts.valid_incremental += redone;
    }
    counts.with_findings += !expected.findings.empty();
    if (!result.why_from_scratch.empty())
      ++counts.from_scratch[std::string(result.why_from_scratch)];
    previous = result;
    before = std::move(after);
  }
}

std::vector<std::string> nonblank_lines(const std::vector<fs::path>& sources) {
  std::vector<std::string> lines;
  for (const fs::path& path : sources) {
    for (std::string& line : lines_of(testing::read_file(path))) {
      if (line.find_first_not_of(" \t\n") != std::string::npos) lines.push_back(line);
    }
  }
  return lines;
}

void print(const Counts& counts) {
  std::cout << counts.edits << " edits, " << counts.incremental << " re-analysed incrementally, "
            << counts.with_findings << " with tips; between valid versions " << counts.valid_edits
            << " edits, " << counts.valid_incremental << " re-analysed incrementally\n";
  for (const auto& [why, times] : counts.from_scratch) std::cout << times << " x " << why << "\n";
}

/// The module-level defs of every fixture and their imports, in one module: the tips sit in
/// functions, where an edit is re-analysed alone. The threading and signal imports stay out:
/// the rules they enable read the whole module.
std::string functions_of(const std::vector<fs::path>& sources) {
  std::string imports, defs;
  for (const fs::path& path : sources) {
    const grammar::Document document(testing::read_file(path));
    const TSNode root = document.root();
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      const TSNode statement = ts_node_named_child(root, i);
      const std::string_view type = ts_node_type(statement);
      const std::string text(
          document.text().substr(ts_node_start_byte(statement),
                                 ts_node_end_byte(statement) - ts_node_start_byte(statement)));
      if (type == "function_definition" && text.find("thread") == std::string::npos &&
          text.find("signal") == std::string::npos) {
        defs += text + "\n\n\n";
      } else if ((type == "import_statement" || type == "import_from_statement") &&
                 text.find("thread") == std::string::npos &&
                 text.find("signal") == std::string::npos &&
                 text.find("concurrent") == std::string::npos) {
        imports += text + "\n";
      }
    }
  }
  return imports + "\n\n" + defs;
}

TEST(IncrementalAnalysis, RandomEditsOfTheRuleFixturesGiveTheFindingsOfAFreshAnalysis) {
  const RuleSet rules = RuleSet::all();
  const std::vector<fs::path> sources = testing::rule_fixture_sources();
  ASSERT_GE(sources.size(), 19u);
  const std::vector<std::string> snippets = nonblank_lines(sources);
  Counts counts;
  uint32_t seed = 1;
  for (const fs::path& path : sources) {
    check_random_edits(path.filename().string(), testing::read_file(path), snippets, rules, seed++,
                       60, RandomEditor::Style::Anything, counts);
    if (HasFatalFailure()) return;
  }
  print(counts);
  EXPECT_GT(counts.with_findings, counts.edits / 2);
  EXPECT_GT(counts.from_scratch.size(), 2u) << "the fall-backs were not exercised";
}

TEST(IncrementalAnalysis, RandomEditsInsideFunctionsAreMostlyReanalysedAlone) {
  const RuleSet rules = RuleSet::all();
  const std::vector<fs::path> sources = testing::rule_fixture_sources();
  const std::string module = functions_of(sources);
  const std::vector<std::string> snippets = nonblank_lines(sources);
  Counts counts;
  for (uint32_t seed = 100; seed < 103; ++seed) {
    check_random_edits("the fixtures' functions", module, snippets, rules, seed, 100,
                       RandomEditor::Style::Statements, counts);
    if (HasFatalFailure()) return;
  }
  print(counts);
  // Worth something only if the incremental path ran often, on code with tips. Syntax errors
  // reshape the tree beyond one function, so count the edits between valid versions.
  EXPECT_GT(counts.valid_edits, counts.edits / 5);
  EXPECT_GT(counts.valid_incremental, counts.valid_edits / 2);
  EXPECT_GT(counts.with_findings, counts.edits / 2);
}

TEST(IncrementalAnalysis, AnEditInOneFunctionRedoesOnlyThatFunction) {
  const RuleSet rules = RuleSet::all();
  grammar::Document before(
      "def f(x=[]):\n    return x\n\n\nclass C:\n    def m(self):\n        return 1\n\n"
      "    def n(self):\n        return [[0] * 3] * 3\n");
  const AnalysisResult previous =
      analyze_document(before, grammar::SemanticModel::build(before), rules);
  ASSERT_EQ(previous.outline.units.size(), 3u);
  grammar::Document after(before);
  const std::size_t at = std::string(before.text()).find("return 1");
  after.edit({at, at}, "y = 2\n        ");
  const AnalysisResult result = reanalyze(before, previous, after, rules);
  EXPECT_TRUE(result.incremental);
  EXPECT_EQ(result.reanalysed_units, 1u);
  const AnalysisResult expected =
      analyze_document(after, grammar::SemanticModel::build(after), rules);
  EXPECT_EQ(describe(result.findings), describe(expected.findings));
  EXPECT_EQ(result.findings.size(), 2u);  // the mutable default and the aliased rows, moved
}

TEST(IncrementalAnalysis, AnEditOutsideEveryBodyAnalysesFromScratch) {
  const RuleSet rules = RuleSet::all();
  grammar::Document before("def f(x=[]):\n    return x\n");
  const AnalysisResult previous =
      analyze_document(before, grammar::SemanticModel::build(before), rules);
  grammar::Document after(before);
  after.edit({0, 0}, "y = 1\n");
  const AnalysisResult result = reanalyze(before, previous, after, rules);
  EXPECT_FALSE(result.incremental);
  EXPECT_EQ(result.findings.size(), 1u);
}

}  // namespace
}  // namespace pyfaq::knowledge
