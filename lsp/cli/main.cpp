// The `pyfaq` command line: `check` files for tips (and, later, `serve` editors).
#include <CLI/CLI.hpp>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>

#include "grammar/document.h"
#include "lsp/cli/check_command.h"
#include "lsp/cli/faq_command.h"
#include "lsp/cli/rules_command.h"
#include "lsp/cli/serve_command.h"

namespace {

constexpr const char* kVersionLine =
    "pyfaq " PYFAQ_VERSION " (tree-sitter 0.25.1, tree-sitter-python 0.25.0)";

int print_syntax_tree(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "pyfaq: error: " << path << ": cannot open file\n";
    return 2;
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const pyfaq::grammar::Document document(std::move(text));
  std::cout << document.syntax_tree_sexp() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pyfaq: tips from the official Python FAQ, where your code needs them."};
  app.set_version_flag("--version", kVersionLine);
  app.require_subcommand(1);

  pyfaq::cli::CheckOptions check;
  auto* check_command =
      app.add_subcommand("check",
                         "Report tips for Python files and folders (exit 0: none, "
                         "1: tips found, 2: a path could not be read)");
  check_command->add_option("paths", check.paths, "Files and folders to check")->required();
  std::string format = "concise";
  check_command
      ->add_option("--format", format,
                   "Output: concise, full (code frames and fixes), json or sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"concise", "full", "json", "sarif"}))
      ->capture_default_str();
  check_command
      ->add_option("--docs-version", check.docs_version,
                   "Python docs version the FAQ links point to (default: each file's project "
                   "Python version, else the installed docs', else 3.11)")
      ->check([](const std::string& version) {
        return pyfaq::knowledge::is_valid_docs_version(version)
                   ? std::string()
                   : std::string("must look like 3.13 or dev");
      });
  check_command->add_option("-j,--jobs", check.jobs, "Parallel jobs (default: one per core)");
  check_command->add_option("--config", check.config,
                            "A pyproject.toml whose [tool.pyfaq] applies to every file "
                            "(default: each file's nearest one)");
  check_command->add_flag("--isolated", check.isolated,
                          "Read no pyproject.toml or .python-version");
  check_command
      ->add_option("--select", check.select,
                   "Rules to run (codes, code prefixes such as PFQ3, names, or ALL); replaces "
                   "the configuration's select")
      ->delimiter(',');
  check_command->add_option("--ignore", check.ignore, "Rules not to run")->delimiter(',');
  check_command->add_flag("--preview", check.preview, "Also run preview rules that are selected");

  pyfaq::cli::ServeOptions serve;
  auto* serve_command = app.add_subcommand("serve", "Run the language server (stdio by default)");
  bool use_stdio = true;
  serve_command->add_flag("--stdio", use_stdio, "Talk over standard input and output (default)");
  serve_command->add_option("--socket,--port", serve.socket_port,
                            "Connect to the editor at 127.0.0.1:PORT");
  serve_command->add_option("--pipe", serve.pipe_path, "Connect to the editor's Unix socket");
  serve_command->add_option("--clientProcessId", serve.client_process_id,
                            "Exit when this process exits");
  serve_command->add_option("--log-file", serve.log_file, "Append the server log to this file");
  serve_command->add_option("--log-level", serve.log_level, "error, warning, info or debug")
      ->capture_default_str();
  serve_command->add_option("--docs", serve.docs_path,
                            "Python docs to read the FAQ from (default: installed docs)");
  serve_command->add_flag("--sync", serve.synchronous,
                          "Analyse on the main thread (deterministic, for tests)");
  // Hidden: lets tests read the server's copy of a document (pyfaq/debug/document).
  serve_command->add_flag("--debug-requests", serve.debug_requests, "Answer pyfaq/debug/* requests")
      ->group("");
  serve_command->allow_extras(false);

  pyfaq::cli::FaqOptions faq;
  std::string faq_query, faq_entry;
  auto* faq_command =
      app.add_subcommand("faq", "The Python FAQ: where it comes from, search, show");
  faq_command->require_subcommand(1);
  faq_command->add_option("--docs", faq.docs_path, "Python docs to read the FAQ from");
  faq_command->add_option("--docs-version", faq.docs_version, "docs.python.org version for links");
  auto* faq_info =
      faq_command->add_subcommand("info", "Which FAQ source is in use, and its version");
  auto* faq_search = faq_command->add_subcommand("search", "Ranked FAQ entries for a query");
  faq_search->add_option("query", faq_query, "Words, or an API name such as os.remove")->required();
  faq_search->add_option("-n,--limit", faq.limit, "How many entries")->capture_default_str();
  faq_search->add_flag("--json", faq.json, "Print JSON");
  auto* faq_show = faq_command->add_subcommand("show", "An FAQ entry's answer as Markdown");
  faq_show->add_option("entry", faq_entry, "DOC#ANCHOR, e.g. library#how-do-i-copy-a-file")
      ->required();

  pyfaq::cli::RulesOptions rules;
  auto* rules_command = app.add_subcommand("rules", "Every rule: code, name, status, severity");
  rules_command->add_flag("--json", rules.json, "Print JSON");
  std::string explained_rule;
  auto* explain_command = app.add_subcommand("explain", "What a rule finds, why, and the fix");
  explain_command->add_option("rule", explained_rule, "A rule code or name (PFQ301)")->required();
  for (auto* command : {rules_command, explain_command}) {
    command->add_option("--docs-version", rules.docs_version, "docs.python.org version for links");
  }

  std::string tree_path;
  auto* tree_command = app.add_subcommand("syntax-tree", "Print the tree-sitter tree of a file");
  tree_command->add_option("path", tree_path, "A Python file")->required();
  tree_command->group("Debugging");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version exit 0; every usage error exits 2, as documented.
    return app.exit(error) == 0 ? 0 : 2;
  }
  try {
    if (check_command->parsed()) {
      check.format = format == "json"    ? pyfaq::cli::OutputFormat::Json
                     : format == "sarif" ? pyfaq::cli::OutputFormat::Sarif
                     : format == "full"  ? pyfaq::cli::OutputFormat::Full
                                         : pyfaq::cli::OutputFormat::Concise;
      return pyfaq::cli::run_check(check, std::cout, std::cerr);
    }
    if (serve_command->parsed()) return pyfaq::cli::run_serve(serve);
    if (faq_info->parsed()) return pyfaq::cli::run_faq_info(faq, std::cout, std::cerr);
    if (faq_search->parsed()) {
      return pyfaq::cli::run_faq_search(faq, faq_query, std::cout, std::cerr);
    }
    if (faq_show->parsed()) return pyfaq::cli::run_faq_show(faq, faq_entry, std::cout, std::cerr);
    if (tree_command->parsed()) return print_syntax_tree(tree_path);
    if (rules_command->parsed()) return pyfaq::cli::run_rules(rules, std::cout);
    if (explain_command->parsed()) {
      return pyfaq::cli::run_explain(rules, explained_rule, std::cout, std::cerr);
    }
  } catch (const std::exception& error) {
    std::cerr << "pyfaq: error: " << error.what() << "\n";
    return 2;
  }
  return 2;
}
