// What pyfaq says when the pointer rests on code: a tip in our words and the FAQ entries it
// comes from. Computed from the syntax tree and name resolution; rendered by lsp/.
#include "knowledge/hover.h"

#include <algorithm>
#include <map>

#include "knowledge/embedded_files.h"
#include "knowledge/hover_targets.h"
#include "knowledge/strings.h"

namespace pyfaq::knowledge {

HoverIndex HoverIndex::load_embedded(const FaqIndex& faqs) {
  std::map<std::string, std::string, std::less<>> tips;
  const auto tip_lines = split(embedded_file("data/hover-tips.tsv"), '\n');
  for (std::size_t i = 1; i < tip_lines.size(); ++i) {
    const auto fields = split(tip_lines[i], '\t');
    if (fields.size() >= 2) tips.emplace(std::string(fields[0]), std::string(fields[1]));
  }
  HoverIndex index;
  const auto lines = split(embedded_file("data/hover-targets.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {  // target, kind, priority, anchors, rules
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 5) continue;
    Target target{std::string(fields[0]), {}, {}, {}};
    for (const std::string_view rule : split(fields[4], ',')) {
      if (const auto tip = tips.find(rule); tip != tips.end()) {
        target.tip = tip->second;
        break;
      }
    }
    if (target.tip.empty()) continue;  // a target ships once its tip is written
    for (const std::string_view anchor : split(fields[3], ',')) {
      const FaqEntry* entry = faqs.find(anchor);
      if (!entry) continue;
      if (target.faqs.size() < 3) target.faqs.push_back(entry);
      target.every_faq.push_back(entry);
    }
    index.targets_.push_back(std::move(target));
  }
  // Sorted once, so that a hover's few look-ups are binary searches.
  std::sort(index.targets_.begin(), index.targets_.end(),
            [](const Target& a, const Target& b) { return a.notation < b.notation; });
  return index;
}

const HoverIndex::Target* HoverIndex::find(std::string_view notation) const {
  const auto found = std::lower_bound(
      targets_.begin(), targets_.end(), notation,
      [](const Target& target, std::string_view n) { return target.notation < n; });
  return found != targets_.end() && found->notation == notation ? &*found : nullptr;
}

std::optional<HoverInfo> hover_at(const grammar::Document& document,
                                  const grammar::SemanticModel& model,
                                  const std::vector<Finding>& findings, std::size_t offset,
                                  const HoverIndex& index, const FaqIndex& faqs) {
  for (const Finding& finding : findings) {
    if (finding.range.start <= offset && offset < finding.range.end) {
      HoverInfo info{finding.range, std::string(finding.rule->code), finding.message, {}, &finding};
      if (const FaqEntry* entry = faqs.find(std::string(finding.rule->faq.doc) + "#" +
                                            std::string(finding.rule->faq.anchor))) {
        info.faqs.push_back(entry);
      }
      return info;
    }
  }
  const HoverToken token = hover_token_at(document, model, offset);
  for (const std::string& notation : token.targets) {
    if (const HoverIndex::Target* target = index.find(notation)) {
      return HoverInfo{token.range, notation, target->tip, target->faqs, nullptr};
    }
  }
  return std::nullopt;
}

}  // namespace pyfaq::knowledge
