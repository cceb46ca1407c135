// reStructuredText inline markup as the FAQ uses it: literals, emphasis, roles, hyperlinks,
// rendered to Markdown or plain text, with the API names the roles mention.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyfaq::knowledge::faq {

/// The URL of the page documenting a Python object (`os.remove`), when known.
using ApiLinker = std::function<std::optional<std::string>(const std::string& name)>;

/// Markdown for one paragraph's text (lines already joined with spaces). With a linker, roles
/// naming Python objects link to their documentation.
std::string inline_to_markdown(std::string_view text, const ApiLinker* linker = nullptr);

/// The text a reader sees, without markup (section titles, summaries, search).
std::string inline_to_plain(std::string_view text);

/// Python API names the roles refer to (`:func:\`os.remove\`` -> `os.remove`), in order.
void collect_api_references(std::string_view text, std::vector<std::string>& references);

}  // namespace pyfaq::knowledge::faq
