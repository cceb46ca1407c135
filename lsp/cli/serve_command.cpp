// `pyfaq serve`: the language server over stdio, a TCP port or a Unix domain socket.
#include "lsp/cli/serve_command.h"

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "lsp/jsonrpc/streams.h"
#include "lsp/server/server.h"

namespace pyfaq::cli {

int run_serve(const ServeOptions& options) {
  // A client that disappears must not kill us mid-write: writes fail and we exit cleanly.
  std::signal(SIGPIPE, SIG_IGN);
  const auto level = server::parse_log_level(options.log_level);
  if (!level) {
    std::cerr << "pyfaq: error: --log-level must be error, warning, info or debug\n";
    return 2;
  }
  server::Logger logger(*level, options.log_file);
  std::unique_ptr<jsonrpc::ByteStream> stream;
  try {
    if (options.socket_port) {
      stream = jsonrpc::connect_socket(*options.socket_port);
    } else if (!options.pipe_path.empty()) {
      stream = jsonrpc::connect_pipe(options.pipe_path);
    } else {
      stream = jsonrpc::stdio_stream();
    }
  } catch (const std::exception& error) {
    std::cerr << "pyfaq: error: " << error.what() << "\n";
    return 2;
  }
  jsonrpc::Transport transport(std::move(stream));
  server::ServerOptions server_options;
  server_options.synchronous = options.synchronous;
  server_options.client_process_id = options.client_process_id;
  server_options.docs_path = options.docs_path;
  server_options.debug_requests = options.debug_requests;
  logger.info("pyfaq serve started");
  const int exit_code = server::serve(transport, server_options, logger);
  // The reader thread may still be blocked reading stdin, which nothing can interrupt; ending
  // the process here, without running static destructors under its feet, is the clean way out.
  std::cout.flush();
  std::_Exit(exit_code);
}

}  // namespace pyfaq::cli
