// Splitting a reStructuredText document at its section titles.
#include <algorithm>
#include <cctype>
#include <utility>

#include "knowledge/faq/rst_document.h"

namespace pyfaq::knowledge::faq {

namespace {

/// The character of an adornment line (`=====`), or 0.
char adornment_char(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() < 3) return 0;
  const char c = line.front();
  if (!std::ispunct(static_cast<unsigned char>(c))) return 0;
  return std::all_of(line.begin(), line.end(), [c](char x) { return x == c; }) ? c : 0;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<RstSection> split_sections(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::vector<std::pair<char, bool>> styles;  // in order of first appearance
  std::vector<RstSection> sections;
  RstSection preamble{0, {}, 0, {}};
  RstSection* current = &preamble;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const bool text_line = !is_blank(line) && line.front() != ' ' && !adornment_char(line);
    const char under = i + 1 < lines.size() ? adornment_char(lines[i + 1]) : 0;
    if (text_line && under && (i == 0 || is_blank(lines[i - 1]) || adornment_char(lines[i - 1]))) {
      const bool over = i > 0 && adornment_char(lines[i - 1]) == under;
      const std::pair<char, bool> style{under, over};
      auto found = std::find(styles.begin(), styles.end(), style);
      if (found == styles.end()) found = styles.insert(styles.end(), style);
      if (over && !current->body.empty()) current->body.pop_back();  // the overline
      std::string_view title = line;
      while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
      sections.push_back(
          RstSection{static_cast<int>(found - styles.begin()) + 1, std::string(title), i + 1, {}});
      current = &sections.back();
      ++i;  // skip the underline
      continue;
    }
    current->body.push_back(line);
  }
  return sections;
}

}  // namespace pyfaq::knowledge::faq
