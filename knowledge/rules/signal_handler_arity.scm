; signal-handler-arity (PFQ301): calls through a name or an attribute chain; the C++ check keeps
; those resolving to signal.signal(signalnum, handler) with two positional arguments (comments
; may sit between the arguments, so the count is checked there).
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list) @call.arguments) @call
