// The Python FAQ as pyfaq knows it: every question (document, group, title, anchor) and, when
// the docs were found, its answer as Markdown, a summary and the API names it mentions; with a
// ranked search over all of it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "knowledge/faq/rst_inline.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

struct FaqEntry {
  std::string doc;      // general, programming, design, library, extending, windows, gui, installed
  std::string section;  // the group heading (the document title where there are no groups)
  std::string title;    // the question, as plain text
  std::string anchor;   // the section id of the rendered HTML
  std::string markdown;  // the answer, to show through link_api_mentions; empty: titles only
  std::string summary;   // the answer's first paragraph, plain text
  std::vector<std::string> references;  // API names from the answer's roles (`os.remove`)
  std::size_t line = 0;                 // the title's line in the .rst.txt source

  FaqRef ref() const { return FaqRef{doc, anchor, title}; }
};

/// Where the FAQ text came from, in the order pyfaq looks for it.
enum class FaqSourceKind { ExplicitPath, InstalledDocs, Embedded, TitlesOnly };

struct FaqSource {
  FaqSourceKind kind = FaqSourceKind::TitlesOnly;
  std::string location;        // a folder, "embedded", or "built-in titles"
  std::string python_version;  // "3.11", when known
};

std::string_view to_string(FaqSourceKind kind);

/// The FAQ documents, in the order the FAQ index lists them.
inline constexpr std::string_view kFaqDocuments[] = {
    "general", "programming", "design", "library", "extending", "windows", "gui", "installed"};

/// A Sphinx/docutils section id for a title: lower case, ASCII, runs of other characters as
/// one hyphen, no leading digits or hyphens, no trailing hyphens.
std::string make_section_id(std::string_view title);

class FaqIndex {
 public:
  /// Titles and anchors only, from the embedded `data/faq-entries.tsv`.
  static FaqIndex titles_only();

  /// Parses FAQ documents: (document name, reStructuredText) pairs. The answers mark the
  /// Python objects they mention for `link_api_mentions` (faq_answer.h).
  static FaqIndex from_rst(const std::vector<std::pair<std::string, std::string>>& documents,
                           FaqSource source);

  const std::vector<FaqEntry>& entries() const { return entries_; }
  const FaqSource& source() const { return source_; }

  /// The entry `doc#anchor` (also `doc.html#anchor` or a full docs URL), or null.
  const FaqEntry* find(std::string_view doc_and_anchor) const;

  struct Match {
    const FaqEntry* entry;
    double score;
  };
  /// Entries ranked for a free-text query with BM25 over titles (weighted up), answers and API
  /// references; the last word also matches as a prefix, since it may still be being typed.
  std::vector<Match> search(std::string_view query, std::size_t limit) const;

 private:
  void build_search_index();

  std::vector<FaqEntry> entries_;
  FaqSource source_;
  // Search: term -> (entry, weighted term frequency); per-entry weighted length.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, float>>> postings_;
  std::vector<std::string> vocabulary_;  // sorted, for prefix matching
  std::vector<float> lengths_;
  float average_length_ = 1;
};

}  // namespace pyfaq::knowledge
