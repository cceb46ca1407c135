// The `pyfaq` settings an editor sends (initializationOptions, workspace/configuration,
// didChangeConfiguration): which rules run, how loud they are, hovers, links.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "knowledge/analysis.h"
#include "knowledge/finding.h"
#include "lsp/protocol/json_rpc.h"

namespace pyfaq::server {

struct Settings {
  std::map<std::string, bool> rules;                      // rule code -> on/off
  std::map<std::string, knowledge::Severity> severities;  // rule code -> severity
  bool hover = true;
  std::string docs_version;            // explicit docs.python.org version; empty: the docs' own
  bool local_links = false;            // link to the local HTML docs instead of docs.python.org
  std::string docs_path;               // local docs, when set
  bool workspace_diagnostics = false;  // diagnostics.scope: "workspace" (else "openFiles")
  bool code_lens = false;              // codeLens: FAQ lenses above imports
  knowledge::LinkOptions links;        // resolved by the session from the above and the FAQ found

  /// Turns rules on or off and sets severities as these settings say; everything they do not
  /// mention stays as the project (or the defaults) chose.
  void apply_to(knowledge::RuleSet& rules) const;

  friend bool operator==(const Settings&, const Settings&) = default;
};

/// Settings read from a `pyfaq` section (null or absent: the defaults). Unknown keys and values
/// of the wrong type are skipped and described in `problems`, one line each.
Settings read_settings(const protocol::Json& section, std::vector<std::string>& problems);

}  // namespace pyfaq::server
