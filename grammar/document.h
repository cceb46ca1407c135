// A Python document: its text, line table and tree-sitter tree, kept in step through edits.
#pragma once

#include <string>
#include <string_view>

#include "grammar/text_buffer.h"
#include "grammar/ts_handles.h"

namespace pyfaq::grammar {

/// Larger texts are kept, and edited, but not parsed: their tree is that of an empty module, so
/// nothing is found in them. A file this large is data, not code anyone edits by hand, and
/// parsing it would take seconds at every keystroke.
inline constexpr std::size_t kMaxParsedBytes = 16u << 20;

/// Owns the text and the syntax tree of one Python source. Syntax errors never fail anything:
/// the tree then holds ERROR and MISSING nodes and analysis works around them.
class Document {
 public:
  explicit Document(std::string text);
  /// A copy shares nothing mutable with the original: the tree is copied (cheaply, by
  /// tree-sitter's reference counting) and the copy gets its own parser when first edited.
  Document(const Document& other);
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;

  const TextBuffer& buffer() const { return buffer_; }
  std::string_view text() const { return buffer_.text(); }
  const TSTree* tree() const { return tree_.get(); }
  TSNode root() const { return ts_tree_root_node(tree_.get()); }

  /// Replaces the bytes in `range` with `replacement`, edits the old tree to match and reparses
  /// incrementally, reusing every subtree the edit did not touch. The resulting tree is always
  /// the one a fresh parse of the new text gives.
  void edit(ByteRange range, std::string_view replacement);
  /// The same without the re-parse, for several edits in a row (an editor's notification with
  /// many changes): each range is in the text as the edits before it left it. `reparse()`
  /// then brings the tree up to date once; until then the tree is stale.
  void edit_text(ByteRange range, std::string_view replacement);
  void reparse();

  /// False when the text is over kMaxParsedBytes and the tree stands for an empty module.
  bool parsed() const { return parsed_; }

  /// The tree as an S-expression (named nodes, with field names), for tests and debugging.
  std::string syntax_tree_sexp() const;

 private:
  void parse(const TSTree* old_tree);

  TextBuffer buffer_;
  ParserPtr parser_;
  TreePtr tree_;
  bool parsed_ = true;
};

}  // namespace pyfaq::grammar
