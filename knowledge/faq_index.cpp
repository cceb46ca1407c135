// The FAQ's questions (document, section, title, anchor) from the embedded table, and a small
// ranked search over them.
#include "knowledge/faq_index.h"

#include <algorithm>
#include <cctype>

#include "knowledge/embedded_files.h"

namespace pyfaq::knowledge {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

/// Lower-case words of letters and digits.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  std::string word;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      result.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) result.push_back(std::move(word));
  return result;
}

}  // namespace

FaqIndex FaqIndex::load_embedded() {
  FaqIndex index;
  const auto lines = split(embedded_file("data/faq-entries.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 names the columns
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 4) continue;
    index.entries_.push_back(FaqEntry{std::string(fields[0]), std::string(fields[1]),
                                      std::string(fields[2]), std::string(fields[3])});
  }
  return index;
}

const FaqEntry* FaqIndex::find(std::string_view doc_and_anchor) const {
  const auto hash = doc_and_anchor.find('#');
  if (hash == std::string_view::npos) return nullptr;
  std::string_view doc = doc_and_anchor.substr(0, hash);
  if (doc.ends_with(".html")) doc.remove_suffix(5);
  if (const auto slash = doc.rfind('/'); slash != std::string_view::npos) {
    doc.remove_prefix(slash + 1);
  }
  const std::string_view anchor = doc_and_anchor.substr(hash + 1);
  for (const FaqEntry& entry : entries_) {
    if (entry.doc == doc && entry.anchor == anchor) return &entry;
  }
  return nullptr;
}

std::vector<FaqIndex::Match> FaqIndex::search(std::string_view query, std::size_t limit) const {
  const std::vector<std::string> terms = words(query);
  std::vector<Match> matches;
  if (terms.empty()) return matches;
  for (const FaqEntry& entry : entries_) {
    const auto title = words(entry.title);
    const auto context = words(entry.section + " " + entry.doc);
    double score = 0;
    for (std::size_t t = 0; t < terms.size(); ++t) {
      const std::string& term = terms[t];
      const bool last = t + 1 == terms.size();
      const auto matches_term = [&](const std::string& word) {
        return word == term || (last && term.size() >= 2 && word.starts_with(term));
      };
      if (std::any_of(title.begin(), title.end(), [&](const auto& w) { return w == term; })) {
        score += 3;
      } else if (std::any_of(title.begin(), title.end(), matches_term)) {
        score += 2;
      } else if (std::any_of(context.begin(), context.end(), matches_term)) {
        score += 1;
      }
    }
    // Shorter titles that match are more on topic.
    if (score > 0) matches.push_back({&entry, score + 1.0 / (1.0 + title.size())});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) { return a.score > b.score; });
  if (matches.size() > limit) matches.resize(limit);
  return matches;
}

}  // namespace pyfaq::knowledge
