// The pinned tree-sitter Python grammar and parsers and queries made for it.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

/// The tree-sitter Python language compiled into this binary.
const TSLanguage* python_language();

/// A new parser set to the Python language.
ParserPtr make_python_parser();

/// Why a query did not compile: what tree-sitter said and where.
struct QueryError {
  std::string message;
  uint32_t offset = 0;
};

/// Compiles a query against the Python grammar.
std::variant<QueryPtr, QueryError> compile_query(std::string_view source);

}  // namespace pyfaq::grammar
