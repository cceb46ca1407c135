// What pyfaq says when the pointer rests on code: a tip in our words and the FAQ entries it
// comes from. Computed from the syntax tree and name resolution; rendered by lsp/.
#include "knowledge/hover.h"

#include <algorithm>
#include <map>

#include "grammar/syntax.h"
#include "knowledge/embedded_files.h"
#include "knowledge/strings.h"

namespace pyfaq::knowledge {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

grammar::ByteRange range_of(TSNode node) {
  return {ts_node_start_byte(node), ts_node_end_byte(node)};
}

/// The qualified name an identifier inside an import statement stands for: `import os.path`
/// -> `os` or `os.path`; `from a.b import c` -> `a`, `a.b` or `a.b.c`.
std::optional<std::string> import_name(TSNode identifier, std::string_view source) {
  const TSNode dotted = ts_node_parent(identifier);
  if (!is_type(dotted, "dotted_name")) return std::nullopt;
  const std::string_view prefix(source.data() + ts_node_start_byte(dotted),
                                ts_node_end_byte(identifier) - ts_node_start_byte(dotted));
  TSNode statement = ts_node_parent(dotted);
  if (is_type(statement, "aliased_import")) statement = ts_node_parent(statement);
  if (is_type(statement, "import_statement")) return std::string(prefix);
  if (!is_type(statement, "import_from_statement")) return std::nullopt;
  const TSNode module = field(statement, "module_name");
  if (grammar::same_node(module, dotted)) return std::string(prefix);
  if (!is_type(module, "dotted_name")) return std::nullopt;  // relative: never the stdlib
  return std::string(node_text(module, source)) + "." + std::string(prefix);
}

/// The notation of what an identifier means, in hover-targets terms, tried in order.
std::vector<std::string> identifier_targets(TSNode identifier, const grammar::SemanticModel& model,
                                            std::string_view source) {
  const TSNode parent = ts_node_parent(identifier);
  if (is_type(parent, "keyword_argument") &&
      grammar::same_node(field(parent, "name"), identifier)) {
    return {};
  }
  if (is_type(parent, "function_definition") &&
      grammar::same_node(field(parent, "name"), identifier)) {
    TSNode holder = ts_node_parent(parent);
    if (is_type(holder, "decorated_definition")) holder = ts_node_parent(holder);
    if (is_type(holder, "block") && is_type(ts_node_parent(holder), "class_definition")) {
      return {"def:" + std::string(node_text(identifier, source))};
    }
    return {};
  }
  std::optional<std::string> qualified = import_name(identifier, source);
  if (!qualified) {
    TSNode expression = identifier;
    if (is_type(parent, "attribute") &&
        grammar::same_node(field(parent, "attribute"), identifier)) {
      expression = parent;
    }
    qualified = model.qualified_name(expression);
  }
  if (!qualified) return {};
  if (qualified->starts_with("builtins.")) return {"builtin:" + qualified->substr(9)};
  std::vector<std::string> targets{*qualified, "mod:" + *qualified};
  // Module-wide targets, most specific module first: `a.b.c` -> `a.b.*`, `a.*`.
  for (auto dot = qualified->rfind('.'); dot != std::string::npos && dot > 0;
       dot = qualified->rfind('.', dot - 1)) {
    targets.push_back(qualified->substr(0, dot) + ".*");
    if (dot == 0) break;
  }
  return targets;
}

/// Target notations for the token at `offset`, most specific first, and the token's range.
std::pair<std::vector<std::string>, grammar::ByteRange> targets_at(
    const grammar::Document& document, const grammar::SemanticModel& model, std::size_t offset) {
  const auto at = static_cast<uint32_t>(offset);
  const TSNode node = ts_node_descendant_for_byte_range(document.root(), at, at + 1);
  if (ts_node_is_null(node)) return {};
  const std::string_view source = document.text();
  const std::string_view type = grammar::node_type(node);
  const TSNode parent = ts_node_parent(node);
  if (type == "identifier") return {identifier_targets(node, model, source), range_of(node)};
  if ((type == "global" || type == "nonlocal") && !ts_node_is_named(node)) {
    return {{"kw:" + std::string(type)}, range_of(node)};
  }
  if ((type == "is" || type == "is not") && is_type(parent, "comparison_operator")) {
    return {{"op:" + std::string(type)}, range_of(node)};
  }
  if (type == "not" && is_type(parent, "comparison_operator")) {
    return {{"op:is not"}, range_of(node)};
  }
  if (type == ":=" && is_type(parent, "named_expression")) return {{"op::="}, range_of(node)};
  if (type == "positional_separator") return {{"syntax:posonly-slash"}, range_of(node)};
  if (type == "comment" && ts_node_start_byte(node) == 0 &&
      node_text(node, source).starts_with("#!")) {
    return {{"syntax:shebang"}, range_of(node)};
  }
  return {};
}

}  // namespace

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
    Target target{std::string(fields[0]), {}, {}};
    for (const std::string_view rule : split(fields[4], ',')) {
      if (const auto tip = tips.find(rule); tip != tips.end()) {
        target.tip = tip->second;
        break;
      }
    }
    if (target.tip.empty()) continue;  // a target ships once its tip is written
    for (const std::string_view anchor : split(fields[3], ',')) {
      if (const FaqEntry* entry = faqs.find(anchor); entry && target.faqs.size() < 3) {
        target.faqs.push_back(entry);
      }
    }
    index.targets_.push_back(std::move(target));
  }
  return index;
}

const HoverIndex::Target* HoverIndex::find(std::string_view notation) const {
  for (const Target& target : targets_) {
    if (target.notation == notation) return &target;
  }
  return nullptr;
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
  const auto [targets, range] = targets_at(document, model, offset);
  for (const std::string& notation : targets) {
    if (const HoverIndex::Target* target = index.find(notation)) {
      return HoverInfo{range, notation, target->tip, target->faqs, nullptr};
    }
  }
  return std::nullopt;
}

}  // namespace pyfaq::knowledge
