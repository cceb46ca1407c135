// The check function of every rule, one per file in this folder.
#pragma once

#include "knowledge/rule.h"

namespace pyfaq::knowledge::rules {

void check_unbound_local_shadows_global(const RuleContext& context);
void check_late_binding_closure_in_loop(const RuleContext& context);
void check_mutable_default_argument(const RuleContext& context);
void check_missing_self_parameter(const RuleContext& context);
void check_method_overload_redefinition(const RuleContext& context);
void check_dunder_main_typo(const RuleContext& context);
void check_decimal_file_mode(const RuleContext& context);
void check_is_comparison_with_literal(const RuleContext& context);
void check_modify_list_while_iterating(const RuleContext& context);
void check_assign_result_of_inplace_method(const RuleContext& context);
void check_list_multiplication_aliasing(const RuleContext& context);
void check_eval_for_number_conversion(const RuleContext& context);
void check_float_equality_comparison(const RuleContext& context);
void check_missing_comma_implicit_concat(const RuleContext& context);
void check_signal_handler_arity(const RuleContext& context);
void check_sleep_instead_of_join(const RuleContext& context);
void check_unsynchronized_global_increment(const RuleContext& context);
void check_text_mode_binary_read(const RuleContext& context);
void check_os_read_on_file_object(const RuleContext& context);

}  // namespace pyfaq::knowledge::rules
