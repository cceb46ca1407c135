// `pyfaq check` internals: which files a walk takes, and files that cannot be analysed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/analysis.h"
#include "lsp/cli/check_command.h"
#include "lsp/cli/source_files.h"
#include "tests/unit/temp_folder.h"

namespace pyfaq::cli {
namespace {

namespace fs = std::filesystem;

class TempTree : public testing::TempFolderTest {
 protected:
  const knowledge::RuleSet rules_ = knowledge::RuleSet::all();
};

TEST_F(TempTree, WalkTakesPythonFilesAndSkipsToolFolders) {
  write("a.py", "");
  write("pkg/b.pyi", "");
  write("pkg/c.txt", "");
  write(".git/d.py", "");
  write("pkg/__pycache__/e.py", "");
  write("node_modules/f.py", "");
  write("env/pyvenv.cfg", "");
  write("env/lib/g.py", "");
  const SourceFiles found = collect_source_files({root_.string()});
  std::vector<std::string> names;
  for (const auto& file : found.files) names.push_back(file.path.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"a.py", "b.pyi"}));
  EXPECT_TRUE(found.errors.empty());
}

TEST_F(TempTree, WalkNeverFollowsALinkOutOfTheFolder) {
  write("project/a.py", "");
  write("project/pkg/b.py", "");
  write("outside/secret.py", "");
  write("outside/dir/c.py", "");
  fs::create_symlink(root_ / "outside" / "secret.py", root_ / "project" / "leak.py");
  fs::create_directory_symlink(root_ / "outside" / "dir", root_ / "project" / "linked");
  fs::create_symlink(root_ / "project" / "pkg" / "b.py", root_ / "project" / "inside.py");
  fs::create_symlink(root_ / "nowhere.py", root_ / "project" / "dangling.py");
  const SourceFiles found = collect_source_files({(root_ / "project").string()});
  std::vector<std::string> names;
  for (const auto& file : found.files) names.push_back(file.path.filename().string());
  std::sort(names.begin(), names.end());
  // A link to a file inside the folder is read; out of it, or to nothing, it is not.
  EXPECT_EQ(names, (std::vector<std::string>{"a.py", "b.py", "inside.py"}));
}

TEST_F(TempTree, MissingPathsAreErrorsAndTheRestIsKept) {
  write("a.py", "");
  const SourceFiles found = collect_source_files({(root_ / "a.py").string(), "/no/such/pyfaq"});
  EXPECT_EQ(found.files.size(), 1u);
  ASSERT_EQ(found.errors.size(), 1u);
  EXPECT_EQ(found.errors[0].path, "/no/such/pyfaq");
}

TEST_F(TempTree, FilesNamedTwiceAreCheckedOnce) {
  const fs::path a = write("a.py", "");
  const SourceFiles found = collect_source_files({a.string(), a.string()});
  EXPECT_EQ(found.files.size(), 1u);
}

TEST_F(TempTree, InvalidUtf8IsSkippedWithItsPosition) {
  const fs::path path = write("bad.py", "x = 1\ny = 'caf\xe9'\n");
  const FileResult result = check_file(path, false, rules_);
  ASSERT_TRUE(result.skipped.has_value());
  EXPECT_EQ(*result.skipped, "not valid UTF-8 (line 2, column 9)");
  EXPECT_FALSE(result.read_error);
}

TEST_F(TempTree, BinaryAndNonPythonFilesAreSkipped) {
  EXPECT_TRUE(check_file(write("bin.py", std::string("a\0b", 3)), false, rules_).skipped);
  EXPECT_TRUE(check_file(write("notes.txt", "hello"), true, rules_).skipped);
  EXPECT_FALSE(check_file(write("script", "#!/usr/bin/python3\nx = 1\n"), true, rules_).skipped);
}

TEST_F(TempTree, UnreadableFileIsAReadError) {
  const FileResult result = check_file(root_ / "missing.py", true, rules_);
  EXPECT_TRUE(result.read_error);
}

TEST_F(TempTree, ExitCodes) {
  write("clean/a.py", "x = 1\n");
  write("tips/b.py", "import signal\nsignal.signal(2, lambda: 0)\n");
  std::ostringstream out, err;
  EXPECT_EQ(run_check({{(root_ / "clean").string()}}, out, err), 0);
  EXPECT_EQ(run_check({{(root_ / "tips").string()}}, out, err), 1);
  EXPECT_EQ(run_check({{(root_ / "tips").string(), (root_ / "nope").string()}}, out, err), 2);
}

}  // namespace
}  // namespace pyfaq::cli
