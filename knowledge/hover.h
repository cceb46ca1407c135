// What pyfaq says when the pointer rests on code: a tip in our words and the FAQ entries it
// comes from. Computed from the syntax tree and name resolution; rendered by lsp/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "knowledge/faq_index.h"
#include "knowledge/finding.h"

namespace pyfaq::knowledge {

struct HoverInfo {
  grammar::ByteRange range;  // the token or finding hovered
  std::string target;        // the matched target ("threading.Thread", "kw:global") or rule
  std::string tip;           // our words
  std::vector<const FaqEntry*> faqs;  // up to three, primary first
  const Finding* finding = nullptr;   // when the pointer is on a tip's range
};

/// The curated hover targets (`data/hover-targets.tsv`) with our tips (`data/hover-tips.tsv`).
class HoverIndex {
 public:
  static HoverIndex load_embedded(const FaqIndex& faqs);

  struct Target {
    std::string notation;  // mod:signal, signal.signal, threading.*, builtin:id, kw:global ...
    std::string tip;
    std::vector<const FaqEntry*> faqs;       // the first three, as a hover shows them
    std::vector<const FaqEntry*> every_faq;  // all its anchors name
  };
  /// The target with this exact notation, or null.
  const Target* find(std::string_view notation) const;
  std::size_t size() const { return targets_.size(); }
  /// Every target, sorted by notation.
  const std::vector<Target>& targets() const { return targets_; }

 private:
  std::vector<Target> targets_;
};

/// The hover at `offset`: a finding covering it first, else a curated target the token there
/// resolves to. Nothing for shadowed names, keyword-argument names, strings and comments.
std::optional<HoverInfo> hover_at(const grammar::Document& document,
                                  const grammar::SemanticModel& model,
                                  const std::vector<Finding>& findings, std::size_t offset,
                                  const HoverIndex& index, const FaqIndex& faqs);

}  // namespace pyfaq::knowledge
