// A compiled tree-sitter query with its capture names, and iteration over its matches.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grammar/text_buffer.h"
#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

/// One match of a query: the nodes captured under each capture name.
class QueryMatch {
 public:
  explicit QueryMatch(const TSQueryMatch& match) : match_(match) {}
  /// The first node captured as `capture` (an index from CompiledQuery::capture), or a null node.
  TSNode get(std::optional<uint32_t> capture) const;
  uint16_t pattern_index() const { return match_.pattern_index; }
  /// The first node the match captured (null if none).
  TSNode first_node() const { return match_.capture_count ? match_.captures[0].node : TSNode{}; }

 private:
  const TSQueryMatch& match_;
};

/// A query compiled once and shared (read-only) by every analysis; each run has its own cursor.
class CompiledQuery {
 public:
  /// Compiles `source`; on failure the error names the offset and the problem.
  static std::variant<CompiledQuery, std::string> compile(std::string_view source);

  /// The index of a capture name (`call.target`), if the query has it.
  std::optional<uint32_t> capture(std::string_view name) const;
  /// Whether any pattern uses a predicate (`#eq?` ...): the C API does not evaluate them.
  bool has_predicates() const;

  /// Calls `visit` for every match under `node`.
  void for_each_match(TSNode node, const std::function<void(const QueryMatch&)>& visit) const;

  uint32_t pattern_count() const;
  /// Where pattern `index` starts in the source the query was compiled from.
  uint32_t pattern_start_byte(uint32_t index) const;
  const TSQuery* get() const { return query_.get(); }

 private:
  explicit CompiledQuery(QueryPtr query);

  QueryPtr query_;
  std::vector<std::string> capture_names_;
};

/// Every match of one query over one tree, found in a single pass and kept (captures copied),
/// so that many readers — the rules, each owning a range of the query's patterns — share one
/// walk of the tree instead of one walk each.
class MatchLog {
 public:
  MatchLog(const CompiledQuery& query, TSNode root);
  /// Only the matches that intersect `range` (those of patterns rooted above it included).
  MatchLog(const CompiledQuery& query, TSNode root, ByteRange range);

  /// Calls `visit` for each kept match of a pattern in [first, end), in the order found.
  void for_each(uint32_t first_pattern, uint32_t end_pattern,
                const std::function<void(const QueryMatch&)>& visit) const;

 private:
  void run(const CompiledQuery& query, TSNode root, const ByteRange* range);

  struct Entry {
    uint32_t id;
    uint16_t pattern;
    uint16_t capture_count;
    std::size_t first_capture;
  };
  std::vector<Entry> entries_;
  std::vector<TSQueryCapture> captures_;
  // Entry indices grouped by pattern (in found order within each), and where each pattern's
  // group starts: a reader of a few patterns skips every other pattern's matches.
  std::vector<uint32_t> by_pattern_;
  std::vector<uint32_t> pattern_starts_;
};

/// What a rule sees of the shared query: capture ids by name, and its own patterns' matches.
class RuleQuery {
 public:
  RuleQuery(const CompiledQuery& query, const MatchLog& log, uint32_t first_pattern,
            uint32_t end_pattern)
      : query_(query), log_(log), first_(first_pattern), end_(end_pattern) {}

  std::optional<uint32_t> capture(std::string_view name) const { return query_.capture(name); }
  /// Calls `visit` for every match of the rule's patterns under `node`.
  void for_each_match(TSNode node, const std::function<void(const QueryMatch&)>& visit) const;

 private:
  const CompiledQuery& query_;
  const MatchLog& log_;
  uint32_t first_, end_;
};

}  // namespace pyfaq::grammar
