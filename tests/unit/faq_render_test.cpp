// reStructuredText to Markdown, construct by construct: exact output on small texts of our own,
// and the same constructs found in the real FAQ at test time (never pasted into the repo).
#include <gtest/gtest.h>

#include <string>

#include "knowledge/faq/rst_document.h"
#include "knowledge/faq/rst_inline.h"
#include "knowledge/faq_answer.h"
#include "knowledge/faq_index.h"
#include "lsp/docs/faq_docs.h"
#include "tests/unit/installed_faq.h"

namespace pyfaq::knowledge::faq {
namespace {

std::string render(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return body_to_markdown(lines);
}

TEST(RstInline, LiteralsEmphasisAndStrong) {
  EXPECT_EQ(inline_to_markdown("Use ``x = 1`` with *care* and **force**."),
            "Use `x = 1` with *care* and **force**.");
  EXPECT_EQ(inline_to_plain("Use ``x = 1`` with *care*."), "Use x = 1 with care.");
  EXPECT_EQ(inline_to_markdown("a ``b`c`` d"), "a `` b`c `` d");
}

TEST(RstInline, Roles) {
  EXPECT_EQ(inline_to_markdown(":func:`os.remove` and :meth:`~str.join`"),
            "`os.remove()` and `join()`");
  EXPECT_EQ(inline_to_markdown(":mod:`threading`, :class:`list`, :exc:`KeyError`"),
            "`threading`, `list`, `KeyError`");
  EXPECT_EQ(inline_to_markdown(":ref:`the tutorial <tut-index>`"), "the tutorial");
  EXPECT_EQ(inline_to_markdown(":term:`mutable`"), "mutable");
  EXPECT_EQ(inline_to_markdown(":pep:`8`"), "[PEP 8](https://peps.python.org/pep-0008/)");
  EXPECT_EQ(inline_to_markdown(":file:`setup.py`, :envvar:`PATH`, :kbd:`Ctrl-C`"),
            "`setup.py`, `PATH`, `Ctrl-C`");
  EXPECT_EQ(inline_to_markdown(":menuselection:`Start --> Run`"), "Start → Run");
  EXPECT_EQ(inline_to_markdown(":c:func:`PyObject_Call`"), "`PyObject_Call()`");
  EXPECT_EQ(inline_to_markdown(":keyword:`global`"), "`global`");
  EXPECT_EQ(inline_to_markdown(":unknownrole:`text`"), "text");
}

TEST(RstInline, RolesLinkThroughTheLinker) {
  const ApiLinker linker = [](const std::string& name) -> std::optional<std::string> {
    if (name == "os.remove") return "https://docs.example/os.html#os.remove";
    return std::nullopt;
  };
  EXPECT_EQ(inline_to_markdown(":func:`os.remove` or :func:`os.unlink`", &linker),
            "[`os.remove()`](https://docs.example/os.html#os.remove) or `os.unlink()`");
  EXPECT_EQ(inline_to_markdown(":func:`~os.remove`", &linker),
            "[`remove()`](https://docs.example/os.html#os.remove)");
}

TEST(RstInline, Hyperlinks) {
  EXPECT_EQ(inline_to_markdown("see `the site <https://example.org/>`_ now"),
            "see [the site](https://example.org/) now");
  EXPECT_EQ(inline_to_markdown("an `anonymous <https://example.org/a>`__ one"),
            "an [anonymous](https://example.org/a) one");
  EXPECT_EQ(inline_to_markdown("a `named target`_ here"), "a named target here");
  EXPECT_EQ(inline_to_plain("see `the site <https://example.org/>`_"), "see the site");
}

TEST(RstInline, ApiReferences) {
  std::vector<std::string> references;
  collect_api_references(
      ":func:`os.remove`, :mod:`shutil`, :meth:`~str.join`, :ref:`x <y>`, "
      ":class:`Thread <threading.Thread>`, :term:`GIL`",
      references);
  EXPECT_EQ(references,
            (std::vector<std::string>{"os.remove", "shutil", "str.join", "threading.Thread"}));
}

TEST(RstBlocks, ParagraphsJoinTheirLines) {
  EXPECT_EQ(render("One line\nand the next.\n\nA second paragraph."),
            "One line and the next.\n\nA second paragraph.");
}

TEST(RstBlocks, LiteralBlocksAfterDoubleColons) {
  EXPECT_EQ(render("Write this::\n\n   x = 1\n   y = 2\n\nDone."),
            "Write this:\n\n```python\nx = 1\ny = 2\n```\n\nDone.");
  EXPECT_EQ(render("Write this ::\n\n   x = 1"), "Write this\n\n```python\nx = 1\n```");
  EXPECT_EQ(render("::\n\n   x = 1"), "```python\nx = 1\n```");
}

TEST(RstBlocks, CodeBlocksDoctestsAndHighlight) {
  EXPECT_EQ(render(".. code-block:: c\n\n   int x;\n"), "```c\nint x;\n```");
  EXPECT_EQ(render(".. doctest::\n\n   >>> 1 + 1\n   2\n"), "```pycon\n>>> 1 + 1\n2\n```");
  EXPECT_EQ(render(">>> 1 + 1\n2"), "```pycon\n>>> 1 + 1\n2\n```");
  EXPECT_EQ(render(".. testsetup::\n\n   hidden = 1\n\nShown."), "Shown.");
  EXPECT_EQ(render(".. highlight:: c\n\nCode::\n\n   int y;"), "Code:\n\n```c\nint y;\n```");
}

TEST(RstBlocks, Lists) {
  EXPECT_EQ(render("* first\n  item\n* second"), "- first item\n- second");
  EXPECT_EQ(render("1) one\n2) two"), "1. one\n2. two");
  EXPECT_EQ(render("#. auto\n#. numbered"), "1. auto\n1. numbered");
  EXPECT_EQ(render("* outer\n\n  * inner"), "- outer\n  \n  - inner");
}

TEST(RstBlocks, QuotesAndAdmonitions) {
  EXPECT_EQ(render("Text.\n\n   Quoted words."), "Text.\n\n> Quoted words.");
  EXPECT_EQ(render(".. note::\n\n   Mind the gap."), "> **Note:** Mind the gap.");
  EXPECT_EQ(render(".. seealso:: The other page."), "> **See also:** The other page.");
  EXPECT_EQ(render(".. seealso:: First.\n\n   Second."), "> **See also:** First.\n> \n> Second.");
  EXPECT_EQ(render(".. versionchanged:: 3.9\n   Now faster."),
            "*Changed in version 3.9:* Now faster.");
}

TEST(RstBlocks, WhatIsDroppedAndWhatDegrades) {
  EXPECT_EQ(render(".. XXX a note to the editors\n   still the comment\n\nKept."), "Kept.");
  EXPECT_EQ(render(".. _some-label:\n\nKept."), "Kept.");
  EXPECT_EQ(render(".. contents::\n\n.. index:: x\n\nKept."), "Kept.");
  EXPECT_EQ(render(".. only:: html\n\n   Inside."), "Inside.");
  EXPECT_EQ(render(".. mystery:: arg\n\n   Its text."), "Its text.");
}

TEST(RstSections, LevelsFollowAdornmentOrder) {
  const auto sections = split_sections(
      "=====\nTitle\n=====\n\nGroup\n=====\n\nQuestion?\n---------\n\nAnswer.\n\nOther?\n------\n");
  ASSERT_EQ(sections.size(), 4u);
  EXPECT_EQ(sections[0].level, 1);
  EXPECT_EQ(sections[1].level, 2);
  EXPECT_EQ(sections[2].level, 3);
  EXPECT_EQ(sections[2].title, "Question?");
  EXPECT_EQ(sections[2].line, 8u);
  EXPECT_EQ(sections[3].level, 3);
}

/// The real FAQ: each construct, wherever the installed docs use it, renders as Markdown.
class RealFaq : public testing::InstalledFaqTest {
 protected:
  /// How many answers contain `needle`.
  std::size_t answers_with(std::string_view needle) const {
    std::size_t count = 0;
    for (const auto& entry : index_.entries())
      count += entry.markdown.find(needle) != std::string::npos;
    return count;
  }
};

TEST_F(RealFaq, EveryConstructRenders) {
  EXPECT_GT(answers_with("```python\n"), 20u);  // literal blocks
  EXPECT_GT(answers_with("```c\n"), 0u);        // code-block:: c
  EXPECT_GT(answers_with("```pycon\n"), 0u);    // doctest blocks and directives
  EXPECT_GT(answers_with("\n- "), 5u);          // bullet lists
  EXPECT_GT(answers_with("\n1. "), 3u);         // enumerated lists
  EXPECT_GT(answers_with("](https://peps.python.org/pep-"), 0u);
  EXPECT_GT(answers_with("](https://"), 20u);  // hyperlinks
  EXPECT_GT(answers_with("> **Note:**"), 0u);
  EXPECT_GT(answers_with("> **See also:**"), 0u);
  // (The one versionchanged of the 3.11 FAQ sits inside a `.. XXX` comment: not rendered.)
  EXPECT_EQ(answers_with("XXX"), 0u);
  EXPECT_GT(answers_with("()`"), 20u);  // :func: and :meth: with parentheses
  // Roles naming Python objects are marked, to be linked when the answer is shown.
  EXPECT_GT(answers_with("`](pyfaq-api:"), 20u);
}

/// Shown answers link those objects to the library pages the docs' objects.inv names.
TEST_F(RealFaq, ShownAnswersLinkToTheLibraryPages) {
  const auto inventory = docs::load_inventory(index_.source());
  ASSERT_TRUE(inventory.has_value()) << "the installed docs ship html/objects.inv";
  const ApiPageFinder finder = inventory->page_finder();
  const LinkOptions web{index_.source().python_version, ""};
  const LinkOptions local{"3.11", "/docs/html"};
  std::size_t linked = 0;
  for (const auto& entry : index_.entries()) {
    const std::string shown = link_api_mentions(entry.markdown, &finder, web);
    EXPECT_EQ(shown.find("pyfaq-api:"), std::string::npos) << entry.doc << "#" << entry.anchor;
    linked +=
        shown.find("`](https://docs.python.org/" + web.version + "/library/") != std::string::npos;
    const std::string offline = link_api_mentions(entry.markdown, &finder, local);
    EXPECT_EQ(offline.find("](https://docs.python.org/" + web.version + "/library/"),
              std::string::npos);
    EXPECT_EQ(link_api_mentions(entry.markdown, nullptr, web).find("pyfaq-api:"),
              std::string::npos);
  }
  EXPECT_GT(linked, 20u);
}

TEST(LinkApiMentions, PointsKnownObjectsAtTheirPagesAndUnlinksTheRest) {
  const ApiPageFinder finder = [](std::string_view name) -> std::optional<std::string> {
    if (name == "os.remove") return "library/os.html#os.remove";
    return std::nullopt;
  };
  const std::string markdown =
      "Use [`os.remove()`](pyfaq-api:os.remove), not [`os.gone()`](pyfaq-api:os.gone); "
      "see [PEP 8](https://peps.python.org/pep-0008/).";
  EXPECT_EQ(link_api_mentions(markdown, &finder, {"3.12", ""}),
            "Use [`os.remove()`](https://docs.python.org/3.12/library/os.html#os.remove), not "
            "`os.gone()`; see [PEP 8](https://peps.python.org/pep-0008/).");
  EXPECT_EQ(link_api_mentions(markdown, &finder, {"3.12", "/usr/share/doc/python3.12/html"}),
            "Use [`os.remove()`](file:///usr/share/doc/python3.12/html/library/os.html#os.remove)"
            ", not `os.gone()`; see [PEP 8](https://peps.python.org/pep-0008/).");
  EXPECT_EQ(link_api_mentions(markdown, nullptr, {"3.12", ""}),
            "Use `os.remove()`, not `os.gone()`; see [PEP 8](https://peps.python.org/pep-0008/).");
  // Malformed marks are left as they are rather than eaten.
  EXPECT_EQ(link_api_mentions("a ](pyfaq-api:x b", &finder, {}), "a ](pyfaq-api:x b");
  EXPECT_EQ(link_api_mentions("", &finder, {}), "");
}

/// The Markdown outside code fences.
std::string prose(const std::string& markdown) {
  std::string out;
  bool in_fence = false;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    const std::size_t end = std::min(markdown.find('\n', start), markdown.size());
    const std::string line = markdown.substr(start, end - start);
    if (line.find("```") != std::string::npos) {
      in_fence = !in_fence;
    } else if (!in_fence) {
      out += line + "\n";
    }
    start = end + 1;
  }
  return out;
}

TEST_F(RealFaq, NoMarkupLeaksThrough) {
  for (const auto& entry : index_.entries()) {
    const std::string text = prose(entry.markdown);
    for (const std::string_view leak :
         {":func:`", ":mod:`", ":meth:`", ":ref:`", ":class:`", ":term:`", ".. XXX",
          ".. code-block::", ".. note::", ".. only::", ">`_", "``os", "``x"}) {
      EXPECT_EQ(text.find(leak), std::string::npos)
          << entry.doc << "#" << entry.anchor << " shows " << leak;
    }
  }
}

}  // namespace
}  // namespace pyfaq::knowledge::faq
