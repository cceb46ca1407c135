// An editor's copy of a document, kept in code points, for comparing with the server's copy.
#include "tests/support/client_document.h"

#include <algorithm>
#include <stdexcept>

namespace pyfaq::testing {

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    if (i + length > utf8.size()) throw std::invalid_argument("truncated UTF-8");
    char32_t c = length == 1 ? byte : byte & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

ClientDocument::ClientDocument(std::string_view utf8, PositionEncoding encoding)
    : text_(decode_utf8(utf8)), encoding_(encoding) {
  index_lines();
}

std::string ClientDocument::text() const {
  return encode_utf8(text_);
}

void ClientDocument::replace_all(std::string_view utf8) {
  text_ = decode_utf8(utf8);
  index_lines();
}

void ClientDocument::replace(ClientPosition from, ClientPosition to, std::string_view utf8) {
  std::size_t start = index_of(from);
  std::size_t end = index_of(to);
  if (end < start) std::swap(start, end);
  text_.replace(start, end - start, decode_utf8(utf8));
  index_lines();
}

std::size_t ClientDocument::units(char32_t c) const {
  switch (encoding_) {
    case PositionEncoding::Utf8:
      return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    case PositionEncoding::Utf16:
      return c < 0x10000 ? 1 : 2;
    case PositionEncoding::Utf32:
      return 1;
  }
  return 1;
}

std::size_t ClientDocument::content_end(std::size_t start) const {
  std::size_t end = start;
  while (end < text_.size() && text_[end] != U'\n' && text_[end] != U'\r') ++end;
  return end;
}

void ClientDocument::index_lines() {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == U'\r' && i + 1 < text_.size() && text_[i + 1] == U'\n') continue;
    if (text_[i] == U'\n' || text_[i] == U'\r') line_starts_.push_back(i + 1);
  }
}

std::size_t ClientDocument::line_length(std::size_t line) const {
  if (line >= line_count()) return 0;
  const std::size_t start = line_starts_[line];
  std::size_t length = 0;
  for (std::size_t i = start; i < content_end(start); ++i) length += units(text_[i]);
  return length;
}

std::size_t ClientDocument::index_of(ClientPosition position) const {
  if (position.line >= line_count()) return text_.size();
  const std::size_t start = line_starts_[position.line];
  const std::size_t end = content_end(start);
  std::size_t column = 0;
  for (std::size_t i = start; i < end; ++i) {
    column += units(text_[i]);
    if (column > position.character) return i;  // at or inside character i: its start
  }
  return end;
}

}  // namespace pyfaq::testing
