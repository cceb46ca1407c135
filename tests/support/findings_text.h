// Findings written out one per line with everything an editor shows (rule, range, message, fix),
// so that two analyses compare as text.
#pragma once

#include <string>
#include <vector>

#include "knowledge/finding.h"

namespace pyfaq::testing {

std::string describe(const std::vector<knowledge::Finding>& findings);

}  // namespace pyfaq::testing
