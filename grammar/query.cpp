// A compiled tree-sitter query with its capture names, and iteration over its matches.
#include "grammar/query.h"

#include <algorithm>
#include <variant>

#include "grammar/python_language.h"

namespace pyfaq::grammar {

TSNode QueryMatch::get(std::optional<uint32_t> capture) const {
  if (capture) {
    for (uint16_t i = 0; i < match_.capture_count; ++i) {
      if (match_.captures[i].index == *capture) return match_.captures[i].node;
    }
  }
  return TSNode{};
}

CompiledQuery::CompiledQuery(QueryPtr query) : query_(std::move(query)) {
  const uint32_t count = ts_query_capture_count(query_.get());
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t length = 0;
    const char* name = ts_query_capture_name_for_id(query_.get(), i, &length);
    capture_names_.emplace_back(name, length);
  }
}

std::variant<CompiledQuery, std::string> CompiledQuery::compile(std::string_view source) {
  auto compiled = compile_query(source);
  if (auto* error = std::get_if<QueryError>(&compiled)) {
    return error->message + " at offset " + std::to_string(error->offset);
  }
  return CompiledQuery(std::move(std::get<QueryPtr>(compiled)));
}

std::optional<uint32_t> CompiledQuery::capture(std::string_view name) const {
  for (uint32_t i = 0; i < capture_names_.size(); ++i) {
    if (capture_names_[i] == name) return i;
  }
  return std::nullopt;
}

bool CompiledQuery::has_predicates() const {
  const uint32_t patterns = ts_query_pattern_count(query_.get());
  for (uint32_t i = 0; i < patterns; ++i) {
    uint32_t steps = 0;
    ts_query_predicates_for_pattern(query_.get(), i, &steps);
    if (steps > 0) return true;
  }
  return false;
}

namespace {

/// Matches start no deeper than this. tree-sitter's query cursor keeps a partial match open for
/// every level it is inside, so a list nested 50,000 deep took 12 s; CPython refuses more than
/// 200 nested brackets, which sit well above this depth.
constexpr uint32_t kMaxMatchStartDepth = 1000;

QueryCursorPtr new_cursor() {
  QueryCursorPtr cursor(ts_query_cursor_new());
  ts_query_cursor_set_max_start_depth(cursor.get(), kMaxMatchStartDepth);
  return cursor;
}

}  // namespace

void CompiledQuery::for_each_match(TSNode node,
                                   const std::function<void(const QueryMatch&)>& visit) const {
  const QueryCursorPtr cursor = new_cursor();
  ts_query_cursor_exec(cursor.get(), query_.get(), node);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match)) visit(QueryMatch(match));
}

uint32_t CompiledQuery::pattern_count() const {
  return ts_query_pattern_count(query_.get());
}

uint32_t CompiledQuery::pattern_start_byte(uint32_t index) const {
  return ts_query_start_byte_for_pattern(query_.get(), index);
}

MatchLog::MatchLog(const CompiledQuery& query, TSNode root) {
  run(query, root, nullptr);
}

MatchLog::MatchLog(const CompiledQuery& query, TSNode root, ByteRange range) {
  run(query, root, &range);
}

void MatchLog::run(const CompiledQuery& query, TSNode root, const ByteRange* range) {
  const QueryCursorPtr cursor = new_cursor();
  if (range) {
    ts_query_cursor_set_byte_range(cursor.get(), static_cast<uint32_t>(range->start),
                                   static_cast<uint32_t>(range->end));
  }
  ts_query_cursor_exec(cursor.get(), query.get(), root);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match)) {
    entries_.push_back({match.id, match.pattern_index, match.capture_count, captures_.size()});
    captures_.insert(captures_.end(), match.captures, match.captures + match.capture_count);
  }
  // A counting sort by pattern keeps the found order within each pattern.
  pattern_starts_.assign(query.pattern_count() + 1, 0);
  for (const Entry& entry : entries_) ++pattern_starts_[entry.pattern + 1];
  for (std::size_t i = 1; i < pattern_starts_.size(); ++i) {
    pattern_starts_[i] += pattern_starts_[i - 1];
  }
  by_pattern_.resize(entries_.size());
  std::vector<uint32_t> next(pattern_starts_.begin(), pattern_starts_.end() - 1);
  for (uint32_t i = 0; i < entries_.size(); ++i) by_pattern_[next[entries_[i].pattern]++] = i;
}

void MatchLog::for_each(uint32_t first_pattern, uint32_t end_pattern,
                        const std::function<void(const QueryMatch&)>& visit) const {
  const auto patterns = static_cast<uint32_t>(pattern_starts_.size() - 1);
  first_pattern = std::min(first_pattern, patterns);
  end_pattern = std::clamp(end_pattern, first_pattern, patterns);
  // The rule's patterns are contiguous, so their matches are one slice; back in found order.
  std::vector<uint32_t> indices(by_pattern_.begin() + pattern_starts_[first_pattern],
                                by_pattern_.begin() + pattern_starts_[end_pattern]);
  std::sort(indices.begin(), indices.end());
  for (const uint32_t index : indices) {
    const Entry& entry = entries_[index];
    const TSQueryMatch match{entry.id, entry.pattern, entry.capture_count,
                             captures_.data() + entry.first_capture};
    visit(QueryMatch(match));
  }
}

void RuleQuery::for_each_match(TSNode node,
                               const std::function<void(const QueryMatch&)>& visit) const {
  const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  log_.for_each(first_, end_, [&](const QueryMatch& match) {
    // The log covers the whole tree; keep the matches whose first capture lies under `node`.
    const TSNode first = match.first_node();
    if (ts_node_start_byte(first) >= start && ts_node_end_byte(first) <= end) visit(match);
  });
}

}  // namespace pyfaq::grammar
