// The Sphinx inventory (`objects.inv`) shipped with the Python docs.
#include "lsp/docs/inventory.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace pyfaq::docs {

namespace {

std::optional<std::string> inflate(std::string_view compressed) {
  // A zlib stream: a 2-byte header, raw deflate, then a checksum we need not verify.
  if (compressed.size() < 2) return std::nullopt;
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + 2));
  stream.avail_in = static_cast<uInt>(compressed.size() - 2);
  // Straight into the result, grown geometrically: inventories inflate about eightfold.
  constexpr std::size_t kLimit = 64u << 20;  // not an inventory
  std::string out(compressed.size() * 10, '\0');
  std::size_t produced = 0;
  int status = Z_OK;
  while (status == Z_OK) {
    if (produced == out.size()) {
      if (out.size() >= kLimit) break;
      out.resize(out.size() * 2);
    }
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(out.size() - produced);
    status = ::inflate(&stream, Z_NO_FLUSH);
    produced = out.size() - stream.avail_out;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  out.resize(produced);
  return out;
}

}  // namespace

std::optional<Inventory> Inventory::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string file = buffer.str();
  if (!file.starts_with("# Sphinx inventory version 2")) return std::nullopt;
  // Four header lines, then the zlib stream.
  std::size_t start = 0;
  for (int line = 0; line < 4; ++line) {
    start = file.find('\n', start);
    if (start == std::string::npos) return std::nullopt;
    ++start;
  }
  const auto text = inflate(std::string_view(file).substr(start));
  if (!text) return std::nullopt;
  Inventory inventory;
  inventory.text_ = std::make_shared<const std::string>(std::move(*text));
  // Each line: name domain:role priority uri display-name. Only Python objects are kept.
  const std::string_view all = *inventory.text_;
  for (std::size_t line_start = 0; line_start < all.size();) {
    std::size_t line_end = all.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = all.size();
    const std::string_view line = all.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    const auto name_end = line.find(' ');
    if (name_end == std::string_view::npos || line.compare(name_end + 1, 3, "py:") != 0) continue;
    const auto role_end = line.find(' ', name_end + 1);
    const auto priority_end =
        role_end == std::string_view::npos ? role_end : line.find(' ', role_end + 1);
    if (priority_end == std::string_view::npos) continue;
    const auto uri_end = line.find(' ', priority_end + 1);
    inventory.entries_.emplace_back(line.substr(0, name_end),
                                    line.substr(priority_end + 1, uri_end - priority_end - 1));
  }
  std::sort(inventory.entries_.begin(), inventory.entries_.end());
  return inventory;
}

std::optional<std::string> Inventory::page_of(std::string_view name) const {
  const auto found = std::lower_bound(entries_.begin(), entries_.end(), name,
                                      [](const std::pair<std::string_view, std::string_view>& entry,
                                         std::string_view wanted) { return entry.first < wanted; });
  if (found == entries_.end() || found->first != name) return std::nullopt;
  std::string uri(found->second);
  if (uri.ends_with('$')) {  // "$" stands for the name itself
    uri.pop_back();
    uri += name;
  }
  return uri;
}

}  // namespace pyfaq::docs
