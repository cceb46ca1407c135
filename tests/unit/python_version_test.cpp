// The Python version of a project, which picks the docs version its links point at.
#include "lsp/config/python_version.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/unit/temp_folder.h"

namespace pyfaq::config {
namespace {

namespace fs = std::filesystem;

TEST(PythonVersion, FromRequiresPythonTakesTheLowestAllowed) {
  EXPECT_EQ(docs_version_from_requires_python(">=3.10"), "3.10");
  EXPECT_EQ(docs_version_from_requires_python(">=3.9, <4"), "3.9");
  EXPECT_EQ(docs_version_from_requires_python("<4,>=3.8.1"), "3.8");
  EXPECT_EQ(docs_version_from_requires_python("~=3.11"), "3.11");
  EXPECT_EQ(docs_version_from_requires_python("==3.12.*"), "3.12");
  EXPECT_EQ(docs_version_from_requires_python(">3.7"), "3.7");
  EXPECT_EQ(docs_version_from_requires_python(">=3.8,>=3.10"), "3.10");  // the strictest
  EXPECT_EQ(docs_version_from_requires_python("<3.13"), std::nullopt);   // no lower bound
  EXPECT_EQ(docs_version_from_requires_python(">=2.7"), std::nullopt);   // not Python 3 docs
  EXPECT_EQ(docs_version_from_requires_python("nonsense"), std::nullopt);
  EXPECT_EQ(docs_version_from_requires_python(""), std::nullopt);
}

TEST(PythonVersion, FromPythonVersionFile) {
  EXPECT_EQ(docs_version_from_python_version_file("3.12.1\n"), "3.12");
  EXPECT_EQ(docs_version_from_python_version_file("3.11"), "3.11");
  EXPECT_EQ(docs_version_from_python_version_file("# pinned\n\ncpython-3.13.0\n"), "3.13");
  EXPECT_EQ(docs_version_from_python_version_file("pypy3.10\n"), std::nullopt);
  EXPECT_EQ(docs_version_from_python_version_file("system\n"), std::nullopt);
  EXPECT_EQ(docs_version_from_python_version_file(""), std::nullopt);
}

using ProjectTree = testing::TempFolderTest;

TEST_F(ProjectTree, NearestFileWinsAndPythonVersionFileBeatsPyproject) {
  write("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n");
  write("sub/.python-version", "3.12.2\n");
  write("sub/pyproject.toml", "[project]\nrequires-python = \">=3.10\"\n");
  fs::create_directories(root_ / "pkg/deep");
  fs::create_directories(root_ / "sub/inner");
  const auto top = find_project_python_version(root_ / "pkg/deep", root_);
  ASSERT_TRUE(top);
  EXPECT_EQ(top->version, "3.9");
  EXPECT_EQ(top->source, root_ / "pyproject.toml");
  const auto sub = find_project_python_version(root_ / "sub/inner", root_);
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->version, "3.12");
}

TEST_F(ProjectTree, ReadsNothingAboveTheStopFolder) {
  write("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n");
  fs::create_directories(root_ / "workspace/pkg");
  EXPECT_EQ(find_project_python_version(root_ / "workspace/pkg", root_ / "workspace"),
            std::nullopt);
}

TEST_F(ProjectTree, BrokenOrSilentPyprojectGivesNothing) {
  write("pyproject.toml", "[project\nrequires-python = \">=3.9\"\n");
  EXPECT_EQ(find_project_python_version(root_, root_), std::nullopt);
  write("pyproject.toml", "[project]\nname = \"x\"\n");
  EXPECT_EQ(find_project_python_version(root_, root_), std::nullopt);
}

}  // namespace
}  // namespace pyfaq::config
