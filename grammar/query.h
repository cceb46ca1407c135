// A compiled tree-sitter query with its capture names, and iteration over its matches.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

/// One match of a query: the nodes captured under each capture name.
class QueryMatch {
 public:
  explicit QueryMatch(const TSQueryMatch& match) : match_(match) {}
  /// The first node captured as `capture` (an index from CompiledQuery::capture), or a null node.
  TSNode get(std::optional<uint32_t> capture) const;
  uint16_t pattern_index() const { return match_.pattern_index; }

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

 private:
  explicit CompiledQuery(QueryPtr query);

  QueryPtr query_;
  std::vector<std::string> capture_names_;
};

}  // namespace pyfaq::grammar
