// The one table of rules: a new rule is one line here, one check file and one query file.
#include <array>

#include "knowledge/rule.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge {

namespace {

constexpr FaqRef kMultidimensionalListFaq{"programming", "how-do-i-create-a-multidimensional-list",
                                          "How do I create a multidimensional list?"};
constexpr FaqRef kOctalIntegersFaq{"programming", "how-do-i-specify-hexadecimal-and-octal-integers",
                                   "How do I specify hexadecimal and octal integers?"};
constexpr FaqRef kStringToNumberFaq{"programming", "how-do-i-convert-a-string-to-a-number",
                                    "How do I convert a string to a number?"};
constexpr FaqRef kIdentityTestsFaq{"programming",
                                   "when-can-i-rely-on-identity-tests-with-the-is-operator",
                                   "When can I rely on identity tests with the is operator?"};
constexpr FaqRef kTrailingCommasFaq{"design",
                                    "why-does-python-allow-commas-at-the-end-of-lists-and-tuples",
                                    "Why does Python allow commas at the end of lists and tuples?"};
constexpr FaqRef kSignalHandlersFaq{"library", "why-don-t-my-signal-handlers-work",
                                    "Why don't my signal handlers work?"};

constexpr std::array kRules{
    RuleDefinition{{"PFQ104", "list-multiplication-aliasing", RuleStatus::Stable, Severity::Warning,
                    kMultidimensionalListFaq,
                    "Multiplying a list of lists repeats one inner list; build each row anew."},
                   "list_multiplication_aliasing",
                   true,
                   rules::check_list_multiplication_aliasing,
                   ""},
    RuleDefinition{{"PFQ105", "is-comparison-with-literal", RuleStatus::Stable, Severity::Warning,
                    kIdentityTestsFaq,
                    "Compare literals with == and !=: whether two equal literals are the same "
                    "object is not promised."},
                   "is_comparison_with_literal",
                   true,
                   rules::check_is_comparison_with_literal,
                   ""},
    RuleDefinition{
        {"PFQ106", "decimal-file-mode", RuleStatus::Stable, Severity::Warning, kOctalIntegersFaq,
         "File permission modes are octal: write 0o755, not the decimal 755."},
        "decimal_file_mode",
        true,
        rules::check_decimal_file_mode,
        ""},
    RuleDefinition{
        {"PFQ107", "eval-for-number-conversion", RuleStatus::Stable, Severity::Warning,
         kStringToNumberFaq, "Turn text into a number with int() or float(), not eval()."},
        "eval_for_number_conversion",
        true,
        rules::check_eval_for_number_conversion,
        ""},
    RuleDefinition{{"PFQ203", "missing-comma-implicit-concat", RuleStatus::Stable,
                    Severity::Warning, kTrailingCommasFaq,
                    "Adjacent strings in a list join into one element: a comma is likely missing."},
                   "missing_comma_implicit_concat",
                   true,
                   rules::check_missing_comma_implicit_concat,
                   ""},
    RuleDefinition{
        {"PFQ301", "signal-handler-arity", RuleStatus::Stable, Severity::Warning,
         kSignalHandlersFaq, "A signal handler must accept the two arguments (signum, frame)."},
        "signal_handler_arity",
        true,
        rules::check_signal_handler_arity,
        "signal"},
};

}  // namespace

std::span<const RuleDefinition> all_rules() {
  return kRules;
}

const RuleDefinition* find_rule(std::string_view code_or_name) {
  for (const RuleDefinition& rule : kRules) {
    if (rule.info.code == code_or_name || rule.info.name == code_or_name) return &rule;
  }
  return nullptr;
}

}  // namespace pyfaq::knowledge
