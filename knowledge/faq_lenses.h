// Lenses above imports: for each module a file imports that the FAQ discusses, the entries
// about it ("FAQ: 4 answers about threading").
#pragma once

#include <string>
#include <vector>

#include "grammar/document.h"
#include "knowledge/faq_index.h"
#include "knowledge/hover.h"

namespace pyfaq::knowledge {

struct ModuleLens {
  std::size_t start = 0;  // the import statement's bytes
  std::size_t end = 0;
  std::string module;                 // as imported: `threading`, `concurrent.futures`
  std::vector<const FaqEntry*> faqs;  // distinct, in the order of the curated targets
};

/// The FAQ entries the hover targets of `module` name: `mod:M`, `M.*`, `M.name`, instances of
/// `M.Class`.
std::vector<const FaqEntry*> faqs_about_module(const HoverIndex& hovers, std::string_view module);

/// One lens per module imported at the top level of the file (the first import of each),
/// for modules with at least one FAQ entry. Relative imports are left out.
std::vector<ModuleLens> module_lenses(const grammar::Document& document, const HoverIndex& hovers);

}  // namespace pyfaq::knowledge
