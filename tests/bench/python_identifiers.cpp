// A small Python scanner for identifier positions.
#include "tests/bench/python_identifiers.h"

#include <cctype>
#include <set>

namespace pyfaq::bench {

namespace {

bool starts_name(unsigned char c) { return c == '_' || std::isalpha(c) || c >= 0x80; }
bool in_name(unsigned char c) { return starts_name(c) || std::isdigit(c); }

const std::set<std::string>& keywords() {
  static const std::set<std::string> words{
      "False", "None",   "True",    "and",      "as",       "assert", "async", "await",
      "break", "class",  "continue", "def",     "del",      "elif",   "else",  "except",
      "finally", "for",  "from",    "global",   "if",       "import", "in",    "is",
      "lambda", "nonlocal", "not",  "or",       "pass",     "raise",  "return", "try",
      "while", "with",   "yield",   "match",    "case",     "type",   "self"};
  return words;
}

}  // namespace

std::vector<Position> identifier_positions(const std::string& text) {
  std::vector<Position> out;
  std::size_t line = 0, line_start = 0, i = 0;
  // UTF-16 units from the line start to byte `at` (4-byte sequences count two).
  const auto column = [&](std::size_t at) {
    std::size_t units = 0;
    for (std::size_t k = line_start; k < at; ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
    return units;
  };
  const auto newline = [&](std::size_t at) {
    ++line;
    line_start = at + 1;
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      newline(i++);
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '\'' || c == '"') {
      const bool triple = text.compare(i, 3, std::string(3, static_cast<char>(c))) == 0;
      const std::string close = triple ? std::string(3, static_cast<char>(c)) : std::string(1, static_cast<char>(c));
      i += close.size();
      while (i < text.size() && text.compare(i, close.size(), close) != 0) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          if (text[i + 1] == '\n') newline(i + 1);
          i += 2;
          continue;
        }
        if (text[i] == '\n') {
          if (!triple) break;  // an unclosed one-line string ends here
          newline(i);
        }
        ++i;
      }
      if (text.compare(i, close.size(), close) == 0) i += close.size();
    } else if (starts_name(c)) {
      const std::size_t start = i;
      while (i < text.size() && in_name(static_cast<unsigned char>(text[i]))) ++i;
      // A string prefix (r"", f'', b"""...) is not a name.
      if (i < text.size() && (text[i] == '\'' || text[i] == '"') && i - start <= 2) continue;
      const std::string word = text.substr(start, i - start);
      if (keywords().count(word) == 0) {
        out.push_back({line, column(start + (i - start) / 2)});
      }
    } else if (std::isdigit(c)) {
      while (i < text.size() && in_name(static_cast<unsigned char>(text[i]))) ++i;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Position> spread(const std::vector<Position>& all, std::size_t count) {
  std::vector<Position> picked;
  if (all.empty()) return picked;
  for (std::size_t k = 0; k < count; ++k) picked.push_back(all[(k * all.size()) / count]);
  return picked;
}

}  // namespace pyfaq::bench
