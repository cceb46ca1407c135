// Which calls construct a thread: threading.Thread and the classes of this module derived from it.
#pragma once

#include <tree_sitter/api.h>

#include "grammar/semantic_model.h"

namespace pyfaq::knowledge::rules {

/// The class_definition a name refers to, when the one binding of the name in the scope that
/// resolves it is a `class` statement of this module; else a null node.
TSNode class_named(const grammar::SemanticModel& model, TSNode identifier);

/// The same-module class_definition a callee names when that class derives (directly or through
/// other same-module classes) from `threading.Thread`; a null node otherwise.
TSNode thread_subclass(const grammar::SemanticModel& model, TSNode callee);

/// Whether calling `callee` makes a thread: `threading.Thread` (resolved through imports and
/// aliases) or a same-module subclass of it.
bool is_thread_constructor(const grammar::SemanticModel& model, TSNode callee);

}  // namespace pyfaq::knowledge::rules
