;;; pyfaq-test.el --- Drive pyfaq through eglot in batch Emacs  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by run.sh: PYFAQ_BINARY is the server, PYFAQ_TEST_FILE the copy of
;; sample.py to edit.  Each check prints PASS or FAIL; the exit code is the
;; failure count (capped at 1).  Batch Emacs is never idle, so the test runs
;; the idle timers itself where a user would pause (see `pyfaq-test--go-idle').

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'pyfaq)
(require 'python)
(require 'flymake)

(defvar pyfaq-test--passed 0)
(defvar pyfaq-test--failed 0)
(defconst pyfaq-test--timeout 30
  "Seconds any one wait may take before it gives up (a hang guard, not a limit).")

(defun pyfaq-test--check (name ok &optional detail)
  "Record check NAME as passed if OK; print DETAIL when it failed."
  (if ok
      (progn (cl-incf pyfaq-test--passed) (princ (format "PASS %s\n" name)))
    (cl-incf pyfaq-test--failed)
    (princ (format "FAIL %s%s\n" name (if detail (format "\n     %s" detail) ""))))
  ok)

(defun pyfaq-test--go-idle ()
  "Run the idle timers pending now, as a pause in typing would."
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list) (timer-event-handler timer))))

(defun pyfaq-test--wait (predicate)
  "Process server output and idle work until PREDICATE is non-nil, or time out.
Return PREDICATE's last value."
  (let ((deadline (+ (float-time) pyfaq-test--timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (pyfaq-test--go-idle))
    value))

;;;; Tips as flymake shows them

(defun pyfaq-test--diag-code (diag)
  "The LSP code eglot keeps with flymake DIAG."
  (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag)) :code))

(defun pyfaq-test--tips ()
  "The pyfaq tips as sorted (LINE CODE TYPE TEXT) lists, after a flymake run."
  (flymake-start)
  (sort (cl-loop for diag in (flymake-diagnostics)
                 for code = (pyfaq-test--diag-code diag)
                 when (and code (string-prefix-p "PFQ" code))
                 collect (list (line-number-at-pos (flymake-diagnostic-beg diag))
                               code (flymake-diagnostic-type diag)
                               (flymake-diagnostic-text diag)))
        (lambda (a b) (< (car a) (car b)))))

(defun pyfaq-test--line-of (regexp)
  "Line number of the first line matching REGEXP, or nil."
  (save-excursion
    (goto-char (point-min))
    (and (re-search-forward regexp nil t) (line-number-at-pos))))

(defun pyfaq-test--tip-codes-at (tips line)
  "Codes of TIPS on LINE."
  (cl-loop for tip in tips when (eql (car tip) line) collect (nth 1 tip)))

(defun pyfaq-test--expect-tips (name expected)
  "Wait until the tips are EXPECTED, then check that under NAME.
EXPECTED is a list of (REGEXP CODE): REGEXP finds the line CODE must be on.
No other tip may exist."
  (let* ((want (lambda ()
                 (sort (cl-loop for (regexp code) in expected
                                collect (list (pyfaq-test--line-of regexp) code))
                       (lambda (a b) (< (or (car a) 0) (or (car b) 0))))))
         (have (lambda () (mapcar (lambda (tip) (list (car tip) (nth 1 tip))) (pyfaq-test--tips))))
         (matched (pyfaq-test--wait (lambda () (equal (funcall have) (funcall want))))))
    (pyfaq-test--check name matched
                       (format "want %S, have %S" (funcall want) (pyfaq-test--tips)))))

;;;; Steps

(defun pyfaq-test--connect ()
  "Open the sample, start eglot with pyfaq; return the server or nil."
  (find-file (getenv "PYFAQ_TEST_FILE"))
  (switch-to-buffer (current-buffer))   ; eldoc answers only for shown buffers
  (pyfaq-test--check "sample.py opens in python-mode" (eq major-mode 'python-mode))
  (call-interactively #'eglot)
  (let ((server (pyfaq-test--wait (lambda () (and (eglot-managed-p) (eglot-current-server))))))
    (pyfaq-test--check "eglot connects to pyfaq with pyfaq.el's class"
                       (and server (cl-typep server 'pyfaq-eglot-server)
                            (equal (plist-get (eglot--server-info server) :name) "pyfaq"))
                       (format "server %S" server))
    server))

(defun pyfaq-test--initial-tips ()
  "The sample's three pitfalls show, with the severity from `pyfaq-settings'."
  (pyfaq-test--expect-tips "flymake shows PFQ103, PFQ105, PFQ106 on their lines"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("if x is 1:" "PFQ105")
                             ("os.chmod(path, 755)" "PFQ106")))
  (let ((tips (pyfaq-test--tips)))
    (pyfaq-test--check "tip text carries the code (eglot shows \"pyfaq [PFQ105]: ...\")"
                       (cl-some (lambda (tip) (string-match-p "\\[PFQ105\\]" (nth 3 tip))) tips)
                       (format "%S" tips))
    (pyfaq-test--check "pyfaq-settings reached the server: PFQ106 is information (eglot-note)"
                       (cl-some (lambda (tip) (and (equal (nth 1 tip) "PFQ106")
                                                   (eq (nth 2 tip) 'eglot-note)))
                                tips)
                       (format "%S" tips))
    (pyfaq-test--check "other tips stay warnings"
                       (cl-some (lambda (tip) (and (equal (nth 1 tip) "PFQ105")
                                                   (eq (nth 2 tip) 'eglot-warning)))
                                tips)
                       (format "%S" tips))))

(defun pyfaq-test--hover ()
  "Hover over threading.Thread through eglot's eldoc function."
  (goto-char (point-min))
  (re-search-forward "threading\\.Thr")
  (let (doc called)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq called t doc info)))
    (pyfaq-test--wait (lambda () called))
    (pyfaq-test--check "hover over threading.Thread names its FAQ entry"
                       (and (stringp doc) (string-match-p "How do I program using threads" doc))
                       (format "hover: %S" doc))
    (pyfaq-test--check "the hover's Markdown was rendered by markdown-mode (faces, hidden markup)"
                       (and (stringp doc)
                            (text-property-not-all 0 (length doc) 'invisible nil doc)
                            (text-property-not-all 0 (length doc) 'face nil doc))
                       (format "hover: %S" doc))))

(defun pyfaq-test--actions-at (regexp)
  "Code actions eglot gets at the tip on the line matching REGEXP.
Leaves point at the tip's start, where a user would ask for them."
  (goto-char (point-min))
  (re-search-forward regexp)
  (let ((diag (car (flymake-diagnostics (line-beginning-position) (line-end-position)))))
    (goto-char (if diag (flymake-diagnostic-beg diag) (line-beginning-position)))
    (eglot-code-actions (point) (if diag (flymake-diagnostic-end diag) (line-end-position)))))

(defun pyfaq-test--pick-code-action (title)
  "Run `eglot-code-actions' at point as from the keyboard, choosing TITLE."
  (let ((last-nonmenu-event ?\C-m))    ; a key, not a mouse click: eglot asks in the minibuffer
    (cl-letf (((symbol-function 'completing-read) (lambda (&rest _) title)))
      (call-interactively #'eglot-code-actions))))

(defun pyfaq-test--code-actions ()
  "List the actions at the PFQ105 tip, then apply its quick fix interactively."
  (let* ((actions (pyfaq-test--actions-at "if x is 1:"))
         (titles (mapcar (lambda (a) (plist-get a :title)) actions)))
    (pyfaq-test--check "code actions at PFQ105: a quick fix with an edit"
                       (cl-some (lambda (a) (and (equal (plist-get a :kind) "quickfix")
                                                 (plist-get a :edit)))
                                actions)
                       (format "%S" titles))
    (pyfaq-test--check "code actions at PFQ105: \"Open FAQ: ...\""
                       (cl-some (lambda (title) (string-prefix-p "Open FAQ" title)) titles)
                       (format "%S" titles))
    (pyfaq-test--check "code actions at PFQ105: \"Ignore is-comparison-with-literal on this line\""
                       (cl-some (lambda (title)
                                  (string-match-p "Ignore .*is-comparison-with-literal.* on this line"
                                                  title))
                                titles)
                       (format "%S" titles)))
  ;; Interactively, with the code action's title picked in the minibuffer.
  (let* ((before (buffer-string))
         (actions (pyfaq-test--actions-at "if x is 1:"))
         (fix (cl-find-if (lambda (a) (plist-get a :edit)) actions)))
    (pyfaq-test--pick-code-action (plist-get fix :title))
    (pyfaq-test--check "the quick fix changed the buffer (x == 1)"
                       (and (not (equal before (buffer-string)))
                            (pyfaq-test--line-of "if x == 1:"))
                       (format "fix %S" (plist-get fix :title))))
  (pyfaq-test--expect-tips "the fixed tip clears, the others stay"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("os.chmod(path, 755)" "PFQ106"))))

(defun pyfaq-test--edits ()
  "Typing a new pitfall adds a tip; repairing one by hand removes it."
  (goto-char (point-max))
  (insert "\n\ndef remember(key, seen={}):\n    seen[key] = True\n    return seen\n")
  (pyfaq-test--expect-tips "a typed pitfall gets its tip"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("os.chmod(path, 755)" "PFQ106")
                             ("def remember(key, seen={})" "PFQ103")))
  (goto-char (point-min))
  (re-search-forward "os.chmod(path, \\(755\\))")
  (replace-match "0o755" t t nil 1)
  (pyfaq-test--expect-tips "a pitfall repaired by hand loses its tip"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("def remember(key, seen={})" "PFQ103"))))

(defun pyfaq-test--settings-change ()
  "Changing `pyfaq-settings' turns a rule off in the running server."
  (customize-set-variable 'pyfaq-settings '(:rules (:mutable-default-argument nil)))
  (pyfaq-test--expect-tips "customizing pyfaq-settings turns mutable-default-argument off" '())
  (customize-set-variable 'pyfaq-settings nil)
  (pyfaq-test--expect-tips "and back on"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("def remember(key, seen={})" "PFQ103")))
  ;; What .dir-locals.el would set; it wins over pyfaq-settings.
  (setq-default eglot-workspace-configuration '(:pyfaq (:rules (:PFQ103 nil))))
  (eglot-signal-didChangeConfiguration (eglot-current-server))
  (pyfaq-test--expect-tips "a :pyfaq section in eglot-workspace-configuration turns PFQ103 off" '())
  (setq-default eglot-workspace-configuration nil)
  (eglot-signal-didChangeConfiguration (eglot-current-server))
  (pyfaq-test--expect-tips "and without it PFQ103 is back"
                           '(("def add(x, items=\\[\\])" "PFQ103")
                             ("def remember(key, seen={})" "PFQ103"))))

(defun pyfaq-test--entry-buffer-ok (name buffer title)
  "Check under NAME that BUFFER shows the FAQ entry TITLE the way pyfaq-open does."
  (pyfaq-test--check
   name
   (and (buffer-live-p buffer)
        (equal (buffer-name buffer) (format "*pyfaq: %s*" title))
        (with-current-buffer buffer
          (and buffer-read-only
               (derived-mode-p 'markdown-mode)
               (string-prefix-p "https://docs.python.org/" pyfaq-entry-url)
               (equal (buffer-substring-no-properties (point-min) (line-end-position))
                      pyfaq-entry-url)
               (eq (key-binding (kbd "o")) #'pyfaq-entry-browse)
               (string-match-p (regexp-quote title) (buffer-string))
               ;; More than the title: the answer itself.
               (> (- (point-max) (point-min)) (+ 200 (length title))))))
   (and (buffer-live-p buffer)
        (with-current-buffer buffer
          (format "%s, %s, %S" (buffer-name) major-mode
                  (buffer-substring-no-properties (point-min) (min (point-max) 300)))))))

(defun pyfaq-test--search ()
  "pyfaq-search with the first result picked opens its answer."
  (let (offered picked)
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt table &rest _)
                 (setq offered (all-completions "" table)
                       picked (car offered)))))
      (pyfaq-search "delete a file"))
    (pyfaq-test--check "pyfaq-search offers ranked entries, the first about deleting a file"
                       (and picked (string-match-p "delete a file" picked))
                       (format "offered %S" offered))
    (when picked
      (pyfaq-test--entry-buffer-ok "pyfaq-search opens the answer in a Markdown buffer"
                                   (get-buffer (format "*pyfaq: %s*" picked)) picked))))

(defun pyfaq-test--open-faq-action ()
  "The \"Open FAQ\" code action at the PFQ103 tip shows the entry in Emacs."
  (let* ((actions (pyfaq-test--actions-at "def add(x, items="))
         (open (cl-find-if (lambda (a) (string-prefix-p "Open FAQ" (plist-get a :title)))
                           actions))
         (title (and open (string-remove-prefix "Open FAQ: " (plist-get open :title)))))
    (pyfaq-test--check "\"Open FAQ\" is offered at PFQ103" open
                       (format "%S" (mapcar (lambda (a) (plist-get a :title)) actions)))
    (when open
      (pyfaq-test--pick-code-action (plist-get open :title))
      (pyfaq-test--entry-buffer-ok "\"Open FAQ\" shows the entry in Emacs"
                                   (get-buffer (format "*pyfaq: %s*" title)) title))))

(defun pyfaq-test--no-error-replies (server)
  "No request eglot sent to SERVER was answered with an error."
  (let ((errors (with-current-buffer (jsonrpc-events-buffer server)
                  (goto-char (point-min))
                  (cl-loop while (re-search-forward "^\\[server-reply\\] .* ERROR .*\n.*\n.*$" nil t)
                           collect (match-string 0)))))
    (pyfaq-test--check "the server answered every request without an error" (null errors)
                       (string-join errors "\n     "))))

(defun pyfaq-test--shutdown (server)
  "Shut SERVER down and check its process is gone."
  (let ((process (jsonrpc--process server)))
    (eglot-shutdown server nil 10)
    (pyfaq-test--wait (lambda () (not (process-live-p process))))
    (pyfaq-test--check "eglot-shutdown ends the server process" (not (process-live-p process)))))

(defun pyfaq-test--step (name function)
  "Call FUNCTION; a Lisp error fails the step NAME instead of the run."
  (condition-case err
      (funcall function)
    (error (pyfaq-test--check (format "%s runs without a Lisp error" name) nil
                              (error-message-string err))
           nil)))

(defun pyfaq-test-main ()
  "Run every step, print the summary and exit."
  (setq pyfaq-server-command (list (getenv "PYFAQ_BINARY") "serve")
        pyfaq-settings '(:severity (:PFQ106 "information"))
        eglot-sync-connect pyfaq-test--timeout
        eglot-confirm-server-initiated-edits nil
        eglot-autoreconnect nil)
  (let* ((start (float-time))
         (server (pyfaq-test--step "connect" #'pyfaq-test--connect))
         (source (current-buffer)))
    (when server
      ;; Each step in the sample's buffer; a step that errs fails alone.
      (dolist (step (list #'pyfaq-test--initial-tips #'pyfaq-test--hover
                          #'pyfaq-test--code-actions #'pyfaq-test--edits
                          #'pyfaq-test--settings-change #'pyfaq-test--search
                          #'pyfaq-test--open-faq-action))
        (with-current-buffer source (pyfaq-test--step (symbol-name step) step))))
    (when (and server (jsonrpc-running-p server))
      (pyfaq-test--no-error-replies server)
      (pyfaq-test--shutdown server))
    (princ (format "emacs: %d passed, %d failed (%.1f s)\n"
                   pyfaq-test--passed pyfaq-test--failed (- (float-time) start)))
    (kill-emacs (if (and (zerop pyfaq-test--failed) (> pyfaq-test--passed 0)) 0 1))))

(provide 'pyfaq-test)
;;; pyfaq-test.el ends here
