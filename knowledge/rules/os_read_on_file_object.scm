; os-read-on-file-object (PFQ305): calls through a name or an attribute chain; the C++ check keeps
; those resolving to os.read / os.write whose first argument is a file object.
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list) @call.arguments) @call
