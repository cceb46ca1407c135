// Tips as LSP diagnostics: conversion of findings, and the publisher that coalesces changes so
// only the newest version of a document is analysed and published.
#pragma once

#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "lsp/protocol/json_rpc.h"
#include "lsp/server/document_store.h"

namespace pyfaq::server {

class Session;

/// A finding as an LSP Diagnostic, with `data` holding what its code actions need.
protocol::Json to_diagnostic(const Session& session, const Snapshot& snapshot,
                             const knowledge::Finding& finding,
                             const knowledge::LinkOptions& links);

/// The diagnostics of one analysis, as an array, linking the docs as `links` say (the
/// document's `Session::links_for`).
protocol::Json to_diagnostics(const Session& session, const Snapshot& snapshot,
                              const Analysis& analysis, const knowledge::LinkOptions& links);

/// Publishes diagnostics, synchronously or from one worker thread. Stale results (an older
/// version than the document has now) are dropped, never published over newer ones.
class DiagnosticsPublisher {
 public:
  DiagnosticsPublisher(Session& session, bool synchronous);
  ~DiagnosticsPublisher();

  void schedule(const std::string& uri);
  /// Drops what is pending for a closed document; `clear`: publishes no tips for it.
  void forget(const std::string& uri, bool clear);

 private:
  void publish(const std::string& uri);
  void run_worker();

  Session& session_;
  bool synchronous_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<std::string> pending_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace pyfaq::server
