// The Sphinx inventory (`objects.inv`) shipped with the Python docs: which page documents each
// Python object, so that the FAQ's role mentions (`:func:\`os.remove\``) can link to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pyfaq::docs {

class Inventory {
 public:
  /// Reads a version 2 inventory; nullopt when the file is missing or not one.
  static std::optional<Inventory> load(const std::string& path);

  /// The page of a Python object relative to the docs root ("library/os.html#os.remove").
  std::optional<std::string> page_of(std::string_view name) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::string text_;  // the inflated inventory; entries_ are views into it
  std::vector<std::pair<std::string_view, std::string_view>> entries_;  // sorted (name, uri)
};

}  // namespace pyfaq::docs
