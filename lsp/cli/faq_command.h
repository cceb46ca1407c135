// `pyfaq faq info | search QUERY | show DOC#ANCHOR`: the FAQ from the command line.
#pragma once

#include <iosfwd>
#include <string>

namespace pyfaq::cli {

struct FaqOptions {
  std::string docs_path;     // --docs
  std::string docs_version;  // links; empty: the docs' own version
  std::size_t limit = 10;
  bool json = false;
};

int run_faq_info(const FaqOptions& options, std::ostream& out, std::ostream& err);
int run_faq_search(const FaqOptions& options, const std::string& query, std::ostream& out,
                   std::ostream& err);
int run_faq_show(const FaqOptions& options, const std::string& entry, std::ostream& out,
                 std::ostream& err);

}  // namespace pyfaq::cli
