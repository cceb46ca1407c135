// A fresh folder per test under the system's temporary folder, removed afterwards, with a way
// to write files into it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace pyfaq::testing {

class TempFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance();
    root_ =
        std::filesystem::temp_directory_path() /
        ("pyfaq-test-" + std::to_string(test->random_seed()) + "-" +
         test->current_test_info()->test_suite_name() + "-" + test->current_test_info()->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  /// Writes `content` to `relative` (folders made as needed); returns its path.
  std::filesystem::path write(const std::string& relative, std::string_view content = "") {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::filesystem::path root_;
};

}  // namespace pyfaq::testing
