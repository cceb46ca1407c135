// Moving JSON-RPC message bodies in and out of the process, framed with Content-Length headers.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace pyfaq::jsonrpc {

/// A byte stream in both directions: stdio, a TCP socket or a Unix domain socket.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  /// Reads at least one byte into `buffer`; 0 at the end of the stream or on an error.
  virtual std::size_t read_some(char* buffer, std::size_t size) = 0;
  /// Writes every byte; false when the peer is gone.
  virtual bool write_all(std::string_view bytes) = 0;
  /// Unblocks a pending read; later reads return 0.
  virtual void close() = 0;
};

/// What one read brought: a message body, the end of the stream, or a framing problem after
/// which the reader has skipped to the next message it can find.
struct ReadResult {
  enum class Kind { Message, EndOfStream, FramingError };
  Kind kind;
  std::string text;  // the body, or what was wrong
};

/// The largest message body accepted: bigger ones are skipped and reported.
inline constexpr std::size_t kDefaultMaxMessageBytes = 64u << 20;

/// Content-Length framing (LSP's base protocol) over a ByteStream. One thread reads; any number
/// of threads may write, one message at a time.
class Transport {
 public:
  explicit Transport(std::unique_ptr<ByteStream> stream,
                     std::size_t max_message_bytes = kDefaultMaxMessageBytes);

  ReadResult read();
  bool write(std::string_view body);
  void close() { stream_->close(); }

 private:
  bool fill();             // reads more bytes into buffer_; false at the end of the stream
  bool discard_pending();  // drops the body of an over-long message; false at the end

  std::unique_ptr<ByteStream> stream_;
  std::size_t max_message_bytes_;
  std::string buffer_;            // bytes read but not yet consumed
  std::size_t pending_skip_ = 0;  // body bytes of a refused message still to drop
  std::mutex write_mutex_;
};

}  // namespace pyfaq::jsonrpc
