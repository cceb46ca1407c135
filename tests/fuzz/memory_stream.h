// A ByteStream over bytes in memory, read in chunks of a chosen size: fuzzers feed the
// transport and the server with it, and read back what the server wrote.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "lsp/jsonrpc/transport.h"

namespace pyfaq::fuzzing {

class MemoryStream : public jsonrpc::ByteStream {
 public:
  /// `input` is what reads return, at most `chunk` bytes at a time (partial reads are where
  /// framing bugs hide); what is written collects in `output`.
  MemoryStream(std::string input, std::size_t chunk, std::string& output)
      : input_(std::move(input)), chunk_(std::max<std::size_t>(chunk, 1)), output_(output) {}

  std::size_t read_some(char* buffer, std::size_t size) override {
    if (closed_) return 0;
    const std::size_t count = std::min({size, chunk_, input_.size() - position_});
    std::copy_n(input_.data() + position_, count, buffer);
    position_ += count;
    return count;
  }
  bool write_all(std::string_view bytes) override {
    output_.append(bytes);
    return true;
  }
  void close() override { closed_ = true; }

 private:
  std::string input_;
  std::size_t position_ = 0;
  std::size_t chunk_;
  std::string& output_;
  bool closed_ = false;
};

}  // namespace pyfaq::fuzzing
