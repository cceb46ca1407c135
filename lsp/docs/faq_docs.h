// Finding the FAQ: an explicit docs path, the newest installed Python docs, the copy embedded
// at build time, or titles and links only — in that order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "knowledge/faq_index.h"
#include "lsp/docs/inventory.h"

namespace pyfaq::docs {

/// The folder of FAQ `.rst.txt` sources under a path that may name the sources folder itself,
/// an `html` folder, or a docs root such as /usr/share/doc/python3.11.
std::optional<std::string> faq_sources_folder(const std::string& path);

/// The newest /usr/share/doc/python3.N/html/_sources/faq on this machine, and its version.
std::optional<std::pair<std::string, std::string>> installed_faq_folder(
    const std::string& doc_root = "/usr/share/doc");

/// Loads the FAQ from the first source that works. Problems with an explicit path are added
/// to `problems` (and the next source is tried).
knowledge::FaqIndex load_faq(const std::string& explicit_path, std::vector<std::string>& problems,
                             const std::string& doc_root = "/usr/share/doc");

/// The Sphinx inventory of the docs the FAQ was read from (html/objects.inv), which says where
/// the objects its answers mention are documented; nullopt for the embedded FAQ or without one.
/// It takes longer to read than the FAQ itself, so the server reads it in the background.
std::optional<Inventory> load_inventory(const knowledge::FaqSource& source);

}  // namespace pyfaq::docs
