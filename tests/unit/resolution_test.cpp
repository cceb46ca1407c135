// Name resolution: what an identifier or attribute chain at the cursor ($0) refers to.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::grammar {
namespace {

constexpr std::string_view kCursor = "$0";

/// A document with the cursor marker removed, and the expression the cursor stands before: the
/// identifier there, or the whole attribute chain when that identifier is an attribute's name.
struct Fixture {
  Document document;
  std::size_t cursor;

  static Fixture parse(std::string_view marked) {
    const std::size_t at = marked.find(kCursor);
    EXPECT_NE(at, std::string_view::npos) << "fixture has no $0 cursor";
    std::string text(marked.substr(0, at));
    text += marked.substr(at + kCursor.size());
    return Fixture{Document(std::move(text)), at};
  }

  TSNode identifier() const {
    const auto offset = static_cast<uint32_t>(cursor);
    return ts_node_named_descendant_for_byte_range(document.root(), offset, offset + 1);
  }

  TSNode expression() const {
    const TSNode id = identifier();
    const TSNode parent = ts_node_parent(id);
    if (is_type(parent, "attribute") && same_node(field(parent, "attribute"), id)) return parent;
    return id;
  }
};

std::string resolve(std::string_view marked) {
  const Fixture fixture = Fixture::parse(marked);
  const SemanticModel model = SemanticModel::build(fixture.document);
  return model.qualified_name(fixture.expression()).value_or("<unresolved>");
}

struct Case {
  const char* name;
  const char* source;
  const char* expected;
};

void PrintTo(const Case& c, std::ostream* out) {
  *out << c.name;
}

class QualifiedName : public testing::TestWithParam<Case> {};

TEST_P(QualifiedName, Resolves) {
  const Case& c = GetParam();
  EXPECT_EQ(resolve(c.source), c.expected) << c.source;
}

constexpr const char* kUnresolved = "<unresolved>";

INSTANTIATE_TEST_SUITE_P(
    Table, QualifiedName,
    testing::Values(
        // Imports and aliases.
        Case{"plain_import", "import threading\nthreading.$0Thread()", "threading.Thread"},
        Case{"module_itself", "import threading\n$0threading", "threading"},
        Case{"alias", "import threading as th\nth.$0Thread()", "threading.Thread"},
        Case{"dotted_import_binds_top", "import os.path\nos.path.$0join", "os.path.join"},
        Case{"dotted_import_top_member", "import os.path\nos.$0getcwd", "os.getcwd"},
        Case{"dotted_alias", "import concurrent.futures as cf\ncf.$0ThreadPoolExecutor",
             "concurrent.futures.ThreadPoolExecutor"},
        Case{"long_chain", "import concurrent\nconcurrent.futures.$0ThreadPoolExecutor",
             "concurrent.futures.ThreadPoolExecutor"},
        Case{"from_import", "from signal import signal\n$0signal(1, h)", "signal.signal"},
        Case{"from_import_alias", "from signal import signal as on_signal\n$0on_signal(1, h)",
             "signal.signal"},
        Case{"from_dotted_module", "from os.path import join\n$0join", "os.path.join"},
        Case{"from_import_submodule", "from concurrent import futures\nfutures.$0wait",
             "concurrent.futures.wait"},
        Case{"parenthesized_names", "from threading import (\n  Thread,\n  Lock,\n)\n$0Lock()",
             "threading.Lock"},
        Case{"same_import_twice", "import os\nimport os\n$0os", "os"},
        Case{"import_and_dotted_import", "import os\nimport os.path\nos.$0sep", "os.sep"},
        Case{"future_import", "from __future__ import annotations\n$0annotations",
             "__future__.annotations"},
        Case{"parenthesized_receiver", "import os\n(os).$0sep", "os.sep"},
        // Relative and wildcard imports never resolve.
        Case{"relative_import", "from . import signal\n$0signal", kUnresolved},
        Case{"relative_module", "from .compat import threading\nthreading.$0Thread", kUnresolved},
        Case{"parent_relative", "from ..signal import signal\n$0signal(1, h)", kUnresolved},
        Case{"wildcard_hides_builtins", "from os import *\n$0open", kUnresolved},
        // Builtins.
        Case{"builtin", "$0len([])", "builtins.len"},
        Case{"builtin_in_function", "def f():\n    return $0eval('1')", "builtins.eval"},
        Case{"shadowed_builtin", "len = 3\n$0len", kUnresolved},
        // Any other binding breaks the link.
        Case{"reassigned_module", "import signal\nsignal = None\n$0signal", kUnresolved},
        Case{"parameter_shadows", "import signal\ndef f(signal):\n    $0signal.signal(1, h)",
             kUnresolved},
        Case{"local_shadows", "import signal\ndef f():\n    signal = 1\n    $0signal", kUnresolved},
        Case{"local_after_use_shadows", "import os\ndef f():\n    $0os.sep\n    os = 1",
             kUnresolved},
        Case{"for_target_shadows", "import os\nfor os in []:\n    pass\n$0os", kUnresolved},
        Case{"with_target_shadows", "import os\nwith x as os:\n    pass\n$0os", kUnresolved},
        Case{"except_target_shadows", "import os\ntry:\n    pass\nexcept E as os:\n    $0os",
             kUnresolved},
        Case{"def_shadows", "import os\ndef os():\n    pass\n$0os", kUnresolved},
        Case{"class_shadows", "import signal\nclass signal:\n    pass\n$0signal", kUnresolved},
        Case{"walrus_shadows", "import os\nif (os := 1):\n    pass\n$0os", kUnresolved},
        Case{"del_shadows", "import os\ndel os\n$0os", kUnresolved},
        Case{"augmented_shadows", "import os\nos += 1\n$0os", kUnresolved},
        Case{"tuple_target_shadows", "import os, sys\n(a, [b, *os]) = x\n$0os", kUnresolved},
        Case{"match_capture_shadows", "import os\nmatch x:\n    case [os]:\n        $0os",
             kUnresolved},
        Case{"different_imports",
             "try:\n    import json\nexcept ImportError:\n"
             "    import simplejson as json\n$0json",
             kUnresolved},
        Case{"annotation_only_is_local", "import os\ndef f():\n    os: int\n    $0os", kUnresolved},
        // Scopes.
        Case{"function_sees_module", "import os\ndef f():\n    return os.$0sep", "os.sep"},
        Case{"nested_function_sees_module", "import os\ndef f():\n    def g():\n        $0os\n",
             "os"},
        Case{"local_import", "def f():\n    import threading as t\n    t.$0Lock()",
             "threading.Lock"},
        Case{"local_import_not_outside", "def f():\n    import os\nos.$0sep", "builtins.os.sep"},
        Case{"closure_shadow", "import os\ndef f(os):\n    def g():\n        $0os\n", kUnresolved},
        Case{"class_scope_invisible_to_methods",
             "import os\nclass C:\n    os = 1\n    def m(self):\n        return os.$0sep",
             "os.sep"},
        Case{"class_body_sees_own_binding", "import os\nclass C:\n    os = 1\n    x = $0os",
             kUnresolved},
        Case{"class_scope_invisible_to_comprehension",
             "import os\nclass C:\n    os = 1\n    xs = [$0os for _ in range(3)]", "os"},
        Case{"comprehension_target", "import os\n[$0os for os in range(3)]", kUnresolved},
        Case{"comprehension_does_not_leak", "import os\n[os for os in range(3)]\n$0os", "os"},
        Case{"first_iterable_in_enclosing_scope",
             "import os\nclass C:\n    os = []\n    xs = [x for x in $0os]", kUnresolved},
        Case{"lambda_parameter", "import os\nf = lambda os: $0os", kUnresolved},
        Case{"lambda_default_in_enclosing", "import os\nf = lambda os=$0os: os", "os"},
        Case{"default_in_enclosing_scope", "import os\ndef f(os=os.$0sep):\n    pass", "os.sep"},
        Case{"annotation_in_enclosing_scope",
             "import typing\ndef f(typing: typing.$0Any):\n"
             "    pass",
             "typing.Any"},
        Case{"decorator_in_enclosing_scope",
             "import functools\nclass C:\n    functools = None\n    @$0functools.cache\n"
             "    def g(self):\n        pass",
             kUnresolved},
        Case{"decorator_sees_module",
             "import functools\ndef functools_user(functools):\n    pass\n@functools.$0cache\n"
             "def g():\n    pass",
             "functools.cache"},
        Case{"global_statement", "import os\ndef f():\n    global os\n    os = 1\n$0os",
             kUnresolved},
        Case{"global_reads_module",
             "import os\ndef f(os):\n    def g():\n        global os\n"
             "        return os.$0sep\n",
             "os.sep"},
        Case{"nonlocal_moves_binding",
             "import os\ndef f():\n    os = 1\n    def g():\n        nonlocal os\n"
             "        os = 2\n    return $0os",
             kUnresolved},
        Case{"walrus_in_comprehension_binds_outside",
             "import os\ndef f():\n    [(os := x) for x in range(3)]\n    return $0os",
             kUnresolved},
        // Broken code still resolves around the error.
        Case{"syntax_error_elsewhere",
             "import threading as th\ndef broken(:\n    pass\n"
             "th.$0Thread()",
             "threading.Thread"},
        Case{"call_in_chain", "import os\nos.getcwd().$0upper", kUnresolved}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

struct DefinitionCase {
  const char* name;
  const char* source;
  const char* expected_def;  // the def's name, or nullptr when no def is found
};

void PrintTo(const DefinitionCase& c, std::ostream* out) {
  *out << c.name;
}

class Definitions : public testing::TestWithParam<DefinitionCase> {};

TEST_P(Definitions, FindsTheDefinition) {
  const DefinitionCase& c = GetParam();
  const Fixture fixture = Fixture::parse(c.source);
  const SemanticModel model = SemanticModel::build(fixture.document);
  const TSNode expression = fixture.expression();
  const Binding* def = is_type(expression, "attribute") ? model.method_of_receiver(expression)
                                                        : model.function_named(expression);
  if (c.expected_def == nullptr) {
    EXPECT_EQ(def, nullptr) << c.source;
  } else {
    ASSERT_NE(def, nullptr) << c.source;
    EXPECT_EQ(def->name, c.expected_def);
    EXPECT_TRUE(is_type(def->definition, "function_definition"));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, Definitions,
    testing::Values(
        DefinitionCase{"module_def", "def h(a, b):\n    pass\n$0h", "h"},
        DefinitionCase{"def_after_use", "$0h\ndef h():\n    pass", "h"},
        DefinitionCase{"nested_def", "def outer():\n    def h():\n        pass\n    return $0h",
                       "h"},
        DefinitionCase{"rebound_def", "def h():\n    pass\nh = 3\n$0h", nullptr},
        DefinitionCase{"redefined_def", "def h():\n    pass\ndef h(a):\n    pass\n$0h", nullptr},
        DefinitionCase{"imported_name", "from m import h\n$0h", nullptr},
        DefinitionCase{"parameter_not_def", "def f(h):\n    return $0h", nullptr},
        DefinitionCase{"self_method",
                       "class C:\n    def go(self):\n        self.$0m\n    def m(self):\n"
                       "        pass",
                       "m"},
        DefinitionCase{"cls_in_classmethod",
                       "class C:\n    @classmethod\n    def go(cls):\n        cls.$0m\n"
                       "    def m(self):\n        pass",
                       "m"},
        DefinitionCase{"self_in_closure",
                       "class C:\n    def go(self):\n        def inner():\n            self.$0m\n"
                       "    def m(self):\n        pass",
                       "m"},
        DefinitionCase{"not_first_parameter",
                       "class C:\n    def go(self, other):\n        other.$0m\n    def m(self):\n"
                       "        pass",
                       nullptr},
        DefinitionCase{"staticmethod_receiver",
                       "class C:\n    @staticmethod\n    def go(self):\n        self.$0m\n"
                       "    def m(self):\n        pass",
                       nullptr},
        DefinitionCase{"method_defined_twice",
                       "class C:\n    def go(self):\n        self.$0m\n    def m(self):\n"
                       "        pass\n    def m(self, x):\n        pass",
                       nullptr},
        DefinitionCase{"attribute_not_method",
                       "class C:\n    m = 1\n    def go(self):\n        self.$0m", nullptr},
        DefinitionCase{"function_not_in_class", "def go(self):\n    self.$0m", nullptr}),
    [](const testing::TestParamInfo<DefinitionCase>& info) { return info.param.name; });

// What an identifier holds: the value of each of its bindings ("|"-joined), "<other>" when a
// binding is not a plain assignment, "<none>" when nothing binds it.
std::string assigned_values(std::string_view marked) {
  const Fixture fixture = Fixture::parse(marked);
  const SemanticModel model = SemanticModel::build(fixture.document);
  const auto ids = model.resolve_bindings(fixture.identifier());
  if (ids.empty()) return "<none>";
  std::string values;
  for (const BindingId id : ids) {
    const TSNode value = model.assigned_value(model.binding(id));
    if (ts_node_is_null(value)) return "<other>";
    if (!values.empty()) values += "|";
    values += node_text(value, fixture.document.text());
  }
  return values;
}

class AssignedValues : public testing::TestWithParam<Case> {};

TEST_P(AssignedValues, Resolves) {
  const Case& c = GetParam();
  EXPECT_EQ(assigned_values(c.source), c.expected) << c.source;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AssignedValues,
    testing::Values(
        Case{"plain", "row = [0] * 3\n$0row", "[0] * 3"},
        Case{"annotated", "row: list = ([])\n$0row", "[]"},
        Case{"annotation_only", "row: list\n$0row", "<other>"},
        Case{"chain", "a = row = {}\n$0row", "{}"},
        Case{"chain_outer", "row = b = {}\n$0row", "{}"},
        Case{"walrus", "if (row := []):\n    $0row", "[]"},
        Case{"two_assignments", "x = 1\nx = 2.5\n$0x", "1|2.5"},
        Case{"augmented", "x = 1\nx += 2\n$0x", "<other>"},
        Case{"unpacking", "a, x = 1, 2\n$0x", "<other>"},
        Case{"parameter", "def f(x):\n    return $0x", "<other>"},
        Case{"loop_target", "for x in y:\n    $0x", "<other>"},
        Case{"enclosing_function", "def f():\n    x = []\n    def g():\n        return $0x", "[]"},
        Case{"local_shadows_module", "x = []\ndef f():\n    x = {}\n    return $0x", "{}"},
        Case{"global_statement", "x = []\ndef f():\n    global x\n    x = 1\n$0x", "[]|1"},
        Case{"builtin", "$0len", "<none>"}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace pyfaq::grammar
