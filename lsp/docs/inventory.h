// The Sphinx inventory (`objects.inv`) shipped with the Python docs: which page documents each
// Python object, so that the FAQ's role mentions (`:func:\`os.remove\``) can link to it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

namespace pyfaq::docs {

class Inventory {
 public:
  /// Reads a version 2 inventory; nullopt when the file is missing or not one.
  static std::optional<Inventory> load(const std::string& path);

  /// The page of a Python object relative to the docs root ("library/os.html#os.remove").
  std::optional<std::string> page_of(const std::string& name) const;
  std::size_t size() const { return pages_.size(); }

 private:
  std::unordered_map<std::string, std::string> pages_;
};

}  // namespace pyfaq::docs
