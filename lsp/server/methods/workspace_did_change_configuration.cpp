// workspace/didChangeConfiguration: re-read the `pyfaq` settings and re-check open documents.
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

void workspace_did_change_configuration(Session& session, const Json& params) {
  if (session.client.configuration) {
    // Pull-style clients send an empty notification: ask for the section itself.
    session.request(
        "workspace/configuration", {{"items", {{{"section", "pyfaq"}}}}},
        [&session](const Json* result, const Json*) { session.apply_pulled_settings(result); });
    return;
  }
  const Json settings = params.is_object() ? params.value("settings", Json()) : Json();
  session.apply_settings(settings.is_object() && settings.contains("pyfaq") ? settings.at("pyfaq")
                                                                            : settings);
  session.refresh_all_diagnostics();
}

}  // namespace pyfaq::server
