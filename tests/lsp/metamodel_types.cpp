// The type walker: checks a JSON value against a meta-model type by walking the value.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "tests/lsp/metamodel_index.h"

namespace pyfaq::testing {

using nlohmann::json;

namespace {

// Past this many nested visits the value (or a cyclic alias) is rejected, not the stack.
constexpr int kMaxDepth = 256;
constexpr std::int64_t kIntegerMin = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kIntegerMax = std::numeric_limits<std::int32_t>::max();

bool is_integer_in(const json& value, std::int64_t low, std::int64_t high) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>() <= std::uint64_t(high);
  if (!value.is_number_integer()) return false;
  const auto number = value.get<std::int64_t>();
  return number >= low && number <= high;
}

// RFC 3986 scheme then ':'; catches a bare path sent where a URI belongs.
bool has_uri_scheme(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == 0 || colon == std::string::npos) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && !(i > 0 && other)) return false;
  }
  return true;
}

bool is_uri_type(const std::string& name) {
  return name == "URI" || name == "DocumentUri";
}

bool base_conforms(const json& value, const std::string& name) {
  if (name == "string" || name == "RegExp") return value.is_string();
  if (is_uri_type(name)) return value.is_string() && has_uri_scheme(value.get<std::string>());
  // Integral types must be JSON integers: strict clients reject 2.0 for a uinteger.
  if (name == "integer") return is_integer_in(value, kIntegerMin, kIntegerMax);
  if (name == "uinteger") return is_integer_in(value, 0, kIntegerMax);
  if (name == "decimal") return value.is_number();
  if (name == "boolean") return value.is_boolean();
  if (name == "null") return value.is_null();
  return false;
}

// Which JSON kinds a base type is spelled in, ignoring ranges and URI syntax.
bool base_shape_fits(const json& value, const std::string& name) {
  if (name == "string" || name == "RegExp" || is_uri_type(name)) return value.is_string();
  if (name == "integer" || name == "uinteger" || name == "decimal") return value.is_number();
  return base_conforms(value, name);
}

// "1 | 2 | 3 | 4", or "any string" when custom values are allowed.
std::string describe_enumeration(const json& enumeration) {
  if (enumeration.value("supportsCustomValues", false)) {
    return "any " + enumeration.at("type").value("name", "?");
  }
  constexpr std::size_t kMaxListed = 8;
  std::string listed;
  std::size_t count = 0;
  for (const json& entry : enumeration.at("values")) {
    if (count++ == kMaxListed) return listed + " | ...";
    listed += (listed.empty() ? "" : " | ") + brief_value(entry.at("value"));
  }
  return listed;
}

}  // namespace

/// Where problems go and the path that leads them; absent when only a verdict is wanted.
struct TypeWalker::Report {
  std::string path;
  std::vector<std::string>& problems;

  Report property(const std::string& name) const { return {path + "." + name, problems}; }
  Report key(const std::string& key) const {
    return {path + "[" + brief_value(key) + "]", problems};
  }
  Report index(std::size_t i) const { return {path + "[" + std::to_string(i) + "]", problems}; }
  void add(const std::string& problem) const { problems.push_back(path + ": " + problem); }
  void mismatch(const json& type, const json& value) const {
    add("expected " + describe_type(type) + ", got " + brief_value(value));
  }
};

std::size_t TypeWalker::PairHash::operator()(const std::pair<const void*, const void*>& key) const {
  const std::hash<const void*> hash;
  return hash(key.first) * 31 + hash(key.second);
}

void TypeWalker::report(const json& value, const json& type, const std::string& path,
                        std::vector<std::string>& problems) {
  const Report root{path, problems};
  visit(value, type, &root);
}

bool TypeWalker::conforms(const json& value, const json& type) {
  return visit(value, type, nullptr);
}

bool TypeWalker::visit(const json& value, const json& type, const Report* report) {
  if (depth_ >= kMaxDepth) {
    if (report != nullptr && !reported_too_deep_) report->add("nested too deeply to check");
    reported_too_deep_ = reported_too_deep_ || report != nullptr;
    return false;
  }
  ++depth_;
  bool ok = false;
  if (report != nullptr) {
    ok = visit_kind(value, type, report);
  } else {
    const std::pair<const void*, const void*> key{&value, &type};
    const auto [entry, inserted] = verdicts_.try_emplace(key, Verdict::InProgress);
    if (!inserted) {
      ok = entry->second == Verdict::Conforms;  // InProgress: a cycle that consumed no value
    } else {
      ok = visit_kind(value, type, nullptr);
      verdicts_[key] = ok ? Verdict::Conforms : Verdict::Fails;
    }
  }
  --depth_;
  return ok;
}

bool TypeWalker::visit_kind(const json& value, const json& type, const Report* report) {
  const std::string kind = type.value("kind", "");
  bool ok = true;
  if (kind == "base") {
    ok = base_conforms(value, type.value("name", ""));
    if (!ok && report) report->mismatch(type, value);
  } else if (kind == "reference") {
    ok = visit_reference(value, type, report);
  } else if (kind == "array" || kind == "tuple") {
    const bool tuple = kind == "tuple";
    if (!value.is_array() || (tuple && value.size() != type.at("items").size())) {
      if (report) report->mismatch(type, value);
      return false;
    }
    for (std::size_t i = 0; i < value.size() && (ok || report); ++i) {
      const json& element_type = tuple ? type.at("items").at(i) : type.at("element");
      if (report) {
        const Report element = report->index(i);
        ok = visit(value[i], element_type, &element) && ok;
      } else {
        ok = visit(value[i], element_type, nullptr);
      }
    }
  } else if (kind == "map") {
    ok = visit_map(value, type, report);
  } else if (kind == "and") {
    ok = visit_and(value, type, report);
  } else if (kind == "or") {
    ok = visit_or(value, type, report);
  } else if (kind == "literal") {
    const std::vector<Property>* properties = model_.properties_of(type);
    ok = properties != nullptr && visit_properties(value, *properties, describe_type(type), report);
  } else if (kind == "stringLiteral" || kind == "integerLiteral" || kind == "booleanLiteral") {
    ok = value == type.at("value");
    if (!ok && report) report->mismatch(type, value);
  } else {
    ok = false;
    if (report) report->add("the meta-model type kind \"" + kind + "\" is not supported");
  }
  return ok;
}

bool TypeWalker::visit_reference(const json& value, const json& type, const Report* report) {
  const std::string name = type.value("name", "");
  // The open types of the protocol: anything goes inside them, so they are not walked.
  if (name == "LSPAny") return true;
  if (name == "LSPObject" || name == "LSPArray") {
    const bool ok = name == "LSPObject" ? value.is_object() : value.is_array();
    if (!ok && report) report->mismatch(type, value);
    return ok;
  }
  if (const std::vector<Property>* properties = model_.properties_of(type)) {
    return visit_properties(value, *properties, name, report);
  }
  if (const json* enumeration = model_.enumeration(name)) {
    return visit_enumeration(value, *enumeration, report);
  }
  if (const json* alias = model_.type_alias(name)) return visit(value, alias->at("type"), report);
  if (report) report->add("the meta-model has no type named " + name);
  return false;
}

bool TypeWalker::visit_properties(const json& value, const std::vector<Property>& properties,
                                  std::string_view type_name, const Report* report) {
  if (!value.is_object()) {
    if (report) report->add("expected " + std::string(type_name) + ", got " + brief_value(value));
    return false;
  }
  bool ok = true;
  for (const Property& property : properties) {
    const auto member = value.find(property.name);
    if (member == value.end()) {
      if (property.optional) continue;
      if (!report) return false;
      report->add("missing required property \"" + property.name + "\"");
      ok = false;
    } else if (report) {
      const Report child = report->property(property.name);
      ok = visit(*member, *property.type, &child) && ok;
    } else if (!visit(*member, *property.type, nullptr)) {
      return false;
    }
  }
  for (const auto& [name, member] : value.items()) {
    const bool known = std::any_of(properties.begin(), properties.end(),
                                   [&](const Property& property) { return property.name == name; });
    if (known) continue;
    if (!report) return false;
    report->property(name).add("property not in " + std::string(type_name));
    ok = false;
  }
  return ok;
}

bool TypeWalker::visit_enumeration(const json& value, const json& enumeration,
                                   const Report* report) {
  const json& base = enumeration.at("type");
  bool ok = base_conforms(value, base.value("name", ""));
  if (ok && !enumeration.value("supportsCustomValues", false)) {
    const json& values = enumeration.at("values");
    ok = std::any_of(values.begin(), values.end(),
                     [&](const json& entry) { return entry.at("value") == value; });
  }
  if (!ok && report) {
    report->add("expected " + enumeration.value("name", "?") + " (" +
                describe_enumeration(enumeration) + "), got " + brief_value(value));
  }
  return ok;
}

bool TypeWalker::visit_map(const json& value, const json& type, const Report* report) {
  if (!value.is_object()) {
    if (report) report->mismatch(type, value);
    return false;
  }
  bool ok = true;
  for (const auto& [key, member] : value.items()) {
    if (!key_conforms(key, type.at("key"))) {
      if (!report) return false;
      report->key(key).add("key expected " + describe_type(type.at("key")));
      ok = false;
    }
    if (report) {
      const Report child = report->key(key);
      ok = visit(member, type.at("value"), &child) && ok;
    } else if (!visit(member, type.at("value"), nullptr)) {
      return false;
    }
  }
  return ok;
}

// Keys are strings outside any value, so they are checked without the (address) memo.
bool TypeWalker::key_conforms(const std::string& key, const json& key_type) {
  const std::string kind = key_type.value("kind", "");
  const std::string name = key_type.value("name", "");
  if (kind == "base") return base_conforms(json(key), name);
  if (kind != "reference") return false;
  if (const json* alias = model_.type_alias(name)) return key_conforms(key, alias->at("type"));
  if (const json* enumeration = model_.enumeration(name)) {
    const json key_value(key);
    const json& values = enumeration->at("values");
    return enumeration->value("supportsCustomValues", false) ||
           std::any_of(values.begin(), values.end(),
                       [&](const json& entry) { return entry.at("value") == key_value; });
  }
  return false;
}

bool TypeWalker::visit_and(const json& value, const json& type, const Report* report) {
  // Structures joined by `and` form one object: a property of one is not extra in the other.
  std::vector<Property> merged;
  bool all_have_properties = true;
  for (const json& item : type.at("items")) {
    const std::vector<Property>* properties = model_.properties_of(item);
    if (properties == nullptr) {
      all_have_properties = false;
      break;
    }
    merged.insert(merged.end(), properties->begin(), properties->end());
  }
  if (all_have_properties) return visit_properties(value, merged, describe_type(type), report);
  bool ok = true;
  for (const json& item : type.at("items")) {
    ok = visit(value, item, report) && ok;
    if (!ok && !report) return false;
  }
  return ok;
}

bool TypeWalker::visit_or(const json& value, const json& type, const Report* report) {
  const json& items = type.at("items");
  for (const json& item : items) {
    if (conforms(value, item)) return true;
  }
  if (!report) return false;
  const json* closest = nullptr;
  std::size_t closest_score = 0;
  for (const json& item : items) {
    if (!shape_fits(value, item, 0)) continue;
    const std::size_t score = mismatch_score(value, item, 0);
    if (closest == nullptr || score < closest_score) {
      closest = &item;
      closest_score = score;
    }
  }
  const std::size_t problems_before = report->problems.size();
  if (closest != nullptr) visit(value, *closest, report);
  // Also when the closest alternative failed without saying why (a cut-off cycle).
  if (report->problems.size() == problems_before) report->mismatch(type, value);
  return false;
}

bool TypeWalker::shape_fits(const json& value, const json& type, int depth) const {
  if (depth > kMaxDepth) return false;
  const std::string kind = type.value("kind", "");
  const std::string name = type.value("name", "");
  if (kind == "base") return base_shape_fits(value, name);
  if (kind == "array" || kind == "tuple") return value.is_array();
  if (kind == "map" || kind == "literal") return value.is_object();
  if (kind == "stringLiteral") return value.is_string();
  if (kind == "integerLiteral") return value.is_number();
  if (kind == "booleanLiteral") return value.is_boolean();
  if (kind == "or" || kind == "and") {
    const json& items = type.at("items");
    const auto fits = [&](const json& item) { return shape_fits(value, item, depth + 1); };
    return kind == "or" ? std::any_of(items.begin(), items.end(), fits)
                        : std::all_of(items.begin(), items.end(), fits);
  }
  if (kind != "reference") return false;
  if (name == "LSPAny") return true;
  if (name == "LSPObject" || model_.structure(name)) return value.is_object();
  if (name == "LSPArray") return value.is_array();
  if (const json* enumeration = model_.enumeration(name)) {
    return base_shape_fits(value, enumeration->at("type").value("name", ""));
  }
  const json* alias = model_.type_alias(name);
  return alias != nullptr && shape_fits(value, alias->at("type"), depth + 1);
}

std::size_t TypeWalker::mismatch_score(const json& value, const json& type, int depth) {
  if (depth > kMaxDepth) return std::numeric_limits<std::size_t>::max();
  const std::string kind = type.value("kind", "");
  if (const std::vector<Property>* properties = model_.properties_of(type)) {
    if (!value.is_object()) return std::numeric_limits<std::size_t>::max();
    std::size_t score = 0;
    for (const Property& property : *properties) {
      const auto member = value.find(property.name);
      if (member == value.end() ? !property.optional : !conforms(*member, *property.type)) ++score;
    }
    for (const auto& [name, member] : value.items()) {
      score += std::none_of(properties->begin(), properties->end(),
                            [&](const Property& property) { return property.name == name; });
    }
    return score;
  }
  if (kind == "array") {
    if (!value.is_array()) return std::numeric_limits<std::size_t>::max();
    std::size_t score = 0;
    for (const json& element : value) score += !conforms(element, type.at("element"));
    return score;
  }
  if (kind == "or") {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (const json& item : type.at("items")) {
      if (shape_fits(value, item, depth + 1)) {
        best = std::min(best, mismatch_score(value, item, depth + 1));
      }
    }
    return best;
  }
  if (kind == "reference") {
    if (const json* alias = model_.type_alias(type.value("name", ""))) {
      return mismatch_score(value, alias->at("type"), depth + 1);
    }
  }
  return 1;
}

}  // namespace pyfaq::testing
