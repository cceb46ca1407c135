; missing-comma-implicit-concat (PFQ203): adjacent string literals written straight into a
; list, set or tuple display (a parenthesised concatenation is a different node, so it is not
; matched); the C++ check keeps word-like strings among plain string siblings.
[
  (list (concatenated_string) @concat)
  (set (concatenated_string) @concat)
  (tuple (concatenated_string) @concat)
]
