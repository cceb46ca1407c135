// reStructuredText inline markup as the FAQ uses it: literals, emphasis, roles, hyperlinks,
// rendered to Markdown or plain text, with the API names the roles mention.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pyfaq::knowledge::faq {

/// Markdown for one paragraph's text (lines already joined with spaces).
std::string inline_to_markdown(std::string_view text);

/// The text a reader sees, without markup (section titles, summaries, search).
std::string inline_to_plain(std::string_view text);

/// Python API names the roles refer to (`:func:\`os.remove\`` -> `os.remove`), in order.
void collect_api_references(std::string_view text, std::vector<std::string>& references);

}  // namespace pyfaq::knowledge::faq
