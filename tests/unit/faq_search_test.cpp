// FAQ search ranking over the installed docs: the entry a person means comes first.
#include <gtest/gtest.h>

#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"
#include "tests/unit/installed_faq.h"

namespace pyfaq::knowledge {
namespace {

class FaqSearch : public testing::InstalledFaqTest {
 protected:
  std::string first(std::string_view query) const {
    const auto matches = index_.search(query, 5);
    return matches.empty() ? "(nothing)"
                           : matches.front().entry->doc + "#" + matches.front().entry->anchor;
  }
};

TEST_F(FaqSearch, TheMeantEntryComesFirst) {
  EXPECT_EQ(first("gil"), "library#can-t-we-get-rid-of-the-global-interpreter-lock");
  EXPECT_EQ(first("delete file"), "library#how-do-i-delete-a-file-and-other-file-questions");
  EXPECT_EQ(first("os.remove"), "library#how-do-i-delete-a-file-and-other-file-questions");
  EXPECT_EQ(first("signal handler"), "library#why-don-t-my-signal-handlers-work");
  EXPECT_EQ(first("default values shared"),
            "programming#why-are-default-values-shared-between-objects");
  EXPECT_EQ(first("lambda loop"),
            "programming#why-do-lambdas-defined-in-a-loop-with-different-values-all-return-the-"
            "same-result");
  EXPECT_EQ(first("UnboundLocalError"),
            "programming#why-am-i-getting-an-unboundlocalerror-when-the-variable-has-a-value");
  EXPECT_EQ(first("copy a file"), "library#how-do-i-copy-a-file");
}

TEST_F(FaqSearch, ThreadFindsTheThreadEntries) {
  const auto matches = index_.search("thread", 5);
  ASSERT_GE(matches.size(), 3u);
  bool programming_with_threads = false;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NE(matches[i].entry->title.find("thread"), std::string::npos) << matches[i].entry->title;
    programming_with_threads |= matches[i].entry->anchor == "how-do-i-program-using-threads";
  }
  EXPECT_TRUE(programming_with_threads);
}

TEST_F(FaqSearch, TheWordBeingTypedMatchesAsAPrefix) {
  EXPECT_EQ(first("signal hand"), "library#why-don-t-my-signal-handlers-work");
  EXPECT_EQ(first("multidim"), "programming#how-do-i-create-a-multidimensional-list");
}

TEST_F(FaqSearch, NothingForNoise) {
  EXPECT_TRUE(index_.search("", 5).empty());
  EXPECT_TRUE(index_.search("zzqqxx", 5).empty());
  EXPECT_TRUE(index_.search("  ...  ", 5).empty());
}

TEST(FaqSearchTitlesOnly, RanksByTitleWithoutTheDocs) {
  const FaqIndex titles = FaqIndex::titles_only();
  const auto matches = titles.search("delete a file", 3);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.front().entry->anchor, "how-do-i-delete-a-file-and-other-file-questions");
}

}  // namespace
}  // namespace pyfaq::knowledge
