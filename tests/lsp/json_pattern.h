// Matching a JSON value against an expected pattern: objects match when every expected key
// matches (extra keys are allowed), arrays element by element with the same length, "{{*}}"
// matches anything, "{{absent}}" requires the key to be missing, and "{{starts}}text" /
// "{{contains}}text" match strings by prefix / substring.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace pyfaq::testing {

/// Empty when `actual` matches `pattern`; otherwise where and how it differs.
std::string json_mismatch(const nlohmann::json& pattern, const nlohmann::json& actual,
                          const std::string& path = "$");

}  // namespace pyfaq::testing
