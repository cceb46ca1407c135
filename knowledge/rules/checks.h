// The check function of every rule, one per file in this folder.
#pragma once

#include "knowledge/rule.h"

namespace pyfaq::knowledge::rules {

void check_list_multiplication_aliasing(const RuleContext& context);
void check_is_comparison_with_literal(const RuleContext& context);
void check_decimal_file_mode(const RuleContext& context);
void check_eval_for_number_conversion(const RuleContext& context);
void check_missing_comma_implicit_concat(const RuleContext& context);
void check_signal_handler_arity(const RuleContext& context);

}  // namespace pyfaq::knowledge::rules
