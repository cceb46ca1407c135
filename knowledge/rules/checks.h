// The check function of every rule, one per file in this folder.
#pragma once

#include "knowledge/rule.h"

namespace pyfaq::knowledge::rules {

void check_modify_list_while_iterating(const RuleContext& context);
void check_assign_result_of_inplace_method(const RuleContext& context);
void check_signal_handler_arity(const RuleContext& context);
void check_text_mode_binary_read(const RuleContext& context);
void check_os_read_on_file_object(const RuleContext& context);

}  // namespace pyfaq::knowledge::rules
