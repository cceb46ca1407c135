; decimal-file-mode (PFQ106): integer literals passed to a call, positionally or by keyword; the
; C++ check keeps those in a file-mode position (os.chmod, .mkdir(mode=...), os.umask, ...)
; written in decimal digits that read like an octal mode.
(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list (integer) @mode)) @call

(call
  function: [(identifier) (attribute)] @call.function
  arguments: (argument_list (keyword_argument value: (integer) @mode))) @call
