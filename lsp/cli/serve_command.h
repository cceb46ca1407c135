// `pyfaq serve`: the language server over stdio, a TCP port or a Unix domain socket.
#pragma once

#include <optional>
#include <string>

namespace pyfaq::cli {

struct ServeOptions {
  std::optional<unsigned short> socket_port;  // --socket=PORT: connect to 127.0.0.1:PORT
  std::string pipe_path;                      // --pipe=PATH: connect to a Unix socket
  std::optional<int> client_process_id;       // --clientProcessId=PID
  std::string log_file;
  std::string log_level = "info";
  bool synchronous = false;     // --sync: no worker threads (deterministic tests)
  bool debug_requests = false;  // --debug-requests: pyfaq/debug/document (tests)
  std::string docs_path;        // --docs: the Python docs to read the FAQ from
};

int run_serve(const ServeOptions& options);

}  // namespace pyfaq::cli
