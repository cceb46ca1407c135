// The installed docs' Sphinx inventory: Python objects to the pages that document them.
#include "lsp/docs/inventory.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "lsp/docs/faq_docs.h"

namespace pyfaq::docs {
namespace {

TEST(Inventory, ReadsTheInstalledDocsInventory) {
  const auto folder = installed_faq_folder();
  ASSERT_TRUE(folder.has_value()) << "python3-doc is needed";
  const auto path =
      std::filesystem::path(folder->first).parent_path().parent_path() / "objects.inv";
  const auto inventory = Inventory::load(path.string());
  ASSERT_TRUE(inventory.has_value()) << path;
  EXPECT_GT(inventory->size(), 5000u);
  EXPECT_EQ(inventory->page_of("os.remove"), "library/os.html#os.remove");
  EXPECT_EQ(inventory->page_of("threading.Thread"), "library/threading.html#threading.Thread");
  EXPECT_EQ(inventory->page_of("no.such.thing"), std::nullopt);
}

TEST(Inventory, RefusesWhatIsNotOne) {
  EXPECT_FALSE(Inventory::load("/no/such/objects.inv").has_value());
  EXPECT_FALSE(Inventory::load("/etc/hostname").has_value());
}

}  // namespace
}  // namespace pyfaq::docs
