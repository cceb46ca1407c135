// `pyfaq check`'s choice of docs version for each file's links.
#include "lsp/cli/link_versions.h"

#include <gtest/gtest.h>

#include "tests/unit/temp_folder.h"

namespace pyfaq::cli {
namespace {

class LinkVersionsTest : public testing::TempFolderTest {};

TEST_F(LinkVersionsTest, EachFileFollowsItsNearestProject) {
  write("work/pyproject.toml", "[project]\nrequires-python = \">=3.12\"\n");
  write("work/old/.python-version", "3.9.18\n");
  LinkVersions versions("", "3.11", true, root_ / "work");
  EXPECT_EQ(versions.version_for(root_ / "work" / "app" / "main.py"), "3.12");
  EXPECT_EQ(versions.version_for(root_ / "work" / "old" / "legacy.py"), "3.9");
  EXPECT_EQ(versions.version_for(root_ / "work" / "old" / "sub" / "x.py"), "3.9");
}

TEST_F(LinkVersionsTest, AskedVersionWinsAndIsolatedReadsNoProject) {
  write("work/.python-version", "3.13\n");
  EXPECT_EQ(LinkVersions("3.10", "3.11", true, root_ / "work").version_for(root_ / "work" / "a.py"),
            "3.10");
  EXPECT_EQ(LinkVersions("", "3.11", false, root_ / "work").version_for(root_ / "work" / "a.py"),
            "3.11");
}

TEST_F(LinkVersionsTest, NothingAboveTheWorkingFolderIsRead) {
  write(".python-version", "3.9\n");
  write("work/pyproject.toml", "[project]\nname = \"no-version\"\n");
  LinkVersions versions("", "3.11", true, root_ / "work");
  EXPECT_EQ(versions.version_for(root_ / "work" / "a.py"), "3.11");
  // A file outside the working folder: only its own folder is looked at.
  write("elsewhere/.python-version", "3.13\n");
  EXPECT_EQ(versions.version_for(root_ / "elsewhere" / "b.py"), "3.13");
  EXPECT_EQ(versions.version_for(root_ / "elsewhere" / "deeper" / "c.py"), "3.11");
}

TEST_F(LinkVersionsTest, UnusableVersionsFallBack) {
  write("work/.python-version", "pypy3.10\n");
  write("work/sub/.python-version", "system\n");
  LinkVersions versions("", "3.11", true, root_ / "work");
  EXPECT_EQ(versions.version_for(root_ / "work" / "a.py"), "3.11");
  EXPECT_EQ(versions.version_for(root_ / "work" / "sub" / "a.py"), "3.11");
}

}  // namespace
}  // namespace pyfaq::cli
