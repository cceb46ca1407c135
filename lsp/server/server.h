// The language server's main loop: a reader thread feeding a queue, lifecycle and dispatch.
#pragma once

#include <span>

#include "lsp/jsonrpc/transport.h"
#include "lsp/server/binder.h"
#include "lsp/server/logger.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

/// Serves one client until `exit` or the end of its input. Returns the process exit code: 0
/// after shutdown + exit, 1 when the client went away (or exited) without shutdown.
int serve(jsonrpc::Transport& transport, const ServerOptions& options, Logger& logger);

/// The same with another method table (tests use it to plant a failing handler).
int serve(jsonrpc::Transport& transport, const ServerOptions& options, Logger& logger,
          std::span<const MethodEntry> methods);

}  // namespace pyfaq::server
