; text-mode-binary-read (PFQ304): calls through a name or an attribute chain; the C++ check keeps
; the binary consumers (struct.unpack, pickle.load, F.write(b"...") ...) fed from a file opened
; in text mode.
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list) @call.arguments) @call
