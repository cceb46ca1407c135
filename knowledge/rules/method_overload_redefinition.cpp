// PFQ110 method-overload-redefinition: two `def`s of one name with different parameters in one
// module or class body; Python has no overloading, so the later one replaces the earlier.
#include <string>
#include <unordered_map>
#include <vector>

#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::field;
using grammar::is_type;
using grammar::node_text;

/// A def's parameter names in order, with `*` / `**` marking the star parameters: what a call
/// sees of the signature (defaults and annotations aside). Nullopt when not understood.
std::optional<std::vector<std::string>> signature_of(TSNode definition, std::string_view source) {
  const TSNode parameters = field(definition, "parameters");
  const grammar::ParameterList list = grammar::read_parameters(parameters, source);
  if (!list.understood) return std::nullopt;
  std::vector<std::string> names;
  for (const grammar::Parameter& p : list.positional) names.emplace_back(p.name);
  // The star parameters, from the list itself: read_parameters keeps only their presence.
  grammar::TreeCursor cursor(parameters);
  if (ts_tree_cursor_goto_first_child(cursor.get())) {
    do {
      TSNode child = ts_tree_cursor_current_node(cursor.get());
      if (is_type(child, "typed_parameter")) child = ts_node_named_child(child, 0);
      if (is_type(child, "list_splat_pattern")) {
        names.push_back("*" + std::string(node_text(ts_node_named_child(child, 0), source)));
      } else if (is_type(child, "keyword_separator")) {
        names.emplace_back("*");
      } else if (is_type(child, "dictionary_splat_pattern")) {
        names.push_back("**" + std::string(node_text(ts_node_named_child(child, 0), source)));
      }
    } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  }
  for (const grammar::Parameter& p : list.keyword_only) names.emplace_back(p.name);
  return names;
}

std::string describe(std::string_view name, const std::vector<std::string>& signature) {
  std::string text = "`" + std::string(name) + "(";
  for (std::size_t i = 0; i < signature.size(); ++i) {
    if (i > 0) text += ", ";
    text += signature[i];
  }
  return text + ")`";
}

/// Whether the block's own scope reads or rebinds `name` between two offsets: then the earlier
/// def was used (`alias = f`, `f = property(f)`) before it was replaced.
bool referenced_between(const RuleContext& context, TSNode block, grammar::ScopeId scope,
                        std::string_view name, uint32_t from, uint32_t to) {
  bool found = false;
  grammar::for_each_descendant(block, [&](TSNode node) {
    if (found || ts_node_start_byte(node) >= to) return false;
    if (ts_node_end_byte(node) <= from) return true;
    if (is_type(node, "identifier") && ts_node_start_byte(node) >= from &&
        node_text(node, context.source()) == name && context.model.scope_of(node) == scope) {
      found = true;
    }
    return !found;
  });
  return found;
}

struct Definition {
  TSNode node;
  std::vector<std::string> signature;
};

void check_block(const RuleContext& context, TSNode block) {
  // The defs by name first: only a name defined twice needs its signatures read.
  std::unordered_map<std::string_view, std::vector<TSNode>> defs_by_name;
  std::vector<std::string_view> order;
  grammar::TreeCursor cursor(block);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return;
  do {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    // Decorated defs (@overload, @property / @x.setter, registrations) and defs under `if`,
    // `try` or `with` are never direct function_definition children.
    if (!is_type(node, "function_definition")) continue;
    const TSNode name = field(node, "name");
    if (!is_type(name, "identifier")) continue;
    const std::string_view text = node_text(name, context.source());
    auto& defs = defs_by_name[text];
    if (defs.empty()) order.push_back(text);
    defs.push_back(node);
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  std::unordered_map<std::string_view, std::vector<Definition>> by_name;
  for (const std::string_view text : order) {
    const std::vector<TSNode>& defs = defs_by_name[text];
    if (defs.size() < 2) continue;
    for (const TSNode node : defs) {
      if (auto signature = signature_of(node, context.source())) {
        by_name[text].push_back(Definition{node, std::move(*signature)});
      }
    }
  }

  for (const std::string_view name : order) {
    const auto found = by_name.find(name);
    if (found == by_name.end()) continue;
    const std::vector<Definition>& group = found->second;
    for (std::size_t i = 1; i < group.size(); ++i) {
      const Definition& earlier = group[i - 1];
      const Definition& later = group[i];
      // Identical signatures are copy/paste duplicates, not an attempt at overloading.
      if (earlier.signature == later.signature) continue;
      const TSNode later_name = field(later.node, "name");
      const auto scope = context.model.scope_of(later_name);
      if (!scope) continue;
      if (referenced_between(context, block, *scope, name, ts_node_end_byte(earlier.node),
                             ts_node_start_byte(later.node))) {
        continue;
      }
      context.report({ts_node_start_byte(later_name), ts_node_end_byte(later_name)},
                     describe(name, later.signature) + " replaces the earlier " +
                         describe(name, earlier.signature) +
                         ": Python has no overloading, only the last def is kept");
    }
  }
}

}  // namespace

void check_method_overload_redefinition(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto block = query.capture("block");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_block(context, match.get(block));
  });
}

}  // namespace pyfaq::knowledge::rules
