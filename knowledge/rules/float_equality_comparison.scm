; float-equality-comparison (PFQ202): comparisons using `==` or `!=`; the C++ check keeps the
; ones with a single operator where one side is computed in floats and an inexact literal is
; involved.
(comparison_operator
  operators: ["==" "!="]) @comparison
