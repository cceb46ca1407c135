// Re-analysis after an edit: redo only the functions whose bodies changed, reuse the rest.
#include "knowledge/incremental.h"

#include <algorithm>
#include <cstring>
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

/// Whether the line ending just before `newline` (the offset of its "\n") continues on the
/// next one with a backslash.
bool continues(std::string_view text, std::size_t newline) {
  std::size_t last = newline;
  if (last > 0 && text[last - 1] == '\r') --last;
  return last > 0 && text[last - 1] == '\\';
}

/// The lines of a text that mention a word (with the lines a backslash joins to them), without
/// their indentation, in order.
std::vector<std::string_view> lines_mentioning(std::string_view text, std::string_view word) {
  std::vector<std::string_view> lines;
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    std::size_t start = text.rfind('\n', at);
    while (start != std::string_view::npos && start > 0 && continues(text, start)) {
      start = text.rfind('\n', start - 1);
    }
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t end = text.find('\n', at);
    while (end != std::string_view::npos && continues(text, end)) end = text.find('\n', end + 1);
    if (end == std::string_view::npos) end = text.size();
    while (start < end && (text[start] == ' ' || text[start] == '\t')) ++start;
    if (lines.empty() || lines.back() != text.substr(start, end - start)) {
      lines.push_back(text.substr(start, end - start));
    }
    at = end;
  }
  return lines;
}

/// Whether an edit of a body can change what the module binds or which rules run: any body with
/// `global x` binds a module name from inside the function; imports decide which rules run, so
/// their lines must stay as they were.
bool reaches_module(std::string_view old_body, std::string_view new_body) {
  return mentions_word(old_body, "global") || mentions_word(new_body, "global") ||
         lines_mentioning(old_body, "import") != lines_mentioning(new_body, "import");
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

  /// Whether some change lies within the range or meets it at an end.
  bool touches(grammar::ByteRange range) const {
    return std::any_of(changes_.begin(), changes_.end(), [&](const Change& change) {
      return change.before.start <= range.end && change.before.end >= range.start;
    });
  }

  std::optional<grammar::ByteRange> map(grammar::ByteRange range) const {
    const auto start = map(range.start), end = map(range.end);
    if (!start || !end) return std::nullopt;
    return grammar::ByteRange{*start, *end};
  }

 private:
  std::vector<Change> changes_;
};

/// The class_definition nodes among the module's statements (decorated ones too).
std::vector<grammar::ByteRange> module_level_classes(TSNode root) {
  std::vector<grammar::ByteRange> classes;
  grammar::TreeCursor cursor(root);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return classes;
  do {
    TSNode statement = ts_tree_cursor_current_node(cursor.get());
    if (grammar::is_type(statement, "decorated_definition")) {
      statement = grammar::field(statement, "definition");
    }
    if (grammar::is_type(statement, "class_definition")) {
      classes.push_back({ts_node_start_byte(statement), ts_node_end_byte(statement)});
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
  return classes;
}

/// How many bytes two texts share at their start: compared a block at a time.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  const std::size_t shorter = std::min(a.size(), b.size());
  constexpr std::size_t kBlock = 512;
  std::size_t at = 0;
  while (at + kBlock <= shorter && std::memcmp(a.data() + at, b.data() + at, kBlock) == 0) {
    at += kBlock;
  }
  while (at < shorter && a[at] == b[at]) ++at;
  return at;
}

/// How many bytes two texts share at their end, up to `limit`.
std::size_t common_suffix(std::string_view a, std::string_view b, std::size_t limit) {
  constexpr std::size_t kBlock = 512;
  std::size_t length = 0;
  while (length + kBlock <= limit &&
         std::memcmp(a.data() + a.size() - length - kBlock, b.data() + b.size() - length - kBlock,
                     kBlock) == 0) {
    length += kBlock;
  }
  while (length < limit && a[a.size() - 1 - length] == b[b.size() - 1 - length]) ++length;
  return length;
}

/// Where two versions of a part of the text differ: the old and new spans between their common
/// prefix and suffix. Nullopt when they are equal.
std::optional<OffsetMap::Change> difference(std::string_view old_text, grammar::ByteRange old_part,
                                            std::string_view new_text,
                                            grammar::ByteRange new_part) {
  const std::string_view a = slice(old_text, old_part), b = slice(new_text, new_part);
  if (a == b) return std::nullopt;
  const std::size_t prefix = common_prefix(a, b);
  const std::size_t suffix = common_suffix(a, b, std::min(a.size(), b.size()) - prefix);
  return OffsetMap::Change{{old_part.start + prefix, old_part.end - suffix},
                           {new_part.start + prefix, new_part.end - suffix}};
}

/// The finding moved to the new text; nullopt when a change touches it or its fix (its text, or
/// where a fresh analysis would put its edits, may differ).
std::optional<Finding> moved(const Finding& finding, const OffsetMap& offsets) {
  if (offsets.touches(finding.range)) return std::nullopt;
  if (finding.fix) {
    for (const TextEdit& edit : finding.fix->edits) {
      if (offsets.touches(edit.range)) return std::nullopt;
    }
  }
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
              {header_end, ts_node_end_byte(definition)}};
}

/// The outline of `after` without walking it, when the two texts differ inside one unit's body
/// only, both trees are free of syntax errors (so no error recovery reshaped code around the
/// edit) and `after`'s tree still has that unit as an outermost def of the same extent: the old
/// outline with the later units moved. Nullopt otherwise (then the outline is read afresh).
std::optional<Outline> outline_after_body_edit(const grammar::Document& before, const Outline& old,
                                               const grammar::Document& after) {
  if (ts_node_has_error(before.root()) || ts_node_has_error(after.root())) return std::nullopt;
  const std::string_view old_text = before.text(), new_text = after.text();
  const std::size_t shorter = std::min(old_text.size(), new_text.size());
  const std::size_t prefix = common_prefix(old_text, new_text);
  if (prefix == old_text.size() && prefix == new_text.size()) return old;
  const std::size_t suffix = common_suffix(old_text, new_text, shorter - prefix);
  const std::size_t old_end = old_text.size() - suffix;
  const auto edited = std::find_if(old.units.begin(), old.units.end(), [&](const Unit& unit) {
    return unit.body.start < prefix && old_end <= unit.body.end;
  });
  if (edited == old.units.end()) return std::nullopt;
  const std::ptrdiff_t delta =
      static_cast<std::ptrdiff_t>(new_text.size()) - static_cast<std::ptrdiff_t>(old_text.size());
  const auto moved = [&](std::size_t offset) {
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + delta);
  };
  // The new tree must still hold the unit, outermost, from the same start to its moved end.
  TSNode node = ts_node_descendant_for_byte_range(after.root(),
                                                  static_cast<uint32_t>(edited->definition.start),
                                                  static_cast<uint32_t>(edited->definition.start));
  TSNode unit_node{};
  for (; !ts_node_is_null(node); node = ts_node_parent(node)) {
    if (!grammar::is_type(node, "function_definition")) continue;
    if (!ts_node_is_null(unit_node)) return std::nullopt;  // nested in another def
    if (ts_node_start_byte(node) != edited->definition.start) return std::nullopt;
    unit_node = node;
  }
  const auto unit = ts_node_is_null(unit_node) ? std::nullopt : unit_of(unit_node);
  if (!unit || unit->body.start != edited->body.start ||
      unit->definition.end != moved(edited->definition.end)) {
    return std::nullopt;
  }
  Outline outline = old;
  auto index = static_cast<std::size_t>(edited - old.units.begin());
  outline.units[index] = *unit;
  for (++index; index < outline.units.size(); ++index) {
    Unit& later = outline.units[index];
    later = {{moved(later.definition.start), moved(later.definition.end)},
             {moved(later.body.start), moved(later.body.end)}};
  }
  return outline;
}

}  // namespace

Outline read_outline(const grammar::Document& document) {
  Outline outline;
  std::string& signature = outline.signature;
  const std::string_view text = document.text();
  grammar::TreeCursor cursor(document.root());
  // Symbols, not type names: this walk visits every node outside the bodies at every edit.
  const TSLanguage* language = ts_tree_language(document.tree());
  const auto symbol_of = [&](std::string_view name) {
    return ts_language_symbol_for_name(language, name.data(), static_cast<uint32_t>(name.size()),
                                       true);
  };
  const TSSymbol comment = symbol_of("comment"), block = symbol_of("block"),
                 function_definition = symbol_of("function_definition"),
                 expression_statement = symbol_of("expression_statement");
  uint32_t body_block = UINT32_MAX;  // the block of the unit just entered
  // Appends the node where the cursor is; true when its children are to be visited.
  const auto enter = [&](TSNode node) {
    const TSSymbol symbol = ts_node_symbol(node);
    if (symbol == comment) return false;
    if (symbol == block && ts_node_start_byte(node) == body_block) {
      const char* field = ts_tree_cursor_current_field_name(cursor.get());
      if (field && std::string_view(field) == "body") {
        signature += "B";  // a unit's body: compared as text, not here
        body_block = UINT32_MAX;
        return false;
      }
    }
    // A string alone as a statement (a docstring) is prose: its words are left out too.
    if (symbol == expression_statement && ts_node_named_child_count(node) == 1 &&
        grammar::is_type(ts_node_named_child(node, 0), "string")) {
      signature += "D";
      return false;
    }
    if (symbol == function_definition) {
      if (auto unit = unit_of(node)) {
        outline.units.push_back(*unit);
        body_block = ts_node_start_byte(grammar::field(node, "body"));
      }
    }
    signature.append(reinterpret_cast<const char*>(&symbol), sizeof symbol);
    if (ts_node_child_count(node) > 0) {
      signature += '(';
      return true;
    }
    const std::string_view token = slice(text, {ts_node_start_byte(node), ts_node_end_byte(node)});
    const auto size = static_cast<uint32_t>(token.size());
    signature += 'L';
    signature.append(reinterpret_cast<const char*>(&size), sizeof size);
    signature += token;
    return false;
  };
  for (;;) {
    if (enter(ts_tree_cursor_current_node(cursor.get())) &&
        ts_tree_cursor_goto_first_child(cursor.get())) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(cursor.get())) {
      if (!ts_tree_cursor_goto_parent(cursor.get())) return outline;
      signature += ')';
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
  result.outline = read_outline(document);
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
  std::optional<Outline> moved_outline = outline_after_body_edit(before, previous.outline, after);
  Outline outline = moved_outline ? std::move(*moved_outline) : read_outline(after);
  if (outline.signature != previous.outline.signature) {
    return from_scratch("code outside the function bodies changed");
  }
  const std::vector<Unit>&old_units = previous.outline.units, &units = outline.units;
  if (previous.running.size() != rules.entries().size() ||
      previous.reads_other_functions.size() != rules.entries().size()) {
    return from_scratch("the rules changed");
  }
  // Every rule that runs must be one a function can be re-analysed for alone. The set that runs
  // stays the same: imports change only outside bodies or in a changed body, which both fall
  // back.
  for (std::size_t i = 0; i < rules.entries().size(); ++i) {
    if (!previous.running[i]) continue;
    if (rules.entries()[i].definition->reach != Reach::Function) {
      return from_scratch("a rule that runs reads the whole module");
    }
    if (previous.reads_other_functions[i]) {
      return from_scratch("a rule read another function's body for some code");
    }
  }
  // What changed, in order: comments and layout between the bodies, and the bodies.
  std::vector<OffsetMap::Change> changes;
  std::vector<grammar::ByteRange> old_dirty, new_dirty;  // whole defs
  const auto compare_outside = [&](grammar::ByteRange old_part, grammar::ByteRange new_part) {
    if (auto change = difference(old_text, old_part, new_text, new_part)) {
      changes.push_back(*change);
    }
  };
  std::size_t old_from = 0, new_from = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit &old_unit = old_units[i], &unit = units[i];
    compare_outside({old_from, old_unit.body.start}, {new_from, unit.body.start});
    const std::string_view old_body = slice(old_text, old_unit.body);
    const std::string_view new_body = slice(new_text, unit.body);
    if (old_body != new_body) {
      if (reaches_module(old_body, new_body)) {
        return from_scratch("a changed body's imports or globals");
      }
      changes.push_back({old_unit.body, unit.body});
      old_dirty.push_back(old_unit.definition);
      new_dirty.push_back(unit.definition);
    }
    old_from = old_unit.body.end;
    new_from = unit.body.end;
  }
  compare_outside({old_from, old_text.size()}, {new_from, new_text.size()});

  AnalysisResult result;
  result.running = previous.running;
  result.incremental = true;
  result.reanalysed_units = new_dirty.size();
  const OffsetMap offsets(std::move(changes));
  for (const Finding& finding : previous.unsuppressed) {
    if (in_any(finding.range.start, old_dirty)) continue;  // redone below
    auto kept = moved(finding, offsets);
    if (!kept) return from_scratch("a tip touches a changed part");
    result.unsuppressed.push_back(std::move(*kept));
  }
  if (!new_dirty.empty()) {
    // The model needs the outline and the changed defs; of a clean def only the name, unless its
    // body declares a global or its header has a walrus, which bind module names.
    std::vector<uint32_t> skipped;
    for (std::size_t i = 0, next_dirty = 0; i < units.size(); ++i) {
      if (next_dirty < new_dirty.size() && units[i].definition == new_dirty[next_dirty]) {
        ++next_dirty;
        continue;
      }
      const std::string_view header =
          slice(new_text, {units[i].definition.start, units[i].body.start});
      if (!mentions_word(slice(new_text, units[i].body), "global") &&
          header.find(":=") == std::string_view::npos) {
        skipped.push_back(static_cast<uint32_t>(units[i].definition.start));
      }
    }
    // Of a module-level class holding no changed def, only the name too.
    for (const grammar::ByteRange& class_range : module_level_classes(after.root())) {
      const std::string_view text = slice(new_text, class_range);
      const bool holds_change =
          std::any_of(new_dirty.begin(), new_dirty.end(), [&](const grammar::ByteRange& def) {
            return def.start >= class_range.start && def.end <= class_range.end;
          });
      if (!holds_change && !mentions_word(text, "global") &&
          text.find(":=") == std::string_view::npos) {
        skipped.push_back(static_cast<uint32_t>(class_range.start));
      }
    }
    std::sort(skipped.begin(), skipped.end());
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
  result.outline = std::move(outline);
  return result;
}

}  // namespace pyfaq::knowledge
