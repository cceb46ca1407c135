// Finding the FAQ: an explicit docs path, the newest installed Python docs, the copy embedded
// at build time, or titles and links only — in that order.
#include "lsp/docs/faq_docs.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/embedded_faq.h"

namespace pyfaq::docs {

namespace fs = std::filesystem;

namespace {

bool has_faq_sources(const fs::path& folder) {
  std::error_code error;
  return fs::is_regular_file(folder / "library.rst.txt", error) &&
         fs::is_regular_file(folder / "programming.rst.txt", error);
}

/// "3.11" from a path holding "python3.11", else from the docs' documentation_options.js.
/// "3.11" at `at` in `text` ("3." and digits), or empty.
std::string version_at(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "3.") return {};
  std::size_t end = at + 2;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return end > at + 2 ? std::string(text.substr(at, end - at)) : std::string();
}

std::string version_of(const fs::path& sources) {
  const std::string text = sources.string();
  for (auto at = text.find("python3."); at != std::string::npos;
       at = text.find("python3.", at + 1)) {
    if (std::string version = version_at(text, at + 6); !version.empty()) return version;
  }
  std::ifstream options(sources.parent_path().parent_path() / "_static" /
                        "documentation_options.js");
  std::stringstream content;
  content << options.rdbuf();
  const std::string js = content.str();
  if (const auto at = js.find("VERSION:"); at != std::string::npos) {
    const auto quote = js.find('\'', at);
    if (quote != std::string::npos) return version_at(js, quote + 1);
  }
  return {};
}

std::optional<knowledge::FaqIndex> load_folder(const std::string& folder,
                                               knowledge::FaqSource source,
                                               std::vector<std::string>& problems) {
  std::vector<std::pair<std::string, std::string>> documents;
  for (const std::string_view doc : knowledge::kFaqDocuments) {
    std::ifstream in(fs::path(folder) / (std::string(doc) + ".rst.txt"), std::ios::binary);
    if (!in) {
      problems.push_back(folder + ": no " + std::string(doc) + ".rst.txt");
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    documents.emplace_back(std::string(doc), text.str());
  }
  if (documents.empty()) return std::nullopt;
  return knowledge::FaqIndex::from_rst(documents, std::move(source));
}

}  // namespace

std::optional<std::string> faq_sources_folder(const std::string& path) {
  const fs::path root(path);
  for (const fs::path& candidate :
       {root, root / "faq", root / "_sources" / "faq", root / "html" / "_sources" / "faq"}) {
    if (has_faq_sources(candidate)) return candidate.string();
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> installed_faq_folder(
    const std::string& doc_root) {
  std::optional<std::pair<std::string, std::string>> best;
  int best_minor = -1;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(doc_root, error)) {
    const std::string name = entry.path().filename().string();
    // Only real version folders ("python3.11"), not "python3" or "python3-doc" links.
    if (!name.starts_with("python3.") || name.size() == 8 ||
        name.find_first_not_of("0123456789", 8) != std::string::npos) {
      continue;
    }
    const fs::path sources = entry.path() / "html" / "_sources" / "faq";
    const int minor = std::stoi(name.substr(8));
    if (minor > best_minor && has_faq_sources(sources)) {
      best_minor = minor;
      best = std::pair{sources.string(), "3." + std::to_string(minor)};
    }
  }
  return best;
}

std::optional<Inventory> load_inventory(const knowledge::FaqSource& source) {
  if (source.kind != knowledge::FaqSourceKind::ExplicitPath &&
      source.kind != knowledge::FaqSourceKind::InstalledDocs) {
    return std::nullopt;
  }
  // .../html/_sources/faq -> .../html/objects.inv
  return Inventory::load(
      (fs::path(source.location).parent_path().parent_path() / "objects.inv").string());
}

knowledge::FaqIndex load_faq(const std::string& explicit_path, std::vector<std::string>& problems,
                             const std::string& doc_root) {
  if (!explicit_path.empty()) {
    if (const auto folder = faq_sources_folder(explicit_path)) {
      if (auto index = load_folder(
              *folder, {knowledge::FaqSourceKind::ExplicitPath, *folder, version_of(*folder)},
              problems)) {
        return std::move(*index);
      }
    } else {
      problems.push_back("no Python FAQ sources (faq/*.rst.txt) under " + explicit_path);
    }
  }
  if (const auto installed = installed_faq_folder(doc_root)) {
    if (auto index = load_folder(
            installed->first,
            {knowledge::FaqSourceKind::InstalledDocs, installed->first, installed->second},
            problems)) {
      return std::move(*index);
    }
  }
  if (!knowledge::embedded_faq_documents().empty()) {
    std::vector<std::pair<std::string, std::string>> documents;
    for (const auto& document : knowledge::embedded_faq_documents()) {
      documents.emplace_back(std::string(document.doc), std::string(document.rst));
    }
    return knowledge::FaqIndex::from_rst(documents,
                                         {knowledge::FaqSourceKind::Embedded, "embedded",
                                          std::string(knowledge::embedded_faq_version())});
  }
  return knowledge::FaqIndex::titles_only();
}

}  // namespace pyfaq::docs
