; method-overload-redefinition (PFQ110): the blocks whose direct `def`s bind one namespace, the
; module and each class body; the C++ check groups their undecorated defs by name.
(module) @block
(class_definition
  body: (block) @block)
