// Lenses above imports: the FAQ entries about each imported module.
#include "knowledge/faq_lenses.h"

#include <algorithm>
#include <set>

#include "grammar/syntax.h"

namespace pyfaq::knowledge {

namespace {

bool is_about(std::string_view notation, std::string_view module) {
  if (notation.starts_with("mod:")) return notation.substr(4) == module;
  if (notation.starts_with("inst:")) notation.remove_prefix(5);
  return notation.size() > module.size() && notation.starts_with(module) &&
         notation[module.size()] == '.';
}

/// The modules an import statement names (absolute imports only).
std::vector<std::string> imported_modules(TSNode statement, std::string_view source) {
  std::vector<std::string> modules;
  const std::string_view type = ts_node_type(statement);
  if (type == "import_from_statement") {
    const TSNode module = grammar::field(statement, "module_name");
    if (!ts_node_is_null(module) && std::string_view(ts_node_type(module)) == "dotted_name") {
      modules.emplace_back(grammar::node_text(module, source));
    }
    return modules;
  }
  if (type != "import_statement") return modules;
  for (uint32_t i = 0; i < ts_node_named_child_count(statement); ++i) {
    TSNode child = ts_node_named_child(statement, i);
    if (std::string_view(ts_node_type(child)) == "aliased_import") {
      child = grammar::field(child, "name");
    }
    if (!ts_node_is_null(child) && std::string_view(ts_node_type(child)) == "dotted_name") {
      modules.emplace_back(grammar::node_text(child, source));
    }
  }
  return modules;
}

}  // namespace

std::vector<const FaqEntry*> faqs_about_module(const HoverIndex& hovers, std::string_view module) {
  std::vector<const FaqEntry*> faqs;
  for (const HoverIndex::Target& target : hovers.targets()) {
    if (!is_about(target.notation, module)) continue;
    for (const FaqEntry* entry : target.every_faq) {
      if (std::find(faqs.begin(), faqs.end(), entry) == faqs.end()) faqs.push_back(entry);
    }
  }
  return faqs;
}

std::vector<ModuleLens> module_lenses(const grammar::Document& document, const HoverIndex& hovers) {
  std::vector<ModuleLens> lenses;
  std::set<std::string, std::less<>> seen;
  const TSNode root = ts_tree_root_node(document.tree());
  const std::string_view source = document.text();
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    const TSNode statement = ts_node_named_child(root, i);
    for (std::string& module : imported_modules(statement, source)) {
      if (!seen.insert(module).second) continue;
      std::vector<const FaqEntry*> faqs = faqs_about_module(hovers, module);
      if (faqs.empty()) continue;
      lenses.push_back({ts_node_start_byte(statement), ts_node_end_byte(statement),
                        std::move(module), std::move(faqs)});
    }
  }
  return lenses;
}

}  // namespace pyfaq::knowledge
