// Moving JSON-RPC message bodies in and out of the process, framed with Content-Length headers.
#include "lsp/jsonrpc/transport.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>

namespace pyfaq::jsonrpc {

namespace {

constexpr std::string_view kHeaderEnd = "\r\n\r\n";
constexpr std::size_t kMaxHeaderBytes = 64u << 10;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// The Content-Length of a header block, if it has exactly one valid one.
std::optional<std::size_t> content_length(std::string_view headers) {
  std::optional<std::size_t> length;
  while (!headers.empty()) {
    const auto end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (!equals_ignoring_case(trim(line.substr(0, colon)), "Content-Length")) continue;
    const std::string_view value = trim(line.substr(colon + 1));
    std::size_t parsed = 0;
    const auto [rest, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || rest != value.data() + value.size() || value.empty() || length) {
      return std::nullopt;
    }
    length = parsed;
  }
  return length;
}

/// Where the last "Content-Length:" (any case) in a header block starts, or npos.
std::size_t last_content_length_line(std::string_view headers) {
  constexpr std::string_view kName = "content-length:";
  for (std::size_t at = headers.size(); at-- > 0;) {
    if (headers.size() - at >= kName.size() &&
        equals_ignoring_case(headers.substr(at, kName.size()), kName)) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Transport::Transport(std::unique_ptr<ByteStream> stream, std::size_t max_message_bytes)
    : stream_(std::move(stream)), max_message_bytes_(max_message_bytes) {}

bool Transport::fill() {
  std::array<char, 64 * 1024> chunk;
  const std::size_t count = stream_->read_some(chunk.data(), chunk.size());
  if (count == 0) return false;
  buffer_.append(chunk.data(), count);
  return true;
}

bool Transport::discard_pending() {
  while (pending_skip_ > 0) {
    if (buffer_.empty() && !fill()) return false;
    const std::size_t dropped = std::min(pending_skip_, buffer_.size());
    buffer_.erase(0, dropped);
    pending_skip_ -= dropped;
  }
  return true;
}

ReadResult Transport::read() {
  if (!discard_pending()) return {ReadResult::Kind::EndOfStream, {}};
  std::size_t header_end;
  while ((header_end = buffer_.find(kHeaderEnd)) == std::string::npos) {
    if (buffer_.size() > kMaxHeaderBytes) {
      buffer_.clear();
      return {ReadResult::Kind::FramingError,
              "header block longer than 64 KiB without a blank line"};
    }
    if (!fill()) return {ReadResult::Kind::EndOfStream, {}};
  }
  const std::string headers = buffer_.substr(0, header_end);
  const std::optional<std::size_t> length = content_length(headers);
  if (!length) {
    // A body shorter or longer than its Content-Length leaves the reader mid-message: skip to
    // the last header line that starts in this block, so that only one message is lost.
    if (const std::size_t resync = last_content_length_line(headers);
        resync != std::string::npos && resync > 0) {
      buffer_.erase(0, resync);
      return {ReadResult::Kind::FramingError,
              "skipped " + std::to_string(resync) + " bytes that were not a message"};
    }
    buffer_.erase(0, header_end + kHeaderEnd.size());
    return {ReadResult::Kind::FramingError, "header block without a valid Content-Length"};
  }
  buffer_.erase(0, header_end + kHeaderEnd.size());
  if (*length > max_message_bytes_) {
    // Answer at once; the body is dropped on the next read, as it arrives.
    pending_skip_ = *length;
    return {ReadResult::Kind::FramingError, "message of " + std::to_string(*length) +
                                                " bytes is over the limit of " +
                                                std::to_string(max_message_bytes_)};
  }
  while (buffer_.size() < *length) {
    if (!fill()) return {ReadResult::Kind::EndOfStream, {}};  // truncated body
  }
  std::string body = buffer_.substr(0, *length);
  buffer_.erase(0, *length);
  return {ReadResult::Kind::Message, std::move(body)};
}

bool Transport::write(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed += body;
  const std::lock_guard lock(write_mutex_);
  return stream_->write_all(framed);
}

}  // namespace pyfaq::jsonrpc
