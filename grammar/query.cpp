// A compiled tree-sitter query with its capture names, and iteration over its matches.
#include "grammar/query.h"

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

void CompiledQuery::for_each_match(TSNode node,
                                   const std::function<void(const QueryMatch&)>& visit) const {
  QueryCursorPtr cursor(ts_query_cursor_new());
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
  QueryCursorPtr cursor(ts_query_cursor_new());
  ts_query_cursor_exec(cursor.get(), query.get(), root);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match)) {
    entries_.push_back({match.id, match.pattern_index, match.capture_count, captures_.size()});
    captures_.insert(captures_.end(), match.captures, match.captures + match.capture_count);
  }
}

void MatchLog::for_each(uint32_t first_pattern, uint32_t end_pattern,
                        const std::function<void(const QueryMatch&)>& visit) const {
  for (const Entry& entry : entries_) {
    if (entry.pattern < first_pattern || entry.pattern >= end_pattern) continue;
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
