; modify-list-while-iterating (PFQ108): the mutations the rule knows -- `L.remove(...)`,
; `L.pop(...)`, `L.clear()` (the method name is checked in C++) and `del L[...]`; the C++ check
; looks up the enclosing `for` loops over the same L.
(call
  function: (attribute
    object: [(identifier) (attribute) (parenthesized_expression)] @mutation.object
    attribute: (identifier) @mutation.method)
  arguments: (argument_list)) @mutation

(delete_statement) @deletion
