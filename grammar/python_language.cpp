// The pinned tree-sitter Python grammar and parsers and queries made for it.
#include "grammar/python_language.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace pyfaq::grammar {

const TSLanguage* python_language() {
  return tree_sitter_python();
}

ParserPtr make_python_parser() {
  ParserPtr parser(ts_parser_new());
  // Only fails on an ABI mismatch, which the pinned packages rule out; a test covers it.
  ts_parser_set_language(parser.get(), python_language());
  return parser;
}

namespace {
std::string_view describe(TSQueryError error) {
  switch (error) {
    case TSQueryErrorSyntax:
      return "syntax error";
    case TSQueryErrorNodeType:
      return "unknown node type";
    case TSQueryErrorField:
      return "unknown field";
    case TSQueryErrorCapture:
      return "unknown capture";
    case TSQueryErrorStructure:
      return "impossible pattern structure";
    case TSQueryErrorLanguage:
      return "language mismatch";
    case TSQueryErrorNone:
      break;
  }
  return "unknown error";
}
}  // namespace

std::variant<QueryPtr, QueryError> compile_query(std::string_view source) {
  uint32_t error_offset = 0;
  TSQueryError error_type = TSQueryErrorNone;
  QueryPtr query(ts_query_new(python_language(), source.data(),
                              static_cast<uint32_t>(source.size()), &error_offset, &error_type));
  if (!query) return QueryError{std::string(describe(error_type)), error_offset};
  return query;
}

}  // namespace pyfaq::grammar
