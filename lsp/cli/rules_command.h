// `pyfaq rules` (every rule with its status) and `pyfaq explain RULE` (a rule's doc).
#pragma once

#include <iosfwd>
#include <string>

namespace pyfaq::cli {

struct RulesOptions {
  bool json = false;
  std::string docs_version;  // for FAQ links; empty: the installed docs' version, else 3.11
};

int run_rules(const RulesOptions& options, std::ostream& out);

/// Exit 0, or 2 (with a message on `err`) for an unknown rule.
int run_explain(const RulesOptions& options, const std::string& rule, std::ostream& out,
                std::ostream& err);

}  // namespace pyfaq::cli
