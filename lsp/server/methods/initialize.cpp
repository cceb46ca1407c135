// `initialize`: negotiate capabilities and announce what the server offers.
#include "lsp/server/methods/methods.h"
#include "lsp/server/session.h"

namespace pyfaq::server {

namespace {
/// initializationOptions may hold the settings directly or under a `pyfaq` key.
const Json& settings_section(const Json& options) {
  if (options.is_object() && options.contains("pyfaq")) return options.at("pyfaq");
  return options;
}
}  // namespace

Json initialize(Session& session, const Json& params) {
  if (session.lifecycle != Lifecycle::Uninitialized) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidRequest, "initialize was already called");
  }
  if (!params.is_object()) {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams, "params must be an object");
  }
  session.client = read_client_capabilities(params);
  if (const auto pid = params.find("processId"); pid != params.end() && pid->is_number_integer()) {
    session.parent_process_id = pid->get<int>();
  }
  if (const auto trace = params.find("trace"); trace != params.end() && trace->is_string()) {
    session.trace = trace->get<std::string>();
  }
  session.set_workspace_folders(initial_workspace_folders(params));
  if (const auto options = params.find("initializationOptions"); options != params.end()) {
    session.initialization_settings = settings_section(*options);
    session.apply_settings(session.initialization_settings);
  }
  session.lifecycle = Lifecycle::Running;

  Json capabilities{
      {"positionEncoding", session.client.position_encoding_name()},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"executeCommandProvider",
       {{"commands",
         {"pyfaq.openFaq", "pyfaq.faqEntry", "pyfaq.searchFaq", "pyfaq.explainRule",
          "pyfaq.pickFaq"}}}},
      {"codeLensProvider", {{"resolveProvider", false}}},
  };
  capabilities["codeActionProvider"] =
      session.client.code_action_literals ? Json{{"codeActionKinds", {"quickfix"}}} : Json(true);
  if (session.client.pull_diagnostics) {
    capabilities["diagnosticProvider"] = {
        {"identifier", "pyfaq"}, {"interFileDependencies", false}, {"workspaceDiagnostics", true}};
  }
  if (session.client.workspace_folders) {
    capabilities["workspace"] = {
        {"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}};
  }
  return {{"capabilities", std::move(capabilities)},
          {"serverInfo", {{"name", "pyfaq"}, {"version", PYFAQ_VERSION}}}};
}

void initialized(Session& session, const Json&) {
  session.logger().info("pyfaq " PYFAQ_VERSION " ready; positions in " +
                        std::string(session.client.position_encoding_name()));
  if (session.client.watched_files_dynamic) {
    Json watchers = Json::array();
    for (const char* glob :
         {"**/*.py", "**/*.pyi", "**/pyproject.toml", "**/.gitignore", "**/.python-version"}) {
      watchers.push_back({{"globPattern", glob}});
    }
    session.request("client/registerCapability",
                    {{"registrations",
                      {{{"id", "pyfaq-watched-files"},
                        {"method", "workspace/didChangeWatchedFiles"},
                        {"registerOptions", {{"watchers", std::move(watchers)}}}}}}},
                    [&session](const Json*, const Json* error) {
                      if (error) session.logger().warning("the client cannot watch files for us");
                    });
  }
  if (!session.client.configuration) {
    session.workspace().start();
    return;
  }
  // The workspace is scanned once the client's settings are known: they may turn it off.
  session.request("workspace/configuration", {{"items", {{{"section", "pyfaq"}}}}},
                  [&session](const Json* result, const Json*) {
                    session.apply_pulled_settings(result);
                    session.workspace().start();
                  });
}

Json shutdown(Session& session, const Json&) {
  session.lifecycle = Lifecycle::ShutDown;
  return nullptr;
}

void set_trace(Session& session, const Json& params) {
  const std::string value = protocol::read_string(params, "value");
  if (value != "off" && value != "messages" && value != "verbose") {
    throw protocol::RpcError(protocol::ErrorCode::InvalidParams,
                             "`value` must be off, messages or verbose");
  }
  session.trace = value;
}

}  // namespace pyfaq::server
