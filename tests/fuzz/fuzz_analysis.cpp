// libFuzzer target: arbitrary bytes analysed as Python with every rule, hovers at arbitrary
// offsets, then one arbitrary edit. Checks that findings, fixes and hovers stay inside the
// text, that the edited tree equals a fresh parse, and that the re-analysis after the edit
// equals an analysis from scratch.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/tree_dump.h"
#include "grammar/utf8.h"
#include "knowledge/analysis.h"
#include "knowledge/faq_index.h"
#include "knowledge/hover.h"
#include "knowledge/incremental.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/support/findings_text.h"

namespace {

namespace grammar = pyfaq::grammar;
namespace knowledge = pyfaq::knowledge;

/// What every input shares: compiling the rules costs far more than one input.
struct Knowledge {
  knowledge::RuleSet rules = knowledge::RuleSet::all();
  knowledge::FaqIndex faqs = knowledge::FaqIndex::titles_only();
  knowledge::HoverIndex hovers = knowledge::HoverIndex::load_embedded(faqs);
};

const Knowledge& shared_knowledge() {
  static const Knowledge knowledge;
  return knowledge;
}

void check_findings(const std::vector<knowledge::Finding>& findings, std::string_view text) {
  const bool valid = !grammar::first_invalid_utf8(text);
  for (const knowledge::Finding& finding : findings) {
    FUZZ_CHECK(finding.range.start <= finding.range.end && finding.range.end <= text.size());
    FUZZ_CHECK(!finding.message.empty());
    if (valid) FUZZ_CHECK(!grammar::first_invalid_utf8(finding.message));
    if (!finding.fix) continue;
    // The edits of a fix all refer to the original text: in any order, never overlapping.
    std::vector<grammar::ByteRange> ranges;
    for (const knowledge::TextEdit& edit : finding.fix->edits) {
      FUZZ_CHECK(edit.range.start <= edit.range.end && edit.range.end <= text.size());
      if (valid) FUZZ_CHECK(!grammar::first_invalid_utf8(edit.replacement));
      ranges.push_back(edit.range);
    }
    // An insertion may touch a replacement at its start (an import added at offset 0 before a
    // fixed comparison there): ordered by start, then end, touching is not overlapping.
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    for (std::size_t i = 1; i < ranges.size(); ++i) {
      FUZZ_CHECK(ranges[i].start >= ranges[i - 1].end);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Knowledge& known = shared_knowledge();
  FuzzedDataProvider input(data, size);
  // The edit comes from the end of the input, so that the text is the input's bulk.
  const std::size_t edit_start = input.ConsumeIntegral<uint16_t>();
  const std::size_t edit_end = input.ConsumeIntegral<uint16_t>();
  const std::string replacement = input.ConsumeRandomLengthString(32);
  const std::size_t hover_seed = input.ConsumeIntegral<uint32_t>();
  const std::string text = input.ConsumeRemainingBytesAsString();

  const grammar::Document before(text);
  const auto model = grammar::SemanticModel::build(before);
  const knowledge::AnalysisResult result = knowledge::analyze_document(before, model, known.rules);
  check_findings(result.findings, text);

  for (std::size_t i = 0; i < 8 && !text.empty(); ++i) {
    const std::size_t offset = (hover_seed * (i + 1) * 2654435761u) % (text.size() + 1);
    const auto hover =
        knowledge::hover_at(before, model, result.findings, offset, known.hovers, known.faqs);
    if (hover)
      FUZZ_CHECK(hover->range.start <= hover->range.end && hover->range.end <= text.size());
  }

  grammar::Document after(before);
  after.edit({edit_start, edit_end}, replacement);
  const grammar::Document fresh{std::string(after.text())};
  FUZZ_CHECK(grammar::dump_tree(after.root()) == grammar::dump_tree(fresh.root()));

  const knowledge::AnalysisResult again = knowledge::reanalyze(before, result, after, known.rules);
  const auto fresh_model = grammar::SemanticModel::build(fresh);
  const knowledge::AnalysisResult expected =
      knowledge::analyze_document(fresh, fresh_model, known.rules);
  FUZZ_CHECK(pyfaq::testing::describe(again.findings) ==
             pyfaq::testing::describe(expected.findings));
  check_findings(again.findings, after.text());
  return 0;
}
