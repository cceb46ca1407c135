// Where a rule's fix may add statements at the top of a function body (after its docstring).
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "knowledge/finding.h"

namespace pyfaq::knowledge::rules {

/// The top of a def's body: the first statement after the docstring (and comments), with the
/// body's indentation and one indentation step of this file (the body's, relative to the def).
struct BodyTop {
  uint32_t offset;     // start of that statement, after its indentation
  std::string indent;  // the body's indentation
  std::string unit;    // one more level

  /// An edit inserting `lines` (each with its extra depth: 0 = the body's level) before the
  /// first statement, which keeps its own line and indentation.
  TextEdit insert(const std::vector<std::pair<int, std::string>>& lines) const;
};

/// Nullopt when the body has no statement after its docstring, sits on the def's own line, or
/// is indented in a way that does not extend the def's indentation.
std::optional<BodyTop> body_top(TSNode function_definition, std::string_view source);

}  // namespace pyfaq::knowledge::rules
