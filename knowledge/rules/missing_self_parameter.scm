; missing-self-parameter (PFQ109): class bodies; the C++ check looks at the defs directly in
; them (decorated or not) for an unbound `self`, and at parameterless ones called as self.m().
(class_definition
  name: (identifier) @class.name
  body: (block) @class.body) @class
