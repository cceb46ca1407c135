// The Sphinx inventory (`objects.inv`) shipped with the Python docs: which page documents each
// Python object, so that the FAQ's role mentions (`:func:\`os.remove\``) can link to it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "knowledge/faq_answer.h"

namespace pyfaq::docs {

class Inventory {
 public:
  /// Reads a version 2 inventory; nullopt when the file is missing or not one.
  static std::optional<Inventory> load(const std::string& path);

  /// The page of a Python object relative to the docs root ("library/os.html#os.remove").
  std::optional<std::string> page_of(std::string_view name) const;
  std::size_t size() const { return entries_.size(); }

  /// `page_of` for knowledge::link_api_mentions; the inventory must outlive it.
  knowledge::ApiPageFinder page_finder() const {
    return [this](std::string_view name) { return page_of(name); };
  }

 private:
  std::shared_ptr<const std::string> text_;  // the inflated inventory; entries_ view into it
  std::vector<std::pair<std::string_view, std::string_view>> entries_;  // sorted (name, uri)
};

}  // namespace pyfaq::docs
