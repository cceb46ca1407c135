// The one table of rules: a new rule is one line here, one check file and one query file.
#include <array>

#include "knowledge/rule.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge {

namespace {

constexpr FaqRef kUnboundLocalFaq{
    "programming", "why-am-i-getting-an-unboundlocalerror-when-the-variable-has-a-value",
    "Why am I getting an UnboundLocalError when the variable has a value?"};
constexpr FaqRef kLambdasInLoopFaq{
    "programming",
    "why-do-lambdas-defined-in-a-loop-with-different-values-all-return-the-same-result",
    "Why do lambdas defined in a loop with different values all return the same result?"};
constexpr FaqRef kSharedDefaultsFaq{"programming", "why-are-default-values-shared-between-objects",
                                    "Why are default values shared between objects?"};
constexpr FaqRef kWhatIsSelfFaq{"programming", "what-is-self", "What is self?"};
constexpr FaqRef kOverloadFaq{"programming", "how-can-i-overload-constructors-or-methods-in-python",
                              "How can I overload constructors (or methods) in Python?"};
constexpr FaqRef kCurrentModuleNameFaq{"programming", "how-do-i-find-the-current-module-name",
                                       "How do I find the current module name?"};
constexpr FaqRef kOctalIntegersFaq{"programming", "how-do-i-specify-hexadecimal-and-octal-integers",
                                   "How do I specify hexadecimal and octal integers?"};
constexpr FaqRef kIdentityTestsFaq{"programming",
                                   "when-can-i-rely-on-identity-tests-with-the-is-operator",
                                   "When can I rely on identity tests with the is operator?"};
constexpr FaqRef kSignalHandlersFaq{"library", "why-don-t-my-signal-handlers-work",
                                    "Why don't my signal handlers work?"};
constexpr FaqRef kMultidimensionalListFaq{"programming", "how-do-i-create-a-multidimensional-list",
                                          "How do I create a multidimensional list?"};
constexpr FaqRef kStringToNumberFaq{"programming", "how-do-i-convert-a-string-to-a-number",
                                    "How do I convert a string to a number?"};
constexpr FaqRef kTrailingCommasFaq{"design",
                                    "why-does-python-allow-commas-at-the-end-of-lists-and-tuples",
                                    "Why does Python allow commas at the end of lists and tuples?"};

constexpr std::array kRules{
    RuleDefinition{{"PFQ101", "unbound-local-shadows-global", RuleStatus::Stable, Severity::Warning,
                    kUnboundLocalFaq,
                    "Assigning a name anywhere in a function makes it local there, even before the "
                    "assignment."},
                   "unbound_local_shadows_global",
                   false,
                   rules::check_unbound_local_shadows_global,
                   "",
                   Reach::Function},
    RuleDefinition{{"PFQ102", "late-binding-closure-in-loop", RuleStatus::Stable, Severity::Warning,
                    kLambdasInLoopFaq,
                    "A closure reads a loop variable when called, so closures kept from a loop "
                    "share its last value."},
                   "late_binding_closure_in_loop",
                   true,
                   rules::check_late_binding_closure_in_loop,
                   "",
                   Reach::Function},
    RuleDefinition{{"PFQ103", "mutable-default-argument", RuleStatus::Stable, Severity::Warning,
                    kSharedDefaultsFaq,
                    "A default value is built once; a mutable one carries changes between calls."},
                   "mutable_default_argument",
                   true,
                   rules::check_mutable_default_argument,
                   "",
                   Reach::Function},
    RuleDefinition{{"PFQ104", "list-multiplication-aliasing", RuleStatus::Stable, Severity::Warning,
                    kMultidimensionalListFaq,
                    "Multiplying a list of lists repeats one inner list; build each row anew."},
                   "list_multiplication_aliasing",
                   true,
                   rules::check_list_multiplication_aliasing,
                   "",
                   Reach::Function},
    RuleDefinition{{"PFQ105", "is-comparison-with-literal", RuleStatus::Stable, Severity::Warning,
                    kIdentityTestsFaq,
                    "Compare literals with == and !=: whether two equal literals are the same "
                    "object is not promised."},
                   "is_comparison_with_literal",
                   true,
                   rules::check_is_comparison_with_literal,
                   "",
                   Reach::Function},
    RuleDefinition{
        {"PFQ106", "decimal-file-mode", RuleStatus::Stable, Severity::Warning, kOctalIntegersFaq,
         "File permission modes are octal: write 0o755, not the decimal 755."},
        "decimal_file_mode",
        true,
        rules::check_decimal_file_mode,
        "",
        Reach::Function},
    RuleDefinition{
        {"PFQ107", "eval-for-number-conversion", RuleStatus::Stable, Severity::Warning,
         kStringToNumberFaq, "Turn text into a number with int() or float(), not eval()."},
        "eval_for_number_conversion",
        true,
        rules::check_eval_for_number_conversion,
        "",
        Reach::Function},
    RuleDefinition{{"PFQ108", "modify-list-while-iterating", RuleStatus::Stable, Severity::Warning,
                    FaqRef{"programming", "how-do-you-remove-multiple-items-from-a-list",
                           "How do you remove multiple items from a list"},
                    "Removing items from a list inside a loop over that list skips elements."},
                   "modify_list_while_iterating",
                   true,
                   rules::check_modify_list_while_iterating,
                   "",
                   Reach::Function},
    RuleDefinition{
        {"PFQ109", "missing-self-parameter", RuleStatus::Stable, Severity::Warning, kWhatIsSelfFaq,
         "A method receives its instance as an explicit first parameter, `self`."},
        "missing_self_parameter",
        true,
        rules::check_missing_self_parameter,
        "",
        Reach::Function},
    RuleDefinition{{"PFQ110", "method-overload-redefinition", RuleStatus::Stable, Severity::Warning,
                    kOverloadFaq,
                    "A second def of the same name replaces the first; Python does not overload."},
                   "method_overload_redefinition",
                   true,
                   rules::check_method_overload_redefinition,
                   "",
                   Reach::Function},
    RuleDefinition{
        {"PFQ111", "dunder-main-typo", RuleStatus::Stable, Severity::Warning, kCurrentModuleNameFaq,
         "A main guard must compare `__name__` with exactly \"__main__\"."},
        "dunder_main_typo",
        true,
        rules::check_dunder_main_typo,
        "",
        Reach::Function},
    RuleDefinition{
        {"PFQ201", "assign-result-of-inplace-method", RuleStatus::Stable, Severity::Warning,
         FaqRef{"design", "why-doesn-t-list-sort-return-the-sorted-list",
                "Why doesn't list.sort() return the sorted list?"},
         "Methods that change a list in place return None, not the list."},
        "assign_result_of_inplace_method",
        true,
        rules::check_assign_result_of_inplace_method,
        "",
        Reach::Function},
    RuleDefinition{
        {"PFQ202", "float-equality-comparison", RuleStatus::Preview, Severity::Warning,
         FaqRef{"design", "why-are-floating-point-calculations-so-inaccurate",
                "Why are floating-point calculations so inaccurate?"},
         "Floats computed in binary rarely equal a decimal literal exactly; compare within a "
         "tolerance."},
        "float_equality_comparison",
        true,
        rules::check_float_equality_comparison,
        "",
        Reach::Function},
    RuleDefinition{{"PFQ203", "missing-comma-implicit-concat", RuleStatus::Stable,
                    Severity::Warning, kTrailingCommasFaq,
                    "Adjacent strings in a list join into one element: a comma is likely missing."},
                   "missing_comma_implicit_concat",
                   true,
                   rules::check_missing_comma_implicit_concat,
                   "",
                   Reach::Function},
    RuleDefinition{
        {"PFQ301", "signal-handler-arity", RuleStatus::Stable, Severity::Warning,
         kSignalHandlersFaq, "A signal handler must accept the two arguments (signum, frame)."},
        "signal_handler_arity",
        true,
        rules::check_signal_handler_arity,
        "signal",
        Reach::Module},
    RuleDefinition{{"PFQ302", "sleep-instead-of-join", RuleStatus::Stable, Severity::Information,
                    FaqRef{"library", "none-of-my-threads-seem-to-run-why",
                           "None of my threads seem to run: why?"},
                    "Wait for started threads with join(), not with a guessed time.sleep()."},
                   "sleep_instead_of_join",
                   true,
                   rules::check_sleep_instead_of_join,
                   "threading",
                   Reach::Module},
    RuleDefinition{
        {"PFQ303", "unsynchronized-global-increment", RuleStatus::Stable, Severity::Warning,
         FaqRef{"library", "what-kinds-of-global-value-mutation-are-thread-safe",
                "What kinds of global value mutation are thread-safe?"},
         "`x += 1` on shared state is a read and a write; threads running it at once "
         "lose updates without a lock."},
        "unsynchronized_global_increment",
        true,
        rules::check_unsynchronized_global_increment,
        "threading concurrent",
        Reach::Module},
    RuleDefinition{
        {"PFQ304", "text-mode-binary-read", RuleStatus::Stable, Severity::Warning,
         FaqRef{"library", "how-do-i-read-or-write-binary-data",
                "How do I read (or write) binary data?"},
         "Binary data (struct, pickle, marshal, bytes) needs a file opened in binary mode."},
        "text_mode_binary_read",
        true,
        rules::check_text_mode_binary_read,
        "",
        Reach::Function},
    RuleDefinition{
        {"PFQ305", "os-read-on-file-object", RuleStatus::Stable, Severity::Warning,
         FaqRef{"library", "i-can-t-seem-to-use-os-read-on-a-pipe-created-with-os-popen-why",
                "I can't seem to use os.read() on a pipe created with os.popen(); why?"},
         "os.read() and os.write() take a file descriptor, not a file object."},
        "os_read_on_file_object",
        true,
        rules::check_os_read_on_file_object,
        "os",
        Reach::Function},
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
