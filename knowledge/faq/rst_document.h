// A reStructuredText FAQ document split into its sections (title, level, body lines), and a
// section body rendered to Markdown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "knowledge/faq/rst_inline.h"

namespace pyfaq::knowledge::faq {

struct RstSection {
  int level = 0;                       // 1: document title, 2: group, 3: question
  std::string title;                   // raw, with inline markup
  std::size_t line = 0;                // 1-based line of the title text
  std::vector<std::string_view> body;  // the lines up to the next title
};

/// Splits a document at its titles. A title is a line of text underlined (and optionally
/// overlined) with a repeated punctuation character; levels follow the order in which each
/// adornment style first appears, as docutils decides them.
std::vector<RstSection> split_sections(std::string_view text);

/// Markdown for a body: paragraphs, literal and code blocks, lists, block quotes, directives
/// (note, seealso, versionchanged, only, code-block, doctest ...). Comments, targets and
/// directives that only steer the build are dropped; anything unknown becomes plain text.
std::string body_to_markdown(const std::vector<std::string_view>& body,
                             const ApiLinker* linker = nullptr);

/// Whether a body holds anything a reader would see (not only comments and targets).
bool has_visible_content(const std::vector<std::string_view>& body);

}  // namespace pyfaq::knowledge::faq
