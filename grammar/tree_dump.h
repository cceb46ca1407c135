// A syntax tree written out node by node (kind, byte range, missing/error flags), anonymous
// nodes included: two trees are the same exactly when their dumps are equal (tests, and the
// server's pyfaq/debug/document request).
#pragma once

#include <tree_sitter/api.h>

#include <string>

namespace pyfaq::grammar {

std::string dump_tree(TSNode root);

}  // namespace pyfaq::grammar
