; assign-result-of-inplace-method (PFQ201): calls through a name or an attribute chain; the C++
; check keeps list methods that work in place (sort, reverse, append, ...) and random.shuffle,
; used where their value (always None) is read.
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list) @call.arguments) @call
