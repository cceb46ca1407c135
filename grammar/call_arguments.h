// The arguments of a call, sorted into positional and keyword ones.
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
  std::vector<TSNode> positional;
  std::vector<KeywordArgument> keywords;
  bool has_splat = false;     // `*args` or `**kwargs`: which parameter gets what is unknown
  bool is_generator = false;  // `f(x for x in y)`: one generator expression, no argument list
  bool understood = true;     // false for error recovery inside the list

  /// The value passed as keyword `name`, or a null node.
  TSNode keyword(std::string_view name) const;
  std::size_t count() const { return positional.size() + keywords.size(); }
};

/// Reads the `arguments` field of a call (an `argument_list`, or a lone `generator_expression`).
CallArguments read_arguments(TSNode arguments, std::string_view source);

}  // namespace pyfaq::grammar
