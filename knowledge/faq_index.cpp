// The Python FAQ as pyfaq knows it: entries from the docs (or titles only), and search.
#include "knowledge/faq_index.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "knowledge/embedded_files.h"
#include "knowledge/faq/rst_document.h"
#include "knowledge/faq/rst_inline.h"
#include "knowledge/faq_answer.h"
#include "knowledge/strings.h"

namespace pyfaq::knowledge {

namespace {

/// A light stemmer: plurals match their singular ("threads" finds "thread").
void stem(std::string& word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's' &&
      word.find('.') == std::string::npos) {
    word.pop_back();
  }
}

/// Calls `visit` with each search term of `text`: lower-case words, and dotted names
/// (`os.remove`) both whole and in parts. One buffer serves every term.
template <typename Visit>
void for_each_term(std::string_view text, Visit&& visit) {
  std::string word, piece;
  const auto flush = [&] {
    while (!word.empty() && word.back() == '.') word.pop_back();
    if (word.empty()) return;
    stem(word);
    if (word.find('.') != std::string::npos) {
      for (const std::string_view part : split(word, '.')) {
        if (part.empty()) continue;
        piece.assign(part);
        stem(piece);
        visit(std::string_view(piece));
      }
    }
    visit(std::string_view(word));
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_' || (c == '.' && !word.empty())) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
}

std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> terms;
  for_each_term(text, [&](std::string_view term) { terms.emplace_back(term); });
  return terms;
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

/// Markdown without the targets of its links: URLs are not words a reader searches for.
std::string without_link_targets(std::string_view markdown) {
  std::string text;
  text.reserve(markdown.size());
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown.compare(i, 2, "](") == 0) {
      const std::size_t close = markdown.find(')', i + 2);
      if (close != std::string_view::npos) {
        text += ' ';
        i = close;
        continue;
      }
    }
    text += markdown[i];
  }
  return text;
}

constexpr float kTitleWeight = 3, kReferenceWeight = 2, kBodyWeight = 1;

/// A paragraph of plain text: the first block of the Markdown answer, markup removed.
std::string first_paragraph(const std::vector<std::string_view>& body) {
  std::string text;
  bool started = false;
  for (const std::string_view line : body) {
    const bool blank = line.find_first_not_of(' ') == std::string_view::npos;
    if (blank) {
      if (started) break;
      continue;
    }
    if (line.starts_with("..") || line.front() == ' ') {
      if (started) break;
      continue;
    }
    if (started) text += ' ';
    text += line;
    started = true;
  }
  if (text.ends_with("::")) text.pop_back();
  return faq::inline_to_plain(text);
}

}  // namespace

std::string_view to_string(FaqSourceKind kind) {
  switch (kind) {
    case FaqSourceKind::ExplicitPath:
      return "docs path";
    case FaqSourceKind::InstalledDocs:
      return "installed docs";
    case FaqSourceKind::Embedded:
      return "embedded at build time";
    case FaqSourceKind::TitlesOnly:
      return "titles and links only";
  }
  return "unknown";
}

std::string make_section_id(std::string_view title) {
  std::string id;
  bool pending_hyphen = false;
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto c = static_cast<unsigned char>(title[i]);
    if (c >= 0x80) {
      // NFKD then ASCII-only: accented Latin letters keep their base letter; the rest drop.
      static constexpr std::pair<std::string_view, char> kFolds[] = {
          {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"à", 'a'}, {"á", 'a'}, {"ä", 'a'}, {"ö", 'o'},
          {"ó", 'o'}, {"ü", 'u'}, {"ú", 'u'}, {"í", 'i'}, {"ñ", 'n'}, {"ç", 'c'}};
      bool folded = false;
      for (const auto& [from, to] : kFolds) {
        if (title.substr(i).starts_with(from)) {
          if (pending_hyphen && !id.empty()) id += '-';
          pending_hyphen = false;
          id += to;
          i += from.size() - 1;
          folded = true;
          break;
        }
      }
      if (!folded) pending_hyphen = true;
      continue;
    }
    if (std::isalnum(c)) {
      if (pending_hyphen && !id.empty()) id += '-';
      pending_hyphen = false;
      id += static_cast<char>(std::tolower(c));
    } else {
      pending_hyphen = true;
    }
  }
  // No leading digits or hyphens (an id must start with a letter).
  const auto first_letter = id.find_first_not_of("0123456789-");
  return first_letter == std::string::npos ? std::string() : id.substr(first_letter);
}

FaqIndex FaqIndex::titles_only() {
  FaqIndex index;
  index.source_ = {FaqSourceKind::TitlesOnly, "built-in titles", std::string(kDefaultDocsVersion)};
  const auto lines = split(embedded_file("data/faq-entries.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 names the columns
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 5) continue;
    FaqEntry entry{std::string(fields[0]),
                   std::string(fields[1]),
                   std::string(fields[2]),
                   std::string(fields[3]),
                   {},
                   {},
                   {},
                   0};
    entry.line = static_cast<std::size_t>(std::atoi(std::string(fields[4]).c_str()));
    index.entries_.push_back(std::move(entry));
  }
  index.build_search_index();
  return index;
}

FaqIndex FaqIndex::from_rst(const std::vector<std::pair<std::string, std::string>>& documents,
                            FaqSource source) {
  const faq::ApiLinker mark_mention = [](const std::string& name) -> std::optional<std::string> {
    return std::string(kApiLinkScheme) + name;
  };
  FaqIndex index;
  index.source_ = std::move(source);
  for (const auto& [doc, text] : documents) {
    const std::vector<faq::RstSection> sections = faq::split_sections(text);
    const bool has_groups = std::any_of(sections.begin(), sections.end(),
                                        [](const faq::RstSection& s) { return s.level >= 3; });
    const int question_level = has_groups ? 3 : 2;
    std::string document_title, group;
    bool group_is_empty = false;
    std::set<std::string> used_ids;
    int id_counter = 0;
    for (std::size_t k = 0; k < sections.size(); ++k) {
      const faq::RstSection& section = sections[k];
      const std::string title = faq::inline_to_plain(section.title);
      // docutils: a taken id becomes "id1", "id2", ... counted per document.
      std::string id = make_section_id(title);
      while (id.empty() || used_ids.contains(id)) id = "id" + std::to_string(++id_counter);
      used_ids.insert(id);
      if (section.level == 1) {
        document_title = title;
        group = title;
        continue;
      }
      bool is_question = section.level == question_level;
      if (has_groups && section.level == 2) {
        const bool has_children = k + 1 < sections.size() && sections[k + 1].level > 2;
        // A group heading with an answer and no questions under it is a question itself
        // (gui: "What GUI toolkits exist for Python?"), filed under the empty group before it.
        is_question = !has_children && faq::has_visible_content(section.body);
        if (!is_question || !group_is_empty) group = title;
        group_is_empty = !has_children && !is_question;
        if (!is_question) continue;
      }
      if (!is_question) continue;
      FaqEntry entry{doc,
                     group,
                     title,
                     id,
                     faq::body_to_markdown(section.body, &mark_mention),
                     first_paragraph(section.body),
                     {},
                     section.line};
      for (const std::string_view line : section.body) {
        faq::collect_api_references(line, entry.references);
      }
      std::sort(entry.references.begin(), entry.references.end());
      entry.references.erase(std::unique(entry.references.begin(), entry.references.end()),
                             entry.references.end());
      index.entries_.push_back(std::move(entry));
    }
  }
  index.build_search_index();
  return index;
}

const FaqEntry* FaqIndex::find(std::string_view doc_and_anchor) const {
  const auto hash = doc_and_anchor.find('#');
  if (hash == std::string_view::npos) return nullptr;
  std::string_view doc = doc_and_anchor.substr(0, hash);
  if (doc.ends_with(".html")) doc.remove_suffix(5);
  if (const auto slash = doc.rfind('/'); slash != std::string_view::npos)
    doc.remove_prefix(slash + 1);
  const std::string_view anchor = doc_and_anchor.substr(hash + 1);
  for (const FaqEntry& entry : entries_) {
    if (entry.doc == doc && entry.anchor == anchor) return &entry;
  }
  return nullptr;
}

void FaqIndex::build_search_index() {
  // Terms get ids; each entry's frequencies gather in one reused array (no map per entry).
  std::unordered_map<std::string, uint32_t, TransparentHash, std::equal_to<>> ids;
  std::vector<std::vector<std::pair<uint32_t, float>>> postings;
  std::vector<float> frequency;
  std::vector<uint32_t> touched;
  lengths_.assign(entries_.size(), 0);
  float total = 0;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const FaqEntry& entry = entries_[i];
    const auto add = [&](std::string_view text, float weight) {
      for_each_term(text, [&](std::string_view term) {
        auto found = ids.find(term);
        if (found == ids.end()) {
          found = ids.emplace(std::string(term), static_cast<uint32_t>(postings.size())).first;
          postings.emplace_back();
          frequency.push_back(0);
        }
        const uint32_t id = found->second;
        if (frequency[id] == 0) touched.push_back(id);
        frequency[id] += weight;
        lengths_[i] += weight;
      });
    };
    add(entry.title, kTitleWeight);
    add(entry.section, kBodyWeight);
    for (const std::string& reference : entry.references) add(reference, kReferenceWeight);
    add(without_link_targets(entry.markdown), kBodyWeight);
    total += lengths_[i];
    for (const uint32_t id : touched) {
      postings[id].emplace_back(i, frequency[id]);
      frequency[id] = 0;
    }
    touched.clear();
  }
  average_length_ =
      entries_.empty() ? 1 : std::max(1.0f, total / static_cast<float>(entries_.size()));
  postings_.clear();
  postings_.reserve(ids.size());
  vocabulary_.clear();
  vocabulary_.reserve(ids.size());
  for (auto& [term, id] : ids) {
    vocabulary_.push_back(term);
    postings_.emplace(term, std::move(postings[id]));
  }
  std::sort(vocabulary_.begin(), vocabulary_.end());
}

std::vector<FaqIndex::Match> FaqIndex::search(std::string_view query, std::size_t limit) const {
  std::vector<std::string> terms = terms_of(query);
  std::vector<double> scores(entries_.size(), 0.0);
  constexpr double k1 = 1.2, b = 0.75;
  const double n = static_cast<double>(entries_.size());
  const auto score_term = [&](const std::string& term, double weight) {
    const auto found = postings_.find(term);
    if (found == postings_.end()) return;
    const double df = static_cast<double>(found->second.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (const auto& [entry, frequency] : found->second) {
      const double tf = frequency;
      const double norm = k1 * (1 - b + b * lengths_[entry] / average_length_);
      scores[entry] += weight * idf * tf * (k1 + 1) / (tf + norm);
    }
  };
  for (std::size_t t = 0; t < terms.size(); ++t) {
    score_term(terms[t], 1.0);
    // The word being typed: its completions count too, a little less than an exact match.
    if (t + 1 == terms.size() && terms[t].size() >= 2) {
      auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), terms[t]);
      for (int taken = 0; it != vocabulary_.end() && it->starts_with(terms[t]) && taken < 30;
           ++it, ++taken) {
        if (*it != terms[t]) score_term(*it, 0.6);
      }
    }
  }
  std::vector<Match> matches;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (scores[i] > 0) matches.push_back({&entries_[i], scores[i]});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) { return a.score > b.score; });
  if (matches.size() > limit) matches.resize(limit);
  return matches;
}

}  // namespace pyfaq::knowledge
