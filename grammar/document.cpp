// A Python document: its text, line table and tree-sitter tree, kept in step through edits.
#include "grammar/document.h"

#include <algorithm>
#include <cstdlib>

#include "grammar/python_language.h"

namespace pyfaq::grammar {

Document::Document(std::string text) : buffer_(std::move(text)), parser_(make_python_parser()) {
  parse(nullptr);
}

Document::Document(const Document& other)
    : buffer_(other.buffer_), tree_(ts_tree_copy(other.tree_.get())), parsed_(other.parsed_) {}

void Document::parse(const TSTree* old_tree) {
  if (!parser_) parser_ = make_python_parser();
  const std::string& text = buffer_.text();
  parsed_ = text.size() <= kMaxParsedBytes;
  const std::string_view parsed = parsed_ ? std::string_view(text) : std::string_view();
  tree_.reset(ts_parser_parse_string(parser_.get(), parsed_ ? old_tree : nullptr, parsed.data(),
                                     static_cast<uint32_t>(parsed.size())));
}

void Document::edit(ByteRange range, std::string_view replacement) {
  edit_text(range, replacement);
  reparse();
}

void Document::reparse() {
  TreePtr old_tree = std::move(tree_);
  parse(parsed_ ? old_tree.get() : nullptr);  // a stand-in tree has nothing to reuse
  // Error recovery may settle differently when it starts from an old tree. A tree with errors is
  // parsed afresh, so the tree (and every tip) depends on the text alone, never on its history.
  if (ts_node_has_error(root())) parse(nullptr);
}

void Document::edit_text(ByteRange range, std::string_view replacement) {
  const std::size_t start = std::min(range.start, buffer_.size());
  const std::size_t old_end = std::clamp(range.end, start, buffer_.size());
  TSInputEdit input_edit{};
  input_edit.start_byte = static_cast<uint32_t>(start);
  input_edit.old_end_byte = static_cast<uint32_t>(old_end);
  input_edit.start_point = buffer_.to_ts_point(start);
  input_edit.old_end_point = buffer_.to_ts_point(old_end);

  buffer_.replace({start, old_end}, replacement);

  const std::size_t new_end = start + replacement.size();
  input_edit.new_end_byte = static_cast<uint32_t>(new_end);
  input_edit.new_end_point = buffer_.to_ts_point(new_end);
  // The stand-in tree of an unparsed text is not edited: the next parse starts afresh.
  if (parsed_) ts_tree_edit(tree_.get(), &input_edit);
}

std::string Document::syntax_tree_sexp() const {
  char* raw = ts_node_string(root());
  std::string sexp(raw);
  std::free(raw);
  return sexp;
}

}  // namespace pyfaq::grammar
