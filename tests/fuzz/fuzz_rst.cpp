// libFuzzer target: the reStructuredText reader (sections, blocks, directives, inline markup)
// and the FAQ index built from it, over arbitrary text. Checks that valid UTF-8 in gives valid
// UTF-8 out (the JSON writer refuses anything else) and that linking and search hold up.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "grammar/utf8.h"
#include "knowledge/faq/rst_document.h"
#include "knowledge/faq/rst_inline.h"
#include "knowledge/faq_answer.h"
#include "knowledge/faq_index.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace knowledge = pyfaq::knowledge;

void expect_utf8_if(bool input_valid, std::string_view output) {
  FUZZ_CHECK(!input_valid || !pyfaq::grammar::first_invalid_utf8(output));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the FAQ document the text stands for; the rest is the text.
  const std::string doc(knowledge::kFaqDocuments[data[0] % std::size(knowledge::kFaqDocuments)]);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool valid = !pyfaq::grammar::first_invalid_utf8(text);

  const knowledge::faq::ApiLinker linker = [](const std::string& name) {
    return std::optional<std::string>("pyfaq-api:" + name);
  };
  for (const knowledge::faq::RstSection& section : knowledge::faq::split_sections(text)) {
    expect_utf8_if(valid, knowledge::faq::inline_to_markdown(section.title, &linker));
    expect_utf8_if(valid, knowledge::faq::inline_to_plain(section.title));
    expect_utf8_if(valid, knowledge::faq::body_to_markdown(section.body, &linker));
    knowledge::faq::has_visible_content(section.body);
  }

  const knowledge::FaqIndex index = knowledge::FaqIndex::from_rst({{doc, text}}, {});
  const knowledge::ApiPageFinder page_of = [](std::string_view name) {
    return name.size() % 2 ? std::optional<std::string>("library/x.html#" + std::string(name))
                           : std::nullopt;
  };
  for (const knowledge::FaqEntry& entry : index.entries()) {
    expect_utf8_if(valid, entry.title);
    expect_utf8_if(valid, entry.summary);
    expect_utf8_if(valid, knowledge::link_api_mentions(entry.markdown, &page_of, {}));
    FUZZ_CHECK(index.find(entry.doc + "#" + entry.anchor) != nullptr);
  }
  index.search(text.substr(0, 40), 5);
  return 0;
}
