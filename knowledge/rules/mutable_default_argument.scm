; mutable-default-argument (PFQ103): the defaults of a def's parameters; the C++ check keeps
; fresh mutable objects ([], {}, set(), collections.deque() ...) that the body exposes.
(function_definition
  parameters: (parameters
    [
      (default_parameter
        name: (identifier) @parameter.name
        value: (_) @parameter.default)
      (typed_default_parameter
        name: (identifier) @parameter.name
        value: (_) @parameter.default)
    ] @parameter)) @function
