// The FAQ's questions (document, section, title, anchor) from the embedded table, and a small
// ranked search over them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/finding.h"

namespace pyfaq::knowledge {

struct FaqEntry {
  std::string doc;      // general, programming, design, library, extending, windows, gui, installed
  std::string section;  // the group heading
  std::string title;    // the question
  std::string anchor;   // the section id of the rendered HTML

  FaqRef ref() const { return FaqRef{doc, anchor, title}; }
};

/// Every question of the eight FAQ documents. Built once at start-up and passed down.
class FaqIndex {
 public:
  /// Reads the embedded `data/faq-entries.tsv`.
  static FaqIndex load_embedded();

  const std::vector<FaqEntry>& entries() const { return entries_; }

  /// The entry `doc#anchor` (also accepts `doc.html#anchor`), or null.
  const FaqEntry* find(std::string_view doc_and_anchor) const;

  struct Match {
    const FaqEntry* entry;
    double score;
  };
  /// Entries ranked for a free-text query: whole words in titles weigh most, then sections and
  /// the doc name; the last word may be a prefix (it is still being typed).
  std::vector<Match> search(std::string_view query, std::size_t limit) const;

 private:
  std::vector<FaqEntry> entries_;
};

}  // namespace pyfaq::knowledge
