// The byte streams an editor can reach the server by: stdio, a TCP port, a Unix domain socket.
#pragma once

#include <memory>
#include <string>

#include "lsp/jsonrpc/transport.h"

namespace pyfaq::jsonrpc {

/// Standard input and output.
std::unique_ptr<ByteStream> stdio_stream();

/// Connects to 127.0.0.1:port, where the editor listens (vscode-languageclient's socket
/// transport). Throws std::runtime_error when nothing listens there.
std::unique_ptr<ByteStream> connect_socket(unsigned short port);

/// Connects to the Unix domain socket at `path` (vscode-languageclient's pipe transport).
std::unique_ptr<ByteStream> connect_pipe(const std::string& path);

}  // namespace pyfaq::jsonrpc
