; is-comparison-with-literal (PFQ105): comparisons that use `is` or `is not` somewhere in their
; chain; the C++ check looks at the operands beside each such operator for a literal.
(comparison_operator
  operators: ["is" "is not"]) @comparison
