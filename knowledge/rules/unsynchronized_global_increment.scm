; unsynchronized-global-increment (PFQ303): calls through a name or an attribute chain; the C++
; check keeps the ones that run a same-module function in a thread (Thread target, Timer,
; ThreadPoolExecutor submit/map, Thread subclass construction).
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list) @call.arguments) @call
