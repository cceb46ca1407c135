; signal-handler-arity (PFQ301): calls with exactly two positional-looking arguments, of which
; the C++ check keeps those resolving to signal.signal(signalnum, handler).
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list
    .
    (_) @signal.number
    .
    (_) @signal.handler
    .)) @call
