// The FAQ corpus read from the installed Python docs, found the way the product finds them:
// every entry with the count, titles and anchors of the rendered HTML; sources in their order.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "knowledge/embedded_faq.h"
#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"

namespace pyfaq {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Visible text of an HTML fragment: tags dropped, entities and typographic quotes made plain.
std::string html_text(const std::string& fragment) {
  std::string html;
  for (std::size_t i = 0; i < fragment.size(); ++i) {
    if (fragment[i] == '<') {
      const std::size_t close = fragment.find('>', i);
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    html += fragment[i];
  }
  const std::pair<std::string, std::string> replacements[] = {
      {"&#8217;", "'"}, {"&#8216;", "'"},  {"&#8220;", "\""}, {"&#8221;", "\""}, {"&quot;", "\""},
      {"&#39;", "'"},   {"&lt;", "<"},     {"&gt;", ">"},     {"&amp;", "&"},    {"¶", ""},
      {"’", "'"},       {"‘", "'"},        {"“", "\""},       {"”", "\""},       {"\n", " "},
      {"…", "..."},     {"&#8230;", "..."}};
  for (const auto& [from, to] : replacements) {
    for (auto at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size())) {
      html.replace(at, from.size(), to);
    }
  }
  return html;
}

struct HtmlSection {
  std::string id;
  int level;
  std::string title;
  bool has_text;  // a paragraph or code before the next section starts
};

/// `<section id="ID">`, optional empty `<span ...></span>` anchors, then `<hN>TITLE</hN>`.
std::vector<HtmlSection> html_sections(const fs::path& html_file) {
  const std::string html = read(html_file);
  const std::string opening = "<section id=\"";
  std::vector<HtmlSection> sections;
  for (std::size_t at = html.find(opening); at != std::string::npos;
       at = html.find(opening, at + 1)) {
    const std::size_t id_start = at + opening.size();
    const std::size_t id_end = html.find('"', id_start);
    std::size_t cursor = html.find('>', id_end);
    if (id_end == std::string::npos || cursor == std::string::npos) break;
    const auto skip_space = [&] {
      while (cursor < html.size() && std::isspace(static_cast<unsigned char>(html[cursor])))
        ++cursor;
    };
    ++cursor;
    skip_space();
    while (html.compare(cursor, 5, "<span") == 0) {
      const std::size_t end = html.find("</span>", cursor);
      if (end == std::string::npos) break;
      cursor = end + 7;
      skip_space();
    }
    if (html.compare(cursor, 2, "<h") != 0 || cursor + 3 >= html.size() ||
        !std::isdigit(static_cast<unsigned char>(html[cursor + 2])) || html[cursor + 3] != '>') {
      continue;
    }
    const int level = html[cursor + 2] - '0';
    const std::string close = "</h" + std::to_string(level) + ">";
    const std::size_t title_start = cursor + 4;
    const std::size_t title_end = html.find(close, title_start);
    if (title_end == std::string::npos) continue;
    const std::size_t after = title_end + close.size();
    const std::size_t next = html.find("<section", after);
    const std::string own =
        html.substr(after, next == std::string::npos ? std::string::npos : next - after);
    const bool has_text =
        own.find("<p>") != std::string::npos || own.find("<pre>") != std::string::npos;
    sections.push_back({html.substr(id_start, id_end - id_start), level,
                        html_text(html.substr(title_start, title_end - title_start)), has_text});
  }
  return sections;
}

class InstalledFaq : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto folder = docs::installed_faq_folder();
    ASSERT_TRUE(folder.has_value())
        << "no /usr/share/doc/python3.N/html/_sources/faq: scripts/setup.sh installs python3-doc";
    sources_ = folder->first;
    html_ = fs::path(sources_).parent_path().parent_path() / "faq";
    std::vector<std::string> problems;
    index_ = docs::load_faq("", problems);
    EXPECT_TRUE(problems.empty());
  }
  std::string sources_;
  fs::path html_;
  knowledge::FaqIndex index_;
};

TEST_F(InstalledFaq, IsTheSourceTheProductUses) {
  EXPECT_EQ(index_.source().kind, knowledge::FaqSourceKind::InstalledDocs);
  EXPECT_EQ(index_.source().location, sources_);
  const std::string& version = index_.source().python_version;
  EXPECT_TRUE(version.starts_with("3.") && version.size() > 2 &&
              version.find_first_not_of("0123456789", 2) == std::string::npos)
      << version;
}

TEST_F(InstalledFaq, EveryQuestionOfTheHtmlWithItsAnchorAndTitle) {
  std::size_t html_questions = 0;
  for (const std::string_view doc : knowledge::kFaqDocuments) {
    const auto sections = html_sections(html_ / (std::string(doc) + ".html"));
    ASSERT_FALSE(sections.empty()) << doc;
    // Questions are the deepest level; a group heading with no questions under it that has an
    // answer of its own counts too (gui.html).
    int deepest = 0;
    for (const auto& section : sections) deepest = std::max(deepest, section.level);
    std::vector<HtmlSection> questions;
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const bool leaf = i + 1 == sections.size() || sections[i + 1].level <= sections[i].level;
      if (sections[i].level == deepest || (sections[i].level > 1 && leaf && sections[i].has_text)) {
        questions.push_back(sections[i]);
      }
    }
    std::vector<const knowledge::FaqEntry*> ours;
    for (const auto& entry : index_.entries()) {
      if (entry.doc == doc) ours.push_back(&entry);
    }
    ASSERT_EQ(ours.size(), questions.size()) << doc;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      EXPECT_EQ(ours[i]->anchor, questions[i].id) << doc << ": " << ours[i]->title;
      EXPECT_EQ(ours[i]->title, questions[i].title) << doc << "#" << questions[i].id;
      EXPECT_FALSE(ours[i]->markdown.empty()) << doc << "#" << ours[i]->anchor;
      EXPECT_FALSE(ours[i]->summary.empty()) << doc << "#" << ours[i]->anchor;
    }
    html_questions += questions.size();
  }
  EXPECT_EQ(html_questions, index_.entries().size());
}

TEST_F(InstalledFaq, AgreesWithTheBuiltInTitleTable) {
  const knowledge::FaqIndex titles = knowledge::FaqIndex::titles_only();
  ASSERT_EQ(titles.entries().size(), 179u);
  if (index_.source().python_version != "3.11") {
    GTEST_SKIP() << "the built-in table is of the 3.11 FAQ; installed: "
                 << index_.source().python_version;
  }
  ASSERT_EQ(index_.entries().size(), titles.entries().size());
  for (std::size_t i = 0; i < titles.entries().size(); ++i) {
    const auto& expected = titles.entries()[i];
    const auto& actual = index_.entries()[i];
    EXPECT_EQ(actual.doc, expected.doc);
    EXPECT_EQ(actual.section, expected.section) << expected.title;
    EXPECT_EQ(actual.title, expected.title);
    EXPECT_EQ(actual.anchor, expected.anchor);
    EXPECT_EQ(actual.line, expected.line) << expected.title;
  }
}

TEST_F(InstalledFaq, ApiReferencesComeFromRolesAndDottedLiterals) {
  const auto references = [&](std::string_view entry_name) {
    const knowledge::FaqEntry* entry = index_.find(entry_name);
    EXPECT_NE(entry, nullptr) << entry_name;
    return entry ? entry->references : std::vector<std::string>{};
  };
  const auto has = [](const std::vector<std::string>& refs, std::string_view name) {
    return std::find(refs.begin(), refs.end(), name) != refs.end();
  };
  const auto threads = references("library#how-do-i-program-using-threads");
  EXPECT_TRUE(has(threads, "threading")) << ::testing::PrintToString(threads);
  const auto files = references("library#how-do-i-delete-a-file-and-other-file-questions");
  EXPECT_TRUE(has(files, "os.remove")) << ::testing::PrintToString(files);
  EXPECT_TRUE(has(files, "shutil")) << ::testing::PrintToString(files);
}

TEST(FaqSources, ExplicitPathComesFirstThenInstalledThenEmbeddedThenTitles) {
  const auto installed = docs::installed_faq_folder();
  ASSERT_TRUE(installed.has_value());
  std::vector<std::string> problems;
  // An explicit docs root (the folder above html/) is accepted.
  const fs::path root = fs::path(installed->first).parent_path().parent_path().parent_path();
  auto index = docs::load_faq(root.string(), problems);
  EXPECT_EQ(index.source().kind, knowledge::FaqSourceKind::ExplicitPath);
  EXPECT_EQ(index.entries().size(), 179u);
  // A path without FAQ sources: a problem, then the installed docs.
  index = docs::load_faq("/nonexistent/docs", problems);
  EXPECT_EQ(index.source().kind, knowledge::FaqSourceKind::InstalledDocs);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("/nonexistent/docs"), std::string::npos);
  // No installed docs: the copy embedded at build time, else titles and links only.
  problems.clear();
  index = docs::load_faq("", problems, "/nonexistent/share/doc");
  if (knowledge::embedded_faq_documents().empty()) {
    EXPECT_EQ(index.source().kind, knowledge::FaqSourceKind::TitlesOnly);
  } else {
    EXPECT_EQ(index.source().kind, knowledge::FaqSourceKind::Embedded);
    EXPECT_EQ(index.entries().size(), 179u);
    EXPECT_FALSE(index.entries().front().markdown.empty());
  }
  const knowledge::FaqIndex titles = knowledge::FaqIndex::titles_only();
  EXPECT_EQ(titles.source().kind, knowledge::FaqSourceKind::TitlesOnly);
  EXPECT_TRUE(titles.entries().front().markdown.empty());
}

TEST(FaqSectionIds, FollowDocutils) {
  EXPECT_EQ(knowledge::make_section_id("Why does -22 // 10 return -3?"), "why-does-22-10-return-3");
  EXPECT_EQ(knowledge::make_section_id("__import__('x.y.z') returns <module 'x'>; how do I get z?"),
            "import-x-y-z-returns-module-x-how-do-i-get-z");
  EXPECT_EQ(knowledge::make_section_id("2to3: a tool"), "to3-a-tool");
  EXPECT_EQ(knowledge::make_section_id("Café au lait"), "cafe-au-lait");
  EXPECT_EQ(knowledge::make_section_id("???"), "");
}

}  // namespace
}  // namespace pyfaq
