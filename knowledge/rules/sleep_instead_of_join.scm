; sleep-instead-of-join (PFQ302): calls standing alone as a statement; the C++ check keeps the
; ones resolving to time.sleep that follow thread starts in the same function or module.
(expression_statement
  (call
    function: [(identifier) (attribute)] @sleep.function) @sleep.call) @sleep.statement
