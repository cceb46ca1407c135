; list-multiplication-aliasing (PFQ104): every `a * b`; the C++ check keeps a list display of
; fresh mutable objects repeated by a count, where the product is stored.
(binary_operator
  operator: "*") @product
