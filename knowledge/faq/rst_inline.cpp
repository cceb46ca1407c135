// reStructuredText inline markup as the FAQ uses it, rendered to Markdown or plain text.
#include "knowledge/faq/rst_inline.h"

#include <cctype>
#include <optional>

namespace pyfaq::knowledge::faq {

namespace {

enum class Target { Markdown, Plain };

/// A role's content split into what is shown and what it points at: `title <target>`.
struct RoleContent {
  std::string shown;
  std::string target;
};

RoleContent split_title(std::string_view content) {
  if (content.ends_with('>')) {
    const auto open = content.rfind('<');
    if (open != std::string_view::npos && open > 0) {
      std::string_view title = content.substr(0, open);
      while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
      return {std::string(title), std::string(content.substr(open + 1, content.size() - open - 2))};
    }
  }
  return {std::string(content), std::string(content)};
}

bool is_python_object_role(std::string_view role) {
  return role == "func" || role == "meth" || role == "class" || role == "mod" || role == "exc" ||
         role == "data" || role == "attr" || role == "obj" || role == "const";
}

/// What a role shows. Python objects follow Sphinx: `~a.b` shows `b`, functions get `()`.
std::string role_text(std::string_view role, std::string_view content) {
  RoleContent parts = split_title(content);
  if (parts.shown == parts.target) {
    std::string shown = parts.shown;
    if (!shown.empty() && shown.front() == '!') shown.erase(0, 1);
    if (!shown.empty() && shown.front() == '~') {
      shown.erase(0, 1);
      if (const auto dot = shown.rfind('.'); dot != std::string::npos) shown.erase(0, dot + 1);
    }
    const bool callable = role == "func" || role == "meth" || role == "c:func";
    if (callable && !shown.ends_with(")")) shown += "()";
    parts.shown = shown;
  }
  if (role == "menuselection") {
    std::string shown;
    for (std::size_t i = 0; i < parts.shown.size(); ++i) {
      if (parts.shown.compare(i, 3, "-->") == 0) {
        shown += "→";
        i += 2;
      } else {
        shown += parts.shown[i];
      }
    }
    return shown;
  }
  return parts.shown;
}

bool is_code_role(std::string_view role) {
  return is_python_object_role(role) || role.starts_with("c:") || role == "file" ||
         role == "envvar" || role == "program" || role == "kbd" || role == "keyword" ||
         role == "samp" || role == "source" || role == "option" || role == "command";
}

std::string code_span(std::string_view text) {
  const std::string fence = text.find('`') == std::string_view::npos ? "`" : "``";
  const std::string pad = fence.size() > 1 ? " " : "";
  return fence + pad + std::string(text) + pad + fence;
}

std::string pep_link(std::string_view content, Target target) {
  const RoleContent parts = split_title(content);
  std::string number;
  for (const char c : parts.target) {
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    number += c;
  }
  const std::string shown = parts.shown == parts.target ? "PEP " + number : parts.shown;
  if (target == Target::Plain || number.empty()) return shown;
  std::string padded = std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
  return "[" + shown + "](https://peps.python.org/pep-" + padded + "/)";
}

/// The end of an inline construct that closes with `close` starting at `from`, or npos.
std::size_t find_close(std::string_view text, std::size_t from, std::string_view close) {
  for (std::size_t at = text.find(close, from); at != std::string_view::npos;
       at = text.find(close, at + 1)) {
    if (at > 0 && text[at - 1] == '\\') continue;
    return at;
  }
  return std::string_view::npos;
}

/// Inline markup may start only after whitespace or opening punctuation.
bool can_start(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char before = text[at - 1];
  return std::isspace(static_cast<unsigned char>(before)) ||
         std::string_view("'\"([{<-/:").find(before) != std::string_view::npos;
}

/// The object a Python role names: `~a.b` and `!a.b` -> `a.b`, `f()` -> `f`.
std::string role_target(std::string_view content) {
  std::string name = split_title(content).target;
  while (!name.empty() && (name.front() == '~' || name.front() == '!')) name.erase(0, 1);
  if (name.ends_with("()")) name.resize(name.size() - 2);
  return name;
}

std::string render(std::string_view text, Target target, const ApiLinker* linker) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {  // escapes; "\ " joins words
      if (text[i + 1] != ' ') out += text[i + 1];
      i += 2;
      continue;
    }
    if (c == '`' && text.compare(i, 2, "``") == 0 && can_start(text, i)) {
      const auto close = text.find("``", i + 2);
      if (close != std::string_view::npos) {
        const std::string_view literal = text.substr(i + 2, close - i - 2);
        out += target == Target::Markdown ? code_span(literal) : std::string(literal);
        i = close + 2;
        continue;
      }
    }
    if (c == ':' && can_start(text, i)) {
      // :role:`content` or :domain:role:`content`
      std::size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                 text[j] == ':' || text[j] == '-' || text[j] == '_')) {
        ++j;
      }
      if (j > i + 2 && text[j - 1] == ':' && j < text.size() && text[j] == '`') {
        const auto close = find_close(text, j + 1, "`");
        if (close != std::string_view::npos) {
          const std::string_view role = text.substr(i + 1, j - i - 2);
          const std::string_view content = text.substr(j + 1, close - j - 1);
          if (role == "pep") {
            out += pep_link(content, target);
          } else {
            const std::string shown = role_text(role, content);
            std::optional<std::string> url;
            if (target == Target::Markdown && linker && is_python_object_role(role)) {
              url = (*linker)(role_target(content));
            }
            if (url) {
              out += "[" + code_span(shown) + "](" + *url + ")";
            } else {
              out += target == Target::Markdown && is_code_role(role) ? code_span(shown) : shown;
            }
          }
          i = close + 1;
          continue;
        }
      }
    }
    if (c == '`' && can_start(text, i)) {
      // `text <url>`_ , `text <url>`__ , `target`_
      const auto close = find_close(text, i + 1, "`");
      if (close != std::string_view::npos) {
        const std::string_view content = text.substr(i + 1, close - i - 1);
        std::size_t end = close + 1;
        while (end < text.size() && text[end] == '_' && end < close + 3) ++end;
        const RoleContent parts = split_title(content);
        const bool is_url = parts.target != parts.shown && (parts.target.starts_with("http") ||
                                                            parts.target.starts_with("mailto:"));
        if (target == Target::Markdown && is_url) {
          out += '[';
          out += render(parts.shown, Target::Plain, nullptr);
          out += "](";
          out += parts.target;
          out += ')';
        } else {
          out += render(parts.shown, target, linker);
        }
        i = end;
        continue;
      }
    }
    if (c == '*' && can_start(text, i)) {
      const bool strong = text.compare(i, 2, "**") == 0;
      const std::string_view mark = strong ? "**" : "*";
      const auto close = find_close(text, i + mark.size(), mark);
      if (close != std::string_view::npos && close > i + mark.size() &&
          text[i + mark.size()] != ' ') {
        const std::string inner =
            render(text.substr(i + mark.size(), close - i - mark.size()), target, linker);
        out += target == Target::Markdown ? std::string(mark) + inner + std::string(mark) : inner;
        i = close + mark.size();
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

std::string inline_to_markdown(std::string_view text, const ApiLinker* linker) {
  return render(text, Target::Markdown, linker);
}

std::string inline_to_plain(std::string_view text) {
  return render(text, Target::Plain, nullptr);
}

namespace {
/// `os.remove(filename)` -> `os.remove`: a literal that is a dotted Python name (and a call).
std::optional<std::string> dotted_name_in_literal(std::string_view literal) {
  if (const auto paren = literal.find('(');
      paren != std::string_view::npos && literal.ends_with(')')) {
    literal = literal.substr(0, paren);
  }
  if (literal.find('.') == std::string_view::npos || literal.empty()) return std::nullopt;
  bool word_start = true;
  for (const char c : literal) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '.') {
      if (word_start) return std::nullopt;
      word_start = true;
    } else if (std::isalpha(u) || c == '_' || (!word_start && std::isdigit(u))) {
      word_start = false;
    } else {
      return std::nullopt;
    }
  }
  if (word_start) return std::nullopt;
  return std::string(literal);
}
}  // namespace

void collect_api_references(std::string_view text, std::vector<std::string>& references) {
  for (auto open = text.find("``"); open != std::string_view::npos;
       open = text.find("``", open + 2)) {
    const auto close = text.find("``", open + 2);
    if (close == std::string_view::npos) break;
    if (auto name = dotted_name_in_literal(text.substr(open + 2, close - open - 2))) {
      references.push_back(std::move(*name));
    }
    open = close;
  }
  for (std::size_t i = text.find(':'); i != std::string_view::npos; i = text.find(':', i + 1)) {
    const auto tick = text.find(":`", i + 1);
    if (tick == std::string_view::npos) return;
    const std::string_view role = text.substr(i + 1, tick - i - 1);
    if (role.empty() || role.find(' ') != std::string_view::npos ||
        role.find(':') != std::string_view::npos) {
      continue;
    }
    const auto close = text.find('`', tick + 2);
    if (close == std::string_view::npos) return;
    if (is_python_object_role(role)) {
      std::string name = role_target(text.substr(tick + 2, close - tick - 2));
      if (!name.empty()) references.push_back(name);
    }
    i = close;
  }
}

}  // namespace pyfaq::knowledge::faq
