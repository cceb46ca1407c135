// What analysis produces: findings that point at code and at the FAQ entry that explains it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/text_buffer.h"

namespace pyfaq::knowledge {

/// How strongly a tip is shown. pyfaq never reports errors: syntax errors belong to the parser.
enum class Severity { Hint, Information, Warning };

/// A question of the Python FAQ: its document (`library`), its anchor and its title.
struct FaqRef {
  std::string_view doc;
  std::string_view anchor;
  std::string_view title;
};

/// Whether a rule is new (may change) or settled.
enum class RuleStatus { Preview, Stable };

/// The fixed facts about one rule: stable code and name, what it teaches, how loud it is.
struct RuleInfo {
  std::string_view code;  // PFQ301: never reused
  std::string_view name;  // signal-handler-arity: used in suppressions and settings
  RuleStatus status;
  Severity severity;
  FaqRef faq;                // the primary FAQ entry
  std::string_view summary;  // one line, our own words
};

struct TextEdit {
  grammar::ByteRange range;
  std::string replacement;
};

/// Safe fixes keep the program's behaviour apart from the fixed problem and may be applied
/// without review; unsafe ones need a look.
enum class FixSafety { Safe, Unsafe };

struct Fix {
  std::string title;
  FixSafety safety = FixSafety::Unsafe;
  std::vector<TextEdit> edits;
};

/// One tip: which rule, where (bytes of the document), what to say, an optional fix, and how
/// loud it is under the rule set that found it.
struct Finding {
  const RuleInfo* rule = nullptr;
  grammar::ByteRange range;
  std::string message;
  std::optional<Fix> fix;
  Severity severity = Severity::Warning;
};

std::string_view to_string(Severity severity);

/// The docs.python.org URL of an FAQ entry for a docs version ("3.11", "3").
std::string faq_url(const FaqRef& faq, std::string_view docs_version);

/// Where FAQ links point: docs.python.org for a version, or the local HTML docs.
struct LinkOptions {
  std::string version{"3.11"};
  std::string local_html;  // the folder holding faq/*.html; empty: link to the web

  friend bool operator==(const LinkOptions&, const LinkOptions&) = default;
};

/// The link to an FAQ entry: `file://<local_html>/faq/<doc>.html#<anchor>` when local HTML is
/// chosen, else the docs.python.org URL.
std::string faq_link(const FaqRef& faq, const LinkOptions& links);

/// The link to a docs page given relative to the docs root ("library/os.html#os.remove"),
/// local or on docs.python.org as `links` chooses.
std::string docs_page_link(std::string_view page, const LinkOptions& links);

/// Whether `version` may go into a docs.python.org URL: "3", "3.13" or "dev".
bool is_valid_docs_version(std::string_view version);

/// The docs version whose anchors the rule table was checked against.
inline constexpr std::string_view kDefaultDocsVersion = "3.11";

}  // namespace pyfaq::knowledge
