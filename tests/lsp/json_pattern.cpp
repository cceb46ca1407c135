// Matching a JSON value against an expected pattern.
#include "tests/lsp/json_pattern.h"

namespace pyfaq::testing {

std::string json_mismatch(const nlohmann::json& pattern, const nlohmann::json& actual,
                          const std::string& path) {
  if (pattern.is_string() && pattern == "{{*}}") return {};
  if (pattern.is_string()) {
    // "{{starts}}text" and "{{contains}}text" match strings by prefix or substring.
    const std::string& text = pattern.get_ref<const std::string&>();
    for (const std::string_view mode : {"{{starts}}", "{{contains}}"}) {
      if (!text.starts_with(mode)) continue;
      const std::string wanted = text.substr(mode.size());
      if (!actual.is_string()) return path + ": expected a string, got " + actual.dump();
      const std::string& got = actual.get_ref<const std::string&>();
      const bool ok =
          mode == "{{starts}}" ? got.starts_with(wanted) : got.find(wanted) != std::string::npos;
      return ok ? std::string()
                : path + ": expected " + std::string(mode) + wanted + ", got " + actual.dump();
    }
  }
  if (pattern.is_object()) {
    if (!actual.is_object()) return path + ": expected an object, got " + actual.dump();
    for (const auto& [key, expected] : pattern.items()) {
      const auto found = actual.find(key);
      if (expected.is_string() && expected == "{{absent}}") {
        if (found != actual.end())
          return path + "." + key + ": expected absent, got " + found->dump();
        continue;
      }
      if (found == actual.end()) return path + "." + key + ": missing";
      if (auto why = json_mismatch(expected, *found, path + "." + key); !why.empty()) return why;
    }
    return {};
  }
  if (pattern.is_array()) {
    if (!actual.is_array()) return path + ": expected an array, got " + actual.dump();
    if (pattern.size() != actual.size()) {
      return path + ": expected " + std::to_string(pattern.size()) + " elements, got " +
             std::to_string(actual.size()) + ": " + actual.dump();
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (auto why = json_mismatch(pattern[i], actual[i], path + "[" + std::to_string(i) + "]");
          !why.empty()) {
        return why;
      }
    }
    return {};
  }
  if (pattern != actual) return path + ": expected " + pattern.dump() + ", got " + actual.dump();
  return {};
}

}  // namespace pyfaq::testing
