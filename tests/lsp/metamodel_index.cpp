// The indexed LSP meta-model: lookups by name, structures with extends and mixins folded in.
#include "tests/lsp/metamodel_index.h"

#include <algorithm>
#include <stdexcept>

namespace pyfaq::testing {

using nlohmann::json;

namespace {

const json* find_in(const std::unordered_map<std::string, const json*>& map,
                    const std::string& name) {
  const auto found = map.find(name);
  return found == map.end() ? nullptr : found->second;
}

std::vector<Property> read_properties(const json& properties) {
  std::vector<Property> result;
  for (const json& property : properties) {
    result.push_back({property.at("name").get<std::string>(), &property.at("type"),
                      property.value("optional", false)});
  }
  return result;
}

// A later property of the same name overrides an earlier one (CreateFile.kind narrows
// ResourceOperation.kind to "create").
void merge_into(std::vector<Property>& into, const std::vector<Property>& more) {
  for (const Property& property : more) {
    const auto same_name = std::find_if(into.begin(), into.end(), [&](const Property& existing) {
      return existing.name == property.name;
    });
    if (same_name == into.end()) {
      into.push_back(property);
    } else {
      *same_name = property;
    }
  }
}

}  // namespace

ModelIndex::ModelIndex(json document) : document_(std::move(document)) {
  index_by("requests", "method", requests_);
  index_by("notifications", "method", notifications_);
  index_by("structures", "name", structures_);
  index_by("enumerations", "name", enumerations_);
  index_by("typeAliases", "name", type_aliases_);
  for (const auto& [name, structure] : structures_) {
    std::vector<std::string> visiting;
    flatten_structure(name, visiting);
  }
  index_literals(document_);
}

void ModelIndex::index_by(const char* section, const char* key, ByName& into) {
  for (const json& entry : document_.at(section)) {
    into.emplace(entry.at(key).get<std::string>(), &entry);
  }
}

const std::vector<Property>& ModelIndex::flatten_structure(const std::string& name,
                                                           std::vector<std::string>& visiting) {
  if (const auto done = structure_properties_.find(name); done != structure_properties_.end()) {
    return done->second;
  }
  const json* structure = find_in(structures_, name);
  if (structure == nullptr) {
    throw std::runtime_error("meta-model: no structure named " + name);
  }
  if (std::find(visiting.begin(), visiting.end(), name) != visiting.end()) {
    throw std::runtime_error("meta-model: structure " + name + " extends itself");
  }
  visiting.push_back(name);
  std::vector<Property> properties;
  for (const char* inherited : {"extends", "mixins"}) {
    for (const json& reference : structure->value(inherited, json::array())) {
      merge_into(properties, flatten_structure(reference.at("name").get<std::string>(), visiting));
    }
  }
  merge_into(properties, read_properties(structure->at("properties")));
  visiting.pop_back();
  return structure_properties_[name] = std::move(properties);
}

// Object literals sit anywhere in the tree; indexing them by node keeps the walker simple.
void ModelIndex::index_literals(const json& node) {
  if (node.is_object()) {
    if (node.value("kind", "") == "literal") {
      literal_properties_.emplace(&node, read_properties(node.at("value").at("properties")));
    }
    for (const json& child : node) index_literals(child);
  } else if (node.is_array()) {
    for (const json& child : node) index_literals(child);
  }
}

const json* ModelIndex::request(const std::string& method) const {
  return find_in(requests_, method);
}
const json* ModelIndex::notification(const std::string& method) const {
  return find_in(notifications_, method);
}
const json* ModelIndex::structure(const std::string& name) const {
  return find_in(structures_, name);
}
const json* ModelIndex::enumeration(const std::string& name) const {
  return find_in(enumerations_, name);
}
const json* ModelIndex::type_alias(const std::string& name) const {
  return find_in(type_aliases_, name);
}

const std::vector<Property>* ModelIndex::properties_of(const json& type) const {
  const std::string kind = type.value("kind", "");
  if (kind == "literal") {
    const auto found = literal_properties_.find(&type);
    return found == literal_properties_.end() ? nullptr : &found->second;
  }
  if (kind == "reference") {
    const auto found = structure_properties_.find(type.value("name", ""));
    return found == structure_properties_.end() ? nullptr : &found->second;
  }
  return nullptr;
}

namespace {

std::string join_items(const json& items, const char* separator) {
  std::string joined;
  for (const json& item : items) {
    if (!joined.empty()) joined += separator;
    joined += describe_type(item);
  }
  return joined;
}

}  // namespace

std::string describe_type(const json& type) {
  const std::string kind = type.value("kind", "");
  if (kind == "base" || kind == "reference") return type.value("name", "?");
  if (kind == "array") {
    const json& element = type.at("element");
    const std::string element_kind = element.value("kind", "");
    const bool compound = element_kind == "or" || element_kind == "and";
    std::string text = compound ? "(" : "";
    text += describe_type(element);
    text += compound ? ")[]" : "[]";
    return text;
  }
  if (kind == "map") {
    return "map<" + describe_type(type.at("key")) + ", " + describe_type(type.at("value")) + ">";
  }
  if (kind == "or") return join_items(type.at("items"), " | ");
  if (kind == "and") return join_items(type.at("items"), " & ");
  if (kind == "tuple") {
    std::string text = "[";
    text += join_items(type.at("items"), ", ");
    text += ']';
    return text;
  }
  if (kind == "literal") {
    std::string names;
    for (const json& property : type.at("value").at("properties")) {
      if (!names.empty()) names += ", ";
      names += property.at("name").get<std::string>();
      if (property.value("optional", false)) names += "?";
    }
    return "{" + names + "}";
  }
  if (kind == "stringLiteral" || kind == "integerLiteral" || kind == "booleanLiteral") {
    return brief_value(type.at("value"));
  }
  return "<" + kind + ">";
}

std::string brief_value(const json& value) {
  constexpr std::size_t kMaxLength = 60;
  // Replace rather than throw on invalid UTF-8: the checker reports, it never fails.
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxLength) text = text.substr(0, kMaxLength - 3) + "...";
  return text;
}

}  // namespace pyfaq::testing
