// The one table of rules: a new rule is one line here, one check file and one query file.
#include <array>

#include "knowledge/rule.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge {

namespace {

constexpr FaqRef kSignalHandlersFaq{"library", "why-don-t-my-signal-handlers-work",
                                    "Why don't my signal handlers work?"};

constexpr std::array kRules{
    RuleDefinition{{"PFQ108", "modify-list-while-iterating", RuleStatus::Stable, Severity::Warning,
                    FaqRef{"programming", "how-do-you-remove-multiple-items-from-a-list",
                           "How do you remove multiple items from a list"},
                    "Removing items from a list inside a loop over that list skips elements."},
                   "modify_list_while_iterating",
                   true,
                   rules::check_modify_list_while_iterating,
                   ""},
    RuleDefinition{
        {"PFQ201", "assign-result-of-inplace-method", RuleStatus::Stable, Severity::Warning,
         FaqRef{"design", "why-doesn-t-list-sort-return-the-sorted-list",
                "Why doesn't list.sort() return the sorted list?"},
         "Methods that change a list in place return None, not the list."},
        "assign_result_of_inplace_method",
        true,
        rules::check_assign_result_of_inplace_method,
        ""},
    RuleDefinition{
        {"PFQ301", "signal-handler-arity", RuleStatus::Stable, Severity::Warning,
         kSignalHandlersFaq, "A signal handler must accept the two arguments (signum, frame)."},
        "signal_handler_arity",
        true,
        rules::check_signal_handler_arity,
        "signal"},
    RuleDefinition{
        {"PFQ304", "text-mode-binary-read", RuleStatus::Stable, Severity::Warning,
         FaqRef{"library", "how-do-i-read-or-write-binary-data",
                "How do I read (or write) binary data?"},
         "Binary data (struct, pickle, marshal, bytes) needs a file opened in binary mode."},
        "text_mode_binary_read",
        true,
        rules::check_text_mode_binary_read,
        ""},
    RuleDefinition{
        {"PFQ305", "os-read-on-file-object", RuleStatus::Stable, Severity::Warning,
         FaqRef{"library", "i-can-t-seem-to-use-os-read-on-a-pipe-created-with-os-popen-why",
                "I can't seem to use os.read() on a pipe created with os.popen(); why?"},
         "os.read() and os.write() take a file descriptor, not a file object."},
        "os_read_on_file_object",
        true,
        rules::check_os_read_on_file_object,
        "os"},
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
