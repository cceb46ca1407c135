// Re-analysis after an edit: redo only the functions whose bodies changed, reuse the rest.
#include "knowledge/incremental.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "grammar/syntax.h"
#include "grammar/ts_handles.h"

namespace pyfaq::knowledge {

namespace {

std::string_view slice(std::string_view text, grammar::ByteRange range) {
  return text.substr(range.start, range.end - range.start);
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// Whether `word` occurs in `text` as a whole word (in code, a comment or a string alike:
/// erring towards yes only costs a full analysis).
bool mentions_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_identifier_char(text[at - 1]);
    const std::size_t after = at + word.size();
    const bool ends = after == text.size() || !is_identifier_char(text[after]);
    if (starts && ends) return true;
  }
  return false;
}

/// A body whose edits can change what the module binds or imports: `global x` binds a module
/// name from inside the function, an import changes which rules run.
bool reaches_module(std::string_view body) {
  return mentions_word(body, "global") || mentions_word(body, "import");
}

/// Where an offset of the old text lies in the new one, when every changed body is listed in
/// `changed` (old and new ranges, in order) and all other text is unchanged. Nullopt for an
/// offset strictly inside a changed body.
class OffsetMap {
 public:
  struct Change {
    grammar::ByteRange before, after;
  };
  explicit OffsetMap(std::vector<Change> changes) : changes_(std::move(changes)) {}

  std::optional<std::size_t> map(std::size_t offset) const {
    std::ptrdiff_t delta = 0;
    for (const Change& change : changes_) {
      if (offset <= change.before.start) break;
      if (offset < change.before.end) return std::nullopt;
      delta += static_cast<std::ptrdiff_t>(change.after.end - change.after.start) -
               static_cast<std::ptrdiff_t>(change.before.end - change.before.start);
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + delta);
  }

  std::optional<grammar::ByteRange> map(grammar::ByteRange range) const {
    const auto start = map(range.start), end = map(range.end);
    if (!start || !end) return std::nullopt;
    return grammar::ByteRange{*start, *end};
  }

 private:
  std::vector<Change> changes_;
};

/// The finding moved to the new text, or nullopt when some part of it lies in a changed body.
std::optional<Finding> moved(const Finding& finding, const OffsetMap& offsets) {
  Finding result = finding;
  const auto range = offsets.map(finding.range);
  if (!range) return std::nullopt;
  result.range = *range;
  if (result.fix) {
    for (TextEdit& edit : result.fix->edits) {
      const auto edited = offsets.map(edit.range);
      if (!edited) return std::nullopt;
      edit.range = *edited;
    }
  }
  return result;
}

bool in_any(std::size_t offset, const std::vector<grammar::ByteRange>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [&](const grammar::ByteRange& range) {
    return offset >= range.start && offset < range.end;
  });
}

/// A def as a unit: its body runs from the header's `:` (so that comments between the header
/// and the block belong to it) to the def's end. Nullopt for a def without a block.
std::optional<Unit> unit_of(TSNode definition) {
  const TSNode block = grammar::field(definition, "body");
  if (ts_node_is_null(block)) return std::nullopt;
  uint32_t header_end = ts_node_start_byte(block);
  const uint32_t count = ts_node_child_count(definition);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(definition, i);
    if (grammar::same_node(child, block)) break;
    if (!grammar::is_type(child, "comment")) header_end = ts_node_end_byte(child);
  }
  return Unit{{ts_node_start_byte(definition), ts_node_end_byte(definition)},
              {header_end, ts_node_end_byte(definition)},
              ts_node_start_byte(block)};
}

}  // namespace

std::vector<Unit> find_units(TSNode root) {
  std::vector<Unit> units;
  grammar::TreeCursor cursor(root);
  for (;;) {
    const TSNode node = ts_tree_cursor_current_node(cursor.get());
    bool descend = true;
    if (grammar::is_type(node, "function_definition")) {
      if (auto unit = unit_of(node)) {
        units.push_back(*unit);
        descend = false;
      }
    }
    if (descend && ts_tree_cursor_goto_first_child(cursor.get())) continue;
    while (!ts_tree_cursor_goto_next_sibling(cursor.get())) {
      if (!ts_tree_cursor_goto_parent(cursor.get())) return units;
    }
  }
}

AnalysisResult analyze_document(const grammar::Document& document,
                                const grammar::SemanticModel& model, const RuleSet& rules) {
  AnalysisResult result;
  result.running = running_rules(rules, model);
  RuleRun run = run_rules(document, model, rules, result.running);
  result.unsuppressed = std::move(run.findings);
  result.reads_other_functions = std::move(run.reads_other_functions);
  result.findings = apply_suppressions(document, result.unsuppressed);
  result.units = find_units(document.root());
  return result;
}

AnalysisResult reanalyze(const grammar::Document& before, const AnalysisResult& previous,
                         const grammar::Document& after, const RuleSet& rules) {
  const auto from_scratch = [&](std::string_view why) {
    AnalysisResult result = analyze_document(after, grammar::SemanticModel::build(after), rules);
    result.why_from_scratch = why;
    return result;
  };
  const std::string_view old_text = before.text(), new_text = after.text();
  std::vector<Unit> units = find_units(after.root());
  const std::vector<Unit>& old_units = previous.units;
  if (units.size() != old_units.size() || previous.running.size() != rules.entries().size() ||
      previous.reads_other_functions.size() != rules.entries().size()) {
    return from_scratch("the defs changed");
  }
  // Every rule that runs must be one a function can be re-analysed for alone. The set that runs
  // stays the same: imports change only outside bodies or in a changed body, which both fall
  // back below.
  for (std::size_t i = 0; i < rules.entries().size(); ++i) {
    if (!previous.running[i]) continue;
    if (rules.entries()[i].definition->reach != Reach::Function) {
      return from_scratch("a rule that runs reads the whole module");
    }
    if (previous.reads_other_functions[i]) {
      return from_scratch("a rule read another function's body for some code");
    }
  }
  // The text outside the bodies must be the same; collect the bodies that changed.
  std::vector<OffsetMap::Change> changes;
  std::vector<grammar::ByteRange> old_dirty, new_dirty;  // whole defs
  std::size_t old_from = 0, new_from = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit &old_unit = old_units[i], &unit = units[i];
    if (slice(old_text, {old_from, old_unit.body.start}) !=
        slice(new_text, {new_from, unit.body.start})) {
      return from_scratch("code outside the function bodies changed");
    }
    const std::string_view old_body = slice(old_text, old_unit.body);
    const std::string_view new_body = slice(new_text, unit.body);
    if (old_body != new_body) {
      if (reaches_module(old_body) || reaches_module(new_body))
        return from_scratch("a changed body imports or declares a global");
      changes.push_back({old_unit.body, unit.body});
      old_dirty.push_back(old_unit.definition);
      new_dirty.push_back(unit.definition);
    }
    old_from = old_unit.body.end;
    new_from = unit.body.end;
  }
  if (slice(old_text, {old_from, old_text.size()}) !=
      slice(new_text, {new_from, new_text.size()})) {
    return from_scratch("code outside the function bodies changed");
  }

  AnalysisResult result;
  result.running = previous.running;
  result.incremental = true;
  result.reanalysed_units = changes.size();
  const OffsetMap offsets(changes);
  for (const Finding& finding : previous.unsuppressed) {
    if (in_any(finding.range.start, old_dirty)) continue;  // redone below
    auto kept = moved(finding, offsets);
    if (!kept) return from_scratch("a tip spans a changed body");
    result.unsuppressed.push_back(std::move(*kept));
  }
  if (!changes.empty()) {
    // The model needs the outline and the changed bodies; a clean body is walked only when it
    // declares a global, which binds a module name.
    std::vector<uint32_t> skipped;
    for (std::size_t i = 0, next_dirty = 0; i < units.size(); ++i) {
      if (next_dirty < new_dirty.size() && units[i].definition == new_dirty[next_dirty]) {
        ++next_dirty;
        continue;
      }
      if (!mentions_word(slice(new_text, units[i].body), "global")) {
        skipped.push_back(static_cast<uint32_t>(units[i].block_start));
      }
    }
    const grammar::SemanticModel model = grammar::SemanticModel::build(after, skipped);
    const grammar::ByteRange span{new_dirty.front().start, new_dirty.back().end};
    RuleRun run = run_rules(after, model, rules, result.running, span);
    if (std::find(run.reads_other_functions.begin(), run.reads_other_functions.end(), true) !=
        run.reads_other_functions.end()) {
      return from_scratch("a rule read another function's body");
    }
    for (Finding& finding : run.findings) {
      if (in_any(finding.range.start, new_dirty)) result.unsuppressed.push_back(std::move(finding));
    }
  }
  result.reads_other_functions.assign(rules.entries().size(), false);
  result.findings = apply_suppressions(after, result.unsuppressed);
  result.units = std::move(units);
  return result;
}

}  // namespace pyfaq::knowledge
