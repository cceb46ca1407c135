// Internals of the meta-model checker: the indexed model and the walker that checks values.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pyfaq::testing {

/// One property of a structure or object literal, after extends and mixins are folded in.
struct Property {
  std::string name;
  const nlohmann::json* type;
  bool optional;
};

/// The meta-model document with lookups by name. Type nodes handed out are pointers into the
/// document, so an index never moves once built.
class ModelIndex {
 public:
  /// Indexes `document`; throws nlohmann::json::exception or std::runtime_error if malformed.
  explicit ModelIndex(nlohmann::json document);
  ModelIndex(const ModelIndex&) = delete;
  ModelIndex& operator=(const ModelIndex&) = delete;

  const nlohmann::json* request(const std::string& method) const;
  const nlohmann::json* notification(const std::string& method) const;
  const nlohmann::json* structure(const std::string& name) const;
  const nlohmann::json* enumeration(const std::string& name) const;
  const nlohmann::json* type_alias(const std::string& name) const;

  /// The properties of a `reference` to a structure or of a `literal`; null for other types.
  const std::vector<Property>* properties_of(const nlohmann::json& type) const;

 private:
  using ByName = std::unordered_map<std::string, const nlohmann::json*>;

  void index_by(const char* section, const char* key, ByName& into);
  const std::vector<Property>& flatten_structure(const std::string& name,
                                                 std::vector<std::string>& visiting);
  void index_literals(const nlohmann::json& node);

  nlohmann::json document_;
  ByName requests_, notifications_, structures_, enumerations_, type_aliases_;
  std::unordered_map<std::string, std::vector<Property>> structure_properties_;
  std::unordered_map<const nlohmann::json*, std::vector<Property>> literal_properties_;
};

/// Walks a JSON value alongside a meta-model type. Verdicts are memoized by the addresses of
/// (value, type), so use one walker per check and keep the checked value alive and unchanged.
class TypeWalker {
 public:
  explicit TypeWalker(const ModelIndex& model) : model_(model) {}

  /// Appends a "path: problem" line for each way `value` departs from `type`.
  void report(const nlohmann::json& value, const nlohmann::json& type, const std::string& path,
              std::vector<std::string>& problems);

  /// Whether `value` has `type`, without explaining why not.
  bool conforms(const nlohmann::json& value, const nlohmann::json& type);

 private:
  struct Report;
  enum class Verdict { InProgress, Conforms, Fails };
  struct PairHash {
    std::size_t operator()(const std::pair<const void*, const void*>& key) const;
  };

  // `report` null: decide only, stopping at the first problem and memoizing the answer.
  bool visit(const nlohmann::json& value, const nlohmann::json& type, const Report* report);
  bool visit_kind(const nlohmann::json& value, const nlohmann::json& type, const Report* report);
  bool visit_reference(const nlohmann::json& value, const nlohmann::json& type,
                       const Report* report);
  bool visit_properties(const nlohmann::json& value, const std::vector<Property>& properties,
                        std::string_view type_name, const Report* report);
  bool visit_enumeration(const nlohmann::json& value, const nlohmann::json& enumeration,
                         const Report* report);
  bool visit_map(const nlohmann::json& value, const nlohmann::json& type, const Report* report);
  bool visit_and(const nlohmann::json& value, const nlohmann::json& type, const Report* report);
  bool visit_or(const nlohmann::json& value, const nlohmann::json& type, const Report* report);
  bool key_conforms(const std::string& key, const nlohmann::json& key_type);

  // Choosing the alternative of a failed `or` to explain: the JSON kind must fit, then fewest
  // problems one level down wins.
  bool shape_fits(const nlohmann::json& value, const nlohmann::json& type, int depth) const;
  std::size_t mismatch_score(const nlohmann::json& value, const nlohmann::json& type, int depth);

  const ModelIndex& model_;
  std::unordered_map<std::pair<const void*, const void*>, Verdict, PairHash> verdicts_;
  int depth_ = 0;
  bool reported_too_deep_ = false;  // once is enough: every enclosing level would repeat it
};

/// A short spelling of a type for problems: `Hover | null`, `TextEdit[]`, `{name, version?}`.
std::string describe_type(const nlohmann::json& type);

/// A value as JSON, cut short when long.
std::string brief_value(const nlohmann::json& value);

}  // namespace pyfaq::testing
