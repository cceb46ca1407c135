// The FAQ of the installed Python docs, loaded the way the product loads it, for tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"

namespace pyfaq::testing {

/// A fixture whose `index_` is the installed FAQ; fails clearly when python3-doc is missing.
class InstalledFaqTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> problems;
    index_ = docs::load_faq("", problems);
    EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
    ASSERT_EQ(index_.source().kind, knowledge::FaqSourceKind::InstalledDocs)
        << "no installed Python docs: scripts/setup.sh installs python3-doc";
  }
  knowledge::FaqIndex index_;
};

}  // namespace pyfaq::testing
