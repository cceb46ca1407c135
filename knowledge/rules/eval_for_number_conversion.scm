; eval-for-number-conversion (PFQ107): calls of a plain name with an argument list; the C++ check
; keeps the builtin eval() given text from input(), sys.argv or sys.stdin, or wrapped in
; int()/float()/abs()/round().
(call
  function: (identifier) @call.function
  arguments: (argument_list) @call.arguments) @call
