;;; pyfaq.el --- Python FAQ tips in Emacs through eglot and pyfaq  -*- lexical-binding: t; -*-

;; Author: the pyfaq authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools, python
;; URL: https://github.com/pyfaq/pyfaq

;; This file is not part of GNU Emacs.

;;; Commentary:

;; pyfaq is a language server that shows tips from the official Python
;; FAQ where Python code falls into a pitfall the FAQ explains.  This
;; package connects it to Emacs through eglot:
;;
;; - `pyfaq serve' is registered in `eglot-server-programs' for
;;   `python-mode' and `python-ts-mode', so \\[eglot] in a Python buffer
;;   starts it.  Tips appear through flymake, hovers through eldoc, and
;;   quick fixes, "Open FAQ" and "Ignore" through `eglot-code-actions'.
;; - `pyfaq-settings' is sent as initializationOptions and answers the
;;   server's workspace/configuration requests (unless
;;   `eglot-workspace-configuration' has a `:pyfaq' section, which wins).
;; - `pyfaq-search' searches the FAQ and `pyfaq-open' shows an entry's
;;   answer in a read-only Markdown buffer.
;;
;; Minimal set-up:
;;
;;   (require 'pyfaq)
;;   (add-hook 'python-mode-hook #'eglot-ensure)

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'jsonrpc)

(defgroup pyfaq nil
  "Tips from the official Python FAQ, through the pyfaq language server."
  :group 'tools
  :prefix "pyfaq-")

(defcustom pyfaq-server-command '("pyfaq" "serve")
  "Program and arguments that start the pyfaq language server on stdio."
  :type '(repeat string))

(defun pyfaq--notify-servers (symbol value)
  "Set SYMBOL to VALUE, then tell running pyfaq servers to re-read settings."
  (set-default symbol value)
  (when (fboundp 'pyfaq-apply-settings) (pyfaq-apply-settings)))

(defcustom pyfaq-settings nil
  "Settings for the pyfaq server (its `pyfaq' section), as a plist or alist.
Keys: `:rules' (rule name or code to t or nil), `:severity' (rule to
\"hint\", \"information\" or \"warning\"), `:hover' (t or nil),
`:docsVersion', `:docsPath' (strings) and `:links' (\"web\" or \"local\").
nil values are sent as JSON false.  Example:

  (:rules (:PFQ302 nil) :severity (:PFQ103 \"hint\") :links \"web\")"
  :type '(plist :key-type symbol :value-type sexp)
  :set #'pyfaq--notify-servers)

(defcustom pyfaq-open-faq-in-emacs t
  "Non-nil: the \"Open FAQ\" code action shows the answer with `pyfaq-open'.
nil: it asks the server, which returns the link; it is opened with `browse-url'."
  :type 'boolean)

(defcustom pyfaq-search-limit 20
  "How many FAQ entries `pyfaq-search' offers at most."
  :type 'integer)

;;;; The server class and its registration

(defclass pyfaq-eglot-server (eglot-lsp-server) ()
  :documentation "An eglot connection to `pyfaq serve'.")

(defvar pyfaq--servers nil
  "Connections to pyfaq made by eglot, newest first (dead ones are skipped).")

(cl-defmethod initialize-instance :after ((server pyfaq-eglot-server) &rest _)
  "Remember SERVER for `pyfaq-search' from buffers eglot does not manage."
  (push server pyfaq--servers))

(defun pyfaq--contact (&rest _)
  "The eglot contact for pyfaq: our class, then `pyfaq-server-command'."
  (cons 'pyfaq-eglot-server pyfaq-server-command))

(defconst pyfaq--modes '(python-mode python-ts-mode)
  "Major modes whose buffers pyfaq manages (absent ones are harmless).")

(defun pyfaq--register ()
  "Put pyfaq first in `eglot-server-programs' for Python buffers."
  (setq eglot-server-programs
        (cons (cons pyfaq--modes #'pyfaq--contact)
              (cl-remove #'pyfaq--contact eglot-server-programs :key #'cdr))))

(pyfaq--register)

;;;; Settings

(defun pyfaq--plist-p (object)
  "Non-nil if OBJECT is a non-empty list starting with a keyword."
  (and (consp object) (keywordp (car object))))

(defun pyfaq--alist-p (object)
  "Non-nil if OBJECT is a list of (KEY . VALUE) with symbol or string keys."
  (and (consp object)
       (cl-every (lambda (cell) (and (consp cell) (or (symbolp (car cell)) (stringp (car cell)))))
                 object)))

(defun pyfaq--key-name (key)
  "KEY (keyword, symbol or string) as a JSON member name."
  (cond ((keywordp key) (substring (symbol-name key) 1))
        ((symbolp key) (symbol-name key))
        (t key)))

(defun pyfaq--json (value)
  "VALUE (plists and alists nested) as a JSON-ready object; nil becomes false."
  (cond ((null value) :json-false)
        ((or (pyfaq--plist-p value) (pyfaq--alist-p value))
         (let ((object (make-hash-table :test #'equal)))
           (if (pyfaq--plist-p value)
               (cl-loop for (k v) on value by #'cddr
                        do (puthash (pyfaq--key-name k) (pyfaq--json v) object))
             (cl-loop for (k . v) in value
                      do (puthash (pyfaq--key-name k) (pyfaq--json v) object)))
           object))
        ((vectorp value) (apply #'vector (mapcar #'pyfaq--json value)))
        (t value)))

(defun pyfaq--settings-object ()
  "`pyfaq-settings' as a JSON object (empty when unset)."
  (if pyfaq-settings (pyfaq--json pyfaq-settings) (make-hash-table)))

(cl-defmethod eglot-initialization-options ((_server pyfaq-eglot-server))
  "Send `pyfaq-settings' as the server's initializationOptions."
  (pyfaq--settings-object))

(cl-defmethod eglot-handle-request
  ((server pyfaq-eglot-server) (_method (eql workspace/configuration)) &key items)
  "Answer SERVER's ITEMS, the `pyfaq' section from `pyfaq-settings'.
A `:pyfaq' section in `eglot-workspace-configuration' wins."
  (let ((answers (cl-call-next-method server 'workspace/configuration :items items)))
    (cl-loop for item across items
             for answer across answers
             collect (cond ((not (equal (plist-get item :section) "pyfaq")) answer)
                           ((null answer) (pyfaq--settings-object))
                           (t (pyfaq--json answer)))
             into merged
             finally return (apply #'vector merged))))

(defun pyfaq--live-servers ()
  "Running pyfaq connections, newest first."
  (setq pyfaq--servers (cl-remove-if-not #'jsonrpc-running-p pyfaq--servers)))

(defun pyfaq-apply-settings ()
  "Make running pyfaq servers re-read their settings."
  (interactive)
  (dolist (server (pyfaq--live-servers))
    (eglot-signal-didChangeConfiguration server)))

;;;; Commands

(defun pyfaq--server ()
  "The pyfaq server of this buffer, else any running one, else an error."
  (let ((current (eglot-current-server)))
    (or (and (cl-typep current 'pyfaq-eglot-server) current)
        (car (pyfaq--live-servers))
        (user-error "No pyfaq server is running: start one with M-x eglot in a Python buffer"))))

(defun pyfaq--execute (command &rest arguments)
  "Run the pyfaq COMMAND with ARGUMENTS on the server and return its result."
  (jsonrpc-request (pyfaq--server) :workspace/executeCommand
                   (list :command command :arguments (apply #'vector arguments))))

(defun pyfaq--search-candidates (results)
  "An alist (LABEL . RESULT) for RESULTS, in the server's order.
Labels are titles; a title seen twice gets its document's name."
  (let ((seen (make-hash-table :test #'equal)) candidates)
    (seq-doseq (result results)
      (let ((label (plist-get result :title)))
        (when (gethash label seen)
          (setq label (format "%s [%s]" label (plist-get result :doc))))
        (puthash label t seen)
        (push (cons label result) candidates)))
    (nreverse candidates)))

(defun pyfaq--completion-table (candidates)
  "Complete over CANDIDATES in their ranking order."
  (lambda (string predicate action)
    (if (eq action 'metadata)
        `(metadata (category . pyfaq-entry)
                   (display-sort-function . identity)
                   (cycle-sort-function . identity)
                   (annotation-function
                    . ,(lambda (label)
                         (let ((result (cdr (assoc label candidates))))
                           (and result (format "  (%s)" (plist-get result :doc)))))))
      (complete-with-action action candidates string predicate))))

;;;###autoload
(defun pyfaq-search (query)
  "Search the Python FAQ for QUERY and show the entry chosen."
  (interactive (list (read-string "Search the Python FAQ: ")))
  (let* ((results (pyfaq--execute "pyfaq.searchFaq" query pyfaq-search-limit))
         (candidates (pyfaq--search-candidates results)))
    (unless candidates (user-error "No FAQ entry matches %S" query))
    (let* ((label (completing-read "FAQ entry: " (pyfaq--completion-table candidates) nil t))
           (result (cdr (assoc label candidates))))
      (unless result (user-error "No FAQ entry chosen"))
      (pyfaq-open (format "%s#%s" (plist-get result :doc) (plist-get result :anchor))))))

(defvar-local pyfaq-entry-url nil
  "The online address of the FAQ entry shown in this buffer.")

(defun pyfaq-entry-browse ()
  "Open the FAQ entry of this buffer in a web browser."
  (interactive)
  (browse-url (or pyfaq-entry-url (user-error "This buffer shows no FAQ entry"))))

(defvar pyfaq-entry-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "o") #'pyfaq-entry-browse)
    (define-key map (kbd "C-c C-o") #'pyfaq-entry-browse)
    map)
  "Keys in a buffer showing a FAQ entry.")

(define-minor-mode pyfaq-entry-mode
  "A buffer showing a Python FAQ answer; \\[pyfaq-entry-browse] opens it online."
  :lighter " FAQ")

(declare-function gfm-view-mode "markdown-mode")

(defun pyfaq--entry-major-mode ()
  "Show Markdown with markdown-mode's viewer when it is installed."
  (if (require 'markdown-mode nil t)
      (gfm-view-mode)
    (special-mode)))

;;;###autoload
(defun pyfaq-open (entry)
  "Show the answer of the FAQ ENTRY (\"doc#anchor\" or its URL) in a buffer."
  (interactive (list (read-string "FAQ entry (doc#anchor or URL): ")))
  (let* ((result (pyfaq--execute "pyfaq.faqEntry" entry))
         (title (plist-get result :title))
         (url (plist-get result :url))
         (buffer (get-buffer-create (format "*pyfaq: %s*" title))))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert-text-button url 'action (lambda (_) (browse-url url)) 'follow-link t
                            'help-echo "Open in a web browser")
        (insert "\n\n# " title "\n\n" (or (plist-get result :markdown) "")))
      (pyfaq--entry-major-mode)
      (setq pyfaq-entry-url url)
      (pyfaq-entry-mode 1)
      (setq buffer-read-only t)
      (set-buffer-modified-p nil)
      (goto-char (point-min)))
    (pop-to-buffer buffer)
    buffer))

(cl-defmethod eglot-execute-command
  ((server pyfaq-eglot-server) (_command (eql pyfaq.openFaq)) arguments)
  "Show the entry of ARGUMENTS, or ask SERVER for its link and browse it."
  (if pyfaq-open-faq-in-emacs
      (pyfaq-open (elt arguments 0))
    (let ((url (plist-get (cl-call-next-method server 'pyfaq.openFaq arguments) :url)))
      (when url (browse-url url)))))

(provide 'pyfaq)
;;; pyfaq.el ends here
