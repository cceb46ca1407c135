// Data files compiled into the binary at build time: rule queries (`rules/*.scm`), rule docs
// (`rules/*.md`) and tables (`data/*.tsv`). The binary needs nothing beside it.
#pragma once

#include <span>
#include <string_view>

namespace pyfaq::knowledge {

struct EmbeddedFile {
  std::string_view name;  // relative to knowledge/: "rules/signal_handler_arity.scm"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();

/// The content of the embedded file called `name`, or an empty view.
std::string_view embedded_file(std::string_view name);

}  // namespace pyfaq::knowledge
