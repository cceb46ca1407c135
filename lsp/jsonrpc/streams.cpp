// The byte streams an editor can reach the server by: stdio, a TCP port, a Unix domain socket.
#include "lsp/jsonrpc/streams.h"

#include <unistd.h>

#include <asio.hpp>
#include <stdexcept>

namespace pyfaq::jsonrpc {

namespace {

/// Reads what is there (at least one byte); 0 at the end or on an error.
template <typename AsioStream>
std::size_t read_available(AsioStream& stream, char* buffer, std::size_t size) {
  asio::error_code error;
  const std::size_t count = stream.read_some(asio::buffer(buffer, size), error);
  return error ? 0 : count;
}

template <typename AsioStream>
bool write_everything(AsioStream& stream, std::string_view bytes) {
  asio::error_code error;
  asio::write(stream, asio::buffer(bytes.data(), bytes.size()), error);
  return !error;
}

/// A ByteStream over one asio stream socket (TCP or local).
template <typename Socket>
class SocketStream : public ByteStream {
 public:
  explicit SocketStream(asio::io_context& io) : socket_(io) {}
  Socket& socket() { return socket_; }

  std::size_t read_some(char* buffer, std::size_t size) override {
    return read_available(socket_, buffer, size);
  }
  bool write_all(std::string_view bytes) override { return write_everything(socket_, bytes); }
  void close() override {
    asio::error_code ignored;
    socket_.shutdown(asio::socket_base::shutdown_both, ignored);
  }

 private:
  Socket socket_;
};

/// stdin and stdout as asio descriptors. They are duplicated, so closing ours leaves the
/// process's own descriptors alone.
class StdioStream : public ByteStream {
 public:
  explicit StdioStream(asio::io_context& io) : in_(io, ::dup(0)), out_(io, ::dup(1)) {}

  std::size_t read_some(char* buffer, std::size_t size) override {
    return read_available(in_, buffer, size);
  }
  bool write_all(std::string_view bytes) override { return write_everything(out_, bytes); }
  void close() override {
    asio::error_code ignored;
    in_.close(ignored);
  }

 private:
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
};

/// Keeps the io_context alive as long as the stream that uses it.
template <typename Stream>
class Owned : public ByteStream {
 public:
  Owned() : stream_(io_) {}
  Stream& stream() { return stream_; }
  std::size_t read_some(char* buffer, std::size_t size) override {
    return stream_.read_some(buffer, size);
  }
  bool write_all(std::string_view bytes) override { return stream_.write_all(bytes); }
  void close() override { stream_.close(); }

 private:
  asio::io_context io_;
  Stream stream_;
};

}  // namespace

std::unique_ptr<ByteStream> stdio_stream() {
  return std::make_unique<Owned<StdioStream>>();
}

std::unique_ptr<ByteStream> connect_socket(unsigned short port) {
  auto owned = std::make_unique<Owned<SocketStream<asio::ip::tcp::socket>>>();
  asio::error_code error;
  owned->stream().socket().connect({asio::ip::make_address_v4("127.0.0.1"), port}, error);
  if (error) {
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " +
                             error.message());
  }
  owned->stream().socket().set_option(asio::ip::tcp::no_delay(true), error);
  return owned;
}

std::unique_ptr<ByteStream> connect_pipe(const std::string& path) {
  auto owned = std::make_unique<Owned<SocketStream<asio::local::stream_protocol::socket>>>();
  asio::error_code error;
  owned->stream().socket().connect(asio::local::stream_protocol::endpoint(path), error);
  if (error) throw std::runtime_error("cannot connect to " + path + ": " + error.message());
  return owned;
}

}  // namespace pyfaq::jsonrpc
