// The rules' tree-sitter queries (`rules/*.scm`), compiled into the binary at build time.
#pragma once

#include <span>
#include <string_view>

namespace pyfaq::knowledge {

struct EmbeddedQuery {
  std::string_view name;  // the file name without `.scm`
  std::string_view source;
};

std::span<const EmbeddedQuery> embedded_queries();

/// The query file called `name`, or an empty view.
std::string_view embedded_query(std::string_view name);

}  // namespace pyfaq::knowledge
