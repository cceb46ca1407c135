// `pyfaq faq info | search QUERY | show DOC#ANCHOR`: the FAQ from the command line.
#include "lsp/cli/faq_command.h"

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lsp/docs/faq_docs.h"

namespace pyfaq::cli {

namespace {

knowledge::FaqIndex load(const FaqOptions& options, std::ostream& err) {
  std::vector<std::string> problems;
  knowledge::FaqIndex index = docs::load_faq(options.docs_path, problems);
  for (const std::string& problem : problems) err << "pyfaq: warning: " << problem << "\n";
  return index;
}

std::string version_for_links(const FaqOptions& options, const knowledge::FaqIndex& index) {
  if (!options.docs_version.empty()) return options.docs_version;
  const std::string& version = index.source().python_version;
  return version.empty() ? std::string(knowledge::kDefaultDocsVersion) : version;
}

}  // namespace

int run_faq_info(const FaqOptions& options, std::ostream& out, std::ostream& err) {
  const knowledge::FaqIndex index = load(options, err);
  const knowledge::FaqSource& source = index.source();
  std::map<std::string, int> per_doc;
  std::size_t with_answers = 0;
  for (const auto& entry : index.entries()) {
    ++per_doc[entry.doc];
    with_answers += entry.markdown.empty() ? 0 : 1;
  }
  out << "source: " << knowledge::to_string(source.kind) << " (" << source.location << ")\n"
      << "python: " << (source.python_version.empty() ? "unknown" : source.python_version) << "\n"
      << "entries: " << index.entries().size() << " (" << with_answers << " with answers)";
  for (const std::string_view doc : knowledge::kFaqDocuments) {
    out << (doc == knowledge::kFaqDocuments[0] ? ": " : ", ") << doc << " "
        << per_doc[std::string(doc)];
  }
  out << "\n";
  return 0;
}

int run_faq_search(const FaqOptions& options, const std::string& query, std::ostream& out,
                   std::ostream& err) {
  const knowledge::FaqIndex index = load(options, err);
  const std::string version = version_for_links(options, index);
  const auto matches = index.search(query, options.limit);
  if (options.json) {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& match : matches) {
      results.push_back({{"title", match.entry->title},
                         {"doc", match.entry->doc},
                         {"anchor", match.entry->anchor},
                         {"url", knowledge::faq_url(match.entry->ref(), version)},
                         {"score", match.score}});
    }
    out << results.dump(2) << "\n";
    return matches.empty() ? 1 : 0;
  }
  for (const auto& match : matches) {
    out << match.entry->doc << "#" << match.entry->anchor << "\n  " << match.entry->title << "\n  "
        << knowledge::faq_url(match.entry->ref(), version) << "\n";
  }
  if (matches.empty()) err << "pyfaq: no FAQ entry matches \"" << query << "\"\n";
  return matches.empty() ? 1 : 0;
}

int run_faq_show(const FaqOptions& options, const std::string& name, std::ostream& out,
                 std::ostream& err) {
  const knowledge::FaqIndex index = load(options, err);
  const knowledge::FaqEntry* entry = index.find(name);
  if (!entry) {
    err << "pyfaq: error: no FAQ entry " << name << " (expected DOC#ANCHOR, e.g. "
        << "library#why-don-t-my-signal-handlers-work)\n";
    return 2;
  }
  const knowledge::LinkOptions links{version_for_links(options, index), ""};
  const auto inventory = docs::load_inventory(index.source());
  const knowledge::ApiPageFinder finder =
      inventory ? inventory->page_finder() : knowledge::ApiPageFinder{};
  out << "# " << entry->title << "\n\n";
  out << (entry->markdown.empty()
              ? "(The answer is not available: no Python docs were found.)"
              : knowledge::link_api_mentions(entry->markdown, inventory ? &finder : nullptr, links))
      << "\n\n"
      << knowledge::faq_link(entry->ref(), links) << "\n";
  return 0;
}

}  // namespace pyfaq::cli
