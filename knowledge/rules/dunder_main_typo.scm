; dunder-main-typo (PFQ111): every comparison; the C++ check keeps `==` / `!=` between exactly
; two operands, one the unbound name `__name__`, the other a near miss of "__main__".
(comparison_operator) @comparison
