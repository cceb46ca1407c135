// The arguments of a call, sorted as Python binds them: positional ones, keywords, splats.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <utility>
#include <vector>

namespace pyfaq::grammar {

struct CallArguments {
  std::vector<TSNode> positional;      // in order, comments skipped
  std::size_t leading_positional = 0;  // how many come before any `*args` (their index is sure)
  std::vector<std::pair<std::string_view, TSNode>> keywords;  // name, value
  bool has_splat = false;    // *args or **kwargs: what binds where is unknown
  bool has_comment = false;  // a comment inside the parentheses (fixes that rewrite them skip)
  bool understood = false;   // false for `f(x for x in y)` or a broken argument list
};

/// Reads the `arguments` node of a call (an `argument_list`).
CallArguments read_arguments(TSNode arguments, std::string_view source);

/// The value of keyword argument `name`, or a null node.
TSNode keyword_value(const CallArguments& arguments, std::string_view name);

/// Argument `index` when given positionally (before any `*args`), else keyword `name`; a null
/// node when neither is there, or when splats hide it (check `has_splat` to tell these apart).
TSNode argument_at(const CallArguments& arguments, std::size_t index, std::string_view name);

}  // namespace pyfaq::grammar
