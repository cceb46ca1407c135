// A section body rendered to Markdown: paragraphs, literal blocks, lists, quotes, directives.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "knowledge/faq/rst_document.h"
#include "knowledge/faq/rst_inline.h"
#include "knowledge/strings.h"

namespace pyfaq::knowledge::faq {

namespace {

using knowledge::trim;

using Lines = std::vector<std::string_view>;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::size_t indent_of(std::string_view line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

/// The lines from `i` on that belong to an indented block (blank lines included), dedented by
/// their smallest indentation. Advances `i` past them.
Lines take_indented(const Lines& lines, std::size_t& i, std::size_t min_indent) {
  std::size_t end = i;
  while (end < lines.size() && (is_blank(lines[end]) || indent_of(lines[end]) >= min_indent)) ++end;
  while (end > i && is_blank(lines[end - 1])) --end;
  std::size_t common = std::string_view::npos;
  for (std::size_t k = i; k < end; ++k) {
    if (!is_blank(lines[k])) common = std::min(common, indent_of(lines[k]));
  }
  Lines block;
  for (std::size_t k = i; k < end; ++k) {
    block.push_back(is_blank(lines[k]) ? std::string_view() : lines[k].substr(common));
  }
  i = end;
  return block;
}

std::string fence(const Lines& block, std::string_view language) {
  std::string out = "```" + std::string(language) + "\n";
  for (const std::string_view line : block) out += std::string(line) + "\n";
  return out + "```";
}

std::string prefix_lines(const std::string& text, std::string_view first, std::string_view rest) {
  std::string out;
  bool at_start = true, first_line = true;
  for (const char c : text) {
    if (at_start) {
      out += first_line ? first : rest;
      first_line = false;
      at_start = false;
    }
    out += c;
    if (c == '\n') at_start = true;
  }
  return out;
}

struct ListMarker {
  std::size_t width = 0;  // marker plus the space after it
  std::string markdown;   // "- " or "3. "
};

std::optional<ListMarker> list_marker(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '*' || line[0] == '-' || line[0] == '+') && line[1] == ' ') {
    return ListMarker{2, "- "};
  }
  // Enumerated: "1." "1)" "(1)" "#." "a)" followed by white space.
  std::size_t at = 0;
  const bool open_paren = !line.empty() && line[0] == '(';
  if (open_paren) ++at;
  const std::size_t label_start = at;
  while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at]))) ++at;
  if (at == label_start && at < line.size() &&
      (line[at] == '#' || std::isalpha(static_cast<unsigned char>(line[at])))) {
    ++at;
  }
  if (at == label_start || at >= line.size()) return std::nullopt;
  const char close = line[at];
  if (close != '.' && close != ')') return std::nullopt;
  if (open_paren && close != ')') return std::nullopt;
  ++at;
  const std::size_t spaces = line.find_first_not_of(' ', at);
  if (at >= line.size() || line[at] != ' ' || spaces == std::string_view::npos) return std::nullopt;
  const std::string_view label = line.substr(label_start, at - 1 - label_start);
  const auto first = static_cast<unsigned char>(label[0]);
  if (label.size() == 1 && std::isupper(first)) return std::nullopt;  // "A. Smith" is a sentence
  const std::string number = std::isdigit(first) ? std::string(label) : std::string("1");
  return ListMarker{spaces, number + ". "};
}

class Renderer {
 public:
  explicit Renderer(const ApiLinker* linker) : linker_(linker) {}

  std::string render(const Lines& lines) {
    std::string out;
    bool previous_was_item = false;
    for (std::size_t i = 0; i < lines.size();) {
      if (is_blank(lines[i])) {
        ++i;
        continue;
      }
      const bool is_item = indent_of(lines[i]) == 0 && list_marker(lines[i]).has_value();
      std::string block = indent_of(lines[i]) > 0 ? quote(lines, i) : top_level(lines, i);
      if (block.empty()) continue;
      // Items of one list stay together (a tight list); other blocks are paragraphs apart.
      if (!out.empty()) out += previous_was_item && is_item ? "\n" : "\n\n";
      out += block;
      previous_was_item = is_item;
    }
    return out;
  }

 private:
  std::string quote(const Lines& lines, std::size_t& i) {
    const Lines block = take_indented(lines, i, 1);
    const std::string inner = Renderer(*this).render(block);
    return inner.empty() ? std::string() : prefix_lines(inner, "> ", "> ");
  }

  std::string top_level(const Lines& lines, std::size_t& i) {
    const std::string_view line = lines[i];
    if (line.starts_with("..")) return explicit_markup(lines, i);
    if (line.starts_with(">>>")) return doctest_block(lines, i);
    if (const auto marker = list_marker(line)) return list_item(lines, i, *marker);
    return paragraph(lines, i);
  }

  std::string doctest_block(const Lines& lines, std::size_t& i) {
    Lines block;
    while (i < lines.size() && !is_blank(lines[i])) block.push_back(lines[i++]);
    return fence(block, "pycon");
  }

  std::string list_item(const Lines& lines, std::size_t& i, const ListMarker& marker) {
    // The item's own lines: the first without its marker, then everything indented under it.
    std::vector<std::string> owned{std::string(lines[i].substr(marker.width))};
    ++i;
    std::size_t k = i;
    while (k < lines.size() && (is_blank(lines[k]) || indent_of(lines[k]) >= marker.width)) ++k;
    while (k > i && is_blank(lines[k - 1])) --k;
    for (; i < k; ++i) {
      owned.push_back(is_blank(lines[i]) ? std::string()
                                         : std::string(lines[i].substr(marker.width)));
    }
    const Lines item(owned.begin(), owned.end());
    const std::string inner = Renderer(*this).render(item);
    const std::string pad(marker.markdown.size(), ' ');
    return prefix_lines(inner, marker.markdown, pad);
  }

  std::string paragraph(const Lines& lines, std::size_t& i) {
    std::string text;
    while (i < lines.size() && !is_blank(lines[i]) && indent_of(lines[i]) == 0) {
      if (!text.empty()) text += ' ';
      text += trim(lines[i]);
      ++i;
      if (i < lines.size() && (list_marker(lines[i]) || lines[i].starts_with(".. "))) break;
    }
    // A paragraph ending in "::" introduces a literal block.
    bool literal_follows = false;
    if (text.ends_with("::")) {
      literal_follows = true;
      if (text == "::") {
        text.clear();
      } else if (text.ends_with(" ::")) {
        text.resize(text.size() - 3);
      } else {
        text.pop_back();
      }
    }
    std::string out = text.empty() ? std::string() : inline_to_markdown(text, linker_);
    if (literal_follows) {
      std::size_t k = i;
      while (k < lines.size() && is_blank(lines[k])) ++k;
      if (k < lines.size() && indent_of(lines[k]) > 0) {
        i = k;
        const std::string code = fence(take_indented(lines, i, 1), language_);
        out = out.empty() ? code : out + "\n\n" + code;
      }
    }
    return out;
  }

  std::string explicit_markup(const Lines& lines, std::size_t& i) {
    const std::string_view first = lines[i];
    ++i;
    const Lines content = take_indented(lines, i, 1);
    // ".. name:: argument"; anything else is a comment (".. XXX"), a target (".. _label:")
    // or a substitution definition, none of which a reader sees.
    const std::string_view rest = trim(first.substr(2));
    const auto marker = rest.find("::");
    const std::string name(marker == std::string_view::npos ? std::string_view()
                                                            : rest.substr(0, marker));
    const bool is_directive =
        !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
        std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
        });
    if (!is_directive || first.size() < 3 || first[2] != ' ') return {};
    const std::string argument(trim(rest.substr(marker + 2)));
    // Options (":linenos:") come first in a directive's content.
    Lines body = content;
    while (!body.empty() && !body.front().empty() && body.front().front() == ':') {
      body.erase(body.begin());
    }
    while (!body.empty() && body.front().empty()) body.erase(body.begin());

    if (name == "code-block" || name == "sourcecode" || name == "code") {
      return fence(body, argument.empty() ? language_ : argument);
    }
    if (name == "doctest") return fence(body, "pycon");
    if (name == "testcode") return fence(body, "python");
    if (name == "highlight") {
      language_ = argument.empty() ? "python" : argument;
      if (language_ == "python3" || language_ == "default") language_ = "python";
      return {};
    }
    if (name == "note" || name == "seealso" || name == "warning" || name == "tip" ||
        name == "important" || name == "caution") {
      std::string label = name == "seealso" ? "See also" : name;
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      std::string text = inline_to_markdown(argument, linker_);
      const std::string inner = Renderer(*this).render(body);
      if (!text.empty() && !inner.empty()) text += "\n\n";
      return prefix_lines("**" + label + ":** " + text + inner, "> ", "> ");
    }
    if (name == "versionchanged" || name == "versionadded" || name == "deprecated") {
      const std::string verb = name == "versionchanged" ? "Changed"
                               : name == "versionadded" ? "Added"
                                                        : "Deprecated";
      const auto space = argument.find(' ');
      const std::string version = argument.substr(0, space);
      std::string rest = space == std::string::npos ? std::string() : argument.substr(space + 1);
      std::string inner = Renderer(*this).render(body);
      if (!rest.empty())
        inner = inline_to_markdown(rest, linker_) + (inner.empty() ? "" : " " + inner);
      return "*" + verb + " in version " + version + ":* " + inner;
    }
    if (name == "only") return Renderer(*this).render(body);
    if (name == "contents" || name == "currentmodule" || name == "module" || name == "index" ||
        name == "toctree" || name == "testsetup" || name == "testcleanup" ||
        name == "tabularcolumns") {
      return {};
    }
    return Renderer(*this).render(body);  // unknown: keep what it says, as text
  }

  std::string language_ = "python";
  const ApiLinker* linker_;
};

}  // namespace

std::string body_to_markdown(const std::vector<std::string_view>& body, const ApiLinker* linker) {
  return Renderer(linker).render(body);
}

bool has_visible_content(const std::vector<std::string_view>& body) {
  return !body_to_markdown(body).empty();
}

}  // namespace pyfaq::knowledge::faq
