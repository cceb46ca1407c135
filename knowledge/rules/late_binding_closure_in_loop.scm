; late-binding-closure-in-loop (PFQ102): every lambda and def; the C++ check keeps those created
; in a loop (or a comprehension's element) that read the loop variable and outlive the iteration.
[
  (lambda)
  (function_definition)
] @closure
