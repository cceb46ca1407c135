// .gitignore patterns as git documents them, and the folder walk that honours them.
#include "lsp/files/gitignore.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "lsp/files/python_files.h"
#include "tests/unit/temp_folder.h"

namespace pyfaq::files {
namespace {

namespace fs = std::filesystem;

struct GlobCase {
  const char* pattern;
  const char* path;
  bool matches;
};

TEST(GitignoreGlob, MatchesAsGitDoes) {
  const GlobCase cases[] = {
      {"*.py", "a.py", true},
      {"*.py", "dir/a.py", false},  // `*` stays within one segment
      {"a?c", "abc", true},
      {"a?c", "a/c", false},
      {"[abc].py", "b.py", true},
      {"[!abc].py", "b.py", false},
      {"[!abc].py", "d.py", true},
      {"[a-c]x", "bx", true},
      {"[a-c]x", "dx", false},
      {"**/build", "build", true},
      {"**/build", "a/b/build", true},
      {"build/**", "build/x/y.py", true},
      {"build/**", "build", false},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "a/xb", false},
      {"a**b", "axxb", true},  // not between slashes: like `*`
      {"a**b", "a/b", false},
      {"\\*.py", "*.py", true},
      {"\\*.py", "a.py", false},
      {"[unclosed", "[unclosed", true},
  };
  for (const GlobCase& c : cases) {
    EXPECT_EQ(gitignore_glob_matches(c.pattern, c.path), c.matches)
        << c.pattern << " vs " << c.path;
  }
}

TEST(IgnoreFile, LastMatchingPatternDecides) {
  const IgnoreFile file = IgnoreFile::parse(
      "# a comment\n"
      "\n"
      "*.generated.py\n"
      "!keep.generated.py\n"
      "build/\n"
      "/top.py\n"
      "docs/*.py\n"
      "trailing.py   \n"
      "\\#hash.py\n"
      "\\!bang.py\r\n");
  EXPECT_EQ(file.decide("x.generated.py", false), true);
  EXPECT_EQ(file.decide("pkg/x.generated.py", false), true);      // no slash: any depth
  EXPECT_EQ(file.decide("pkg/keep.generated.py", false), false);  // re-included
  EXPECT_EQ(file.decide("build", true), true);
  EXPECT_EQ(file.decide("build", false), std::nullopt);  // a file named build: folders only
  EXPECT_EQ(file.decide("src/build", true), true);
  EXPECT_EQ(file.decide("top.py", false), true);
  EXPECT_EQ(file.decide("pkg/top.py", false), std::nullopt);  // anchored to the file's folder
  EXPECT_EQ(file.decide("docs/a.py", false), true);
  EXPECT_EQ(file.decide("pkg/docs/a.py", false), std::nullopt);  // a middle slash anchors too
  EXPECT_EQ(file.decide("trailing.py", false), true);
  EXPECT_EQ(file.decide("#hash.py", false), true);
  EXPECT_EQ(file.decide("!bang.py", false), true);
  EXPECT_EQ(file.decide("other.py", false), std::nullopt);
}

class WalkTree : public testing::TempFolderTest {
 protected:
  std::vector<std::string> walk(const WalkOptions& options = {}) {
    std::vector<std::string> found;
    for (const fs::path& file : find_python_files(root_, options).files) {
      found.push_back(file.lexically_relative(root_).generic_string());
    }
    return found;
  }
};

TEST_F(WalkTree, HonoursNestedGitignoreFilesAndNegation) {
  write(".gitignore", "secret/\n*.gen.py\n!keep.gen.py\n/only_top.py\n");
  write("a.py");
  write("secret/b.py");
  write("pkg/c.gen.py");
  write("pkg/keep.gen.py");
  write("only_top.py");
  write("pkg/only_top.py");
  write("pkg/.gitignore", "private_*.py\n!private_ok.py\n");
  write("pkg/private_x.py");
  write("pkg/private_ok.py");
  write("other/private_x.py");  // the nested file rules only its own folder
  EXPECT_EQ(walk(), (std::vector<std::string>{"a.py", "other/private_x.py", "pkg/keep.gen.py",
                                              "pkg/only_top.py", "pkg/private_ok.py"}));
  WalkOptions everything;
  everything.respect_gitignore = false;
  EXPECT_EQ(walk(everything).size(), 9u);
}

TEST_F(WalkTree, DeeperIgnoreFilesOverrideHigherOnes) {
  write(".gitignore", "*.py\n");
  write("a.py");
  write("pkg/.gitignore", "!*.py\n");
  write("pkg/b.py");
  EXPECT_EQ(walk(), (std::vector<std::string>{"pkg/b.py"}));
}

TEST_F(WalkTree, ReadsGitInfoExclude) {
  write(".git/info/exclude", "local.py\n");
  write("local.py");
  write("kept.py");
  EXPECT_EQ(walk(), (std::vector<std::string>{"kept.py"}));
}

TEST_F(WalkTree, ExcludedCallbackPrunesFoldersAndFiles) {
  write("build/a.py");
  write("src/b.py");
  write("src/c_pb2.py");
  WalkOptions options;
  std::vector<std::string> asked;
  options.excluded = [&](const fs::path& path, bool is_folder) {
    const std::string name = path.filename().string();
    if (is_folder) asked.push_back(name);
    return name == "build" || name.ends_with("_pb2.py");
  };
  EXPECT_EQ(walk(options), (std::vector<std::string>{"src/b.py"}));
  EXPECT_EQ(asked, (std::vector<std::string>{"build", "src"}));
}

TEST_F(WalkTree, IsLeftOutAgreesWithTheWalk) {
  write(".gitignore", "gen/\n*.tmp.py\n");
  write("pkg/.gitignore", "local_*.py\n");
  write("a.py");
  write("gen/b.py");
  write("pkg/x.tmp.py");
  write("pkg/local_c.py");
  write("pkg/d.py");
  write(".hidden/e.py");
  write("node_modules/f.py");
  write("venv/pyvenv.cfg");
  write("venv/g.py");
  write("notes.txt");
  const std::vector<std::string> walked = walk();
  for (const char* relative : {"a.py", "gen/b.py", "pkg/x.tmp.py", "pkg/local_c.py", "pkg/d.py",
                               ".hidden/e.py", "node_modules/f.py", "venv/g.py", "notes.txt"}) {
    const bool in_walk =
        std::find(walked.begin(), walked.end(), std::string(relative)) != walked.end();
    EXPECT_EQ(is_left_out(root_, root_ / relative), !in_walk) << relative;
  }
  EXPECT_TRUE(is_left_out(root_, root_.parent_path() / "outside.py"));
  EXPECT_EQ(walked, (std::vector<std::string>{"a.py", "pkg/d.py"}));
}

TEST_F(WalkTree, StopsWhenAskedTo) {
  write("a.py");
  write("b/c.py");
  std::atomic<bool> stop{true};
  WalkOptions options;
  options.stop = &stop;
  EXPECT_TRUE(walk(options).empty());
}

}  // namespace
}  // namespace pyfaq::files
