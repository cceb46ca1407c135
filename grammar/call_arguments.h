// The arguments of a call, sorted as Python binds them: positional ones, keywords, splats.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace pyfaq::grammar {

struct KeywordArgument {
  std::string_view name;
  TSNode value;
};

/// What a call passes, as written: comments skipped, parentheses kept.
struct CallArguments {
  std::vector<TSNode> positional;      // in order
  std::size_t leading_positional = 0;  // how many come before any `*args` (their index is sure)
  std::vector<KeywordArgument> keywords;
  bool has_splat = false;     // `*args` or `**kwargs`: which parameter gets what is unknown
  bool has_comment = false;   // a comment inside the parentheses (fixes that rewrite them skip)
  bool is_generator = false;  // `f(x for x in y)`: one generator expression, no argument list
  bool understood = true;     // false for a broken argument list or something else entirely

  /// The value passed as keyword `name`, or a null node.
  TSNode keyword(std::string_view name) const;
  std::size_t count() const { return positional.size() + keywords.size(); }
};

/// Reads the `arguments` field of a call (an `argument_list`, or a lone `generator_expression`).
CallArguments read_arguments(TSNode arguments, std::string_view source);

/// The value of keyword argument `name`, or a null node.
inline TSNode keyword_value(const CallArguments& arguments, std::string_view name) {
  return arguments.keyword(name);
}

/// Argument `index` when given positionally (before any `*args`), else keyword `name`; a null
/// node when neither is there, or when splats hide it (check `has_splat` to tell these apart).
TSNode argument_at(const CallArguments& arguments, std::size_t index, std::string_view name);

}  // namespace pyfaq::grammar
