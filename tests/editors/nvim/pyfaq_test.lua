-- The real-editor test: pyfaq.nvim against `pyfaq serve` in headless Neovim.
local H = require("harness")
local E = require("editor")

local tmp = assert(os.getenv("PYFAQ_TEST_TMP"), "PYFAQ_TEST_TMP is not set")
assert(os.getenv("PYFAQ_BINARY"), "PYFAQ_BINARY is not set")
local project = tmp .. "/proj"
local sample = project .. "/pkg/sample.py"

local notes = {}
vim.notify = function(message, level)
  table.insert(notes, { message = message, level = level })
  H.say("   notify: " .. message)
end

local M = {}

function M.run()
  local buf

  H.case("client attaches", function()
    vim.cmd("edit " .. vim.fn.fnameescape(sample))
    buf = vim.api.nvim_get_current_buf()
    H.equal("filetype", vim.bo[buf].filetype, "python")
    local client = H.wait(function()
      return E.attached(buf)
    end) and E.attached(buf)
    H.check("client attached and initialized", client)
    H.equal("root is the folder with pyproject.toml", client and client.config.root_dir, project)
  end)
  if not (buf and E.attached(buf)) then
    H.check("the other cases need a client: not run", false)
    return
  end

  H.case("tips", function()
    E.expect_tips("tips at the expected lines", buf, "PFQ103@5 PFQ105@13 PFQ106@15")
    local by_code = {}
    for _, d in ipairs(E.tips(buf)) do
      by_code[d.code] = d
    end
    -- codeDescription only where the client supports it (not 0.7); data.faq always.
    local lsp = by_code.PFQ103 and by_code.PFQ103.user_data.lsp or {}
    local link = lsp.codeDescription and lsp.codeDescription.href or (lsp.data or {}).faq or ""
    H.check("tip links its FAQ entry", link:match("^https://docs%.python%.org/.*#why%-are%-default%-values%-shared%-between%-objects$"), link)
    H.equal("severity setting applied (PFQ106 information)",
      by_code.PFQ106 and by_code.PFQ106.severity, vim.diagnostic.severity.INFO)
    H.equal("PFQ105 stays a warning", by_code.PFQ105 and by_code.PFQ105.severity, vim.diagnostic.severity.WARN)
    local answers = _G.pyfaq_configuration_answers
    H.check("workspace/configuration answered with the settings",
      type(answers[1]) == "table" and type(answers[1][1]) == "table"
        and vim.deep_equal(answers[1][1].severity, { PFQ106 = "information" }), vim.inspect(answers))
    H.equal("editor tips equal `pyfaq check` of the buffer", E.tip_summary(buf), E.check_tips(buf))
  end)

  H.case("a settings change re-checks the open file", function()
    -- No edit in between: the server re-publishes its tips (0.7) or, to a client that pulls
    -- them (0.10), sends workspace/diagnostic/refresh.
    local client = E.attached(buf)
    local function severity(value, expected)
      client.config.settings.pyfaq.severity.PFQ106 = value
      E.notify(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
      H.wait(function()
        local tips = E.tips(buf)
        return #tips == 3 and tips[3].severity == expected
      end)
      local tips = E.tips(buf)
      return tips[3] and tips[3].code .. " " .. tips[3].severity
    end
    H.equal("PFQ106 becomes a hint", severity("hint", vim.diagnostic.severity.HINT),
      "PFQ106 " .. vim.diagnostic.severity.HINT)
    H.equal("and information again", severity("information", vim.diagnostic.severity.INFO),
      "PFQ106 " .. vim.diagnostic.severity.INFO)
  end)

  H.case("diagnostics.scope = workspace: a closed file's tips, pushed", function()
    -- Neovim never pulls workspace/diagnostic (0.10 pulls only open buffers'), so the server
    -- pushes the closed files' tips.
    local client = E.attached(buf)
    local closed = project .. "/pkg/closed.py"
    local function closed_tips()
      local bufnr = vim.fn.bufnr(closed)
      return bufnr > 0 and E.tip_summary(bufnr) or ""
    end
    H.equal("no tip for a closed file by default", closed_tips(), "")
    client.config.settings.pyfaq.diagnostics = { scope = "workspace" }
    E.notify(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
    H.wait(function()
      return closed_tips() ~= ""
    end)
    H.equal("the closed file's tip arrives", closed_tips(), "PFQ301@8")
    H.equal("the open file's tips are as they were", E.tip_summary(buf), "PFQ103@5 PFQ105@13 PFQ106@15")
    client.config.settings.pyfaq.diagnostics = { scope = "openFiles" }
    E.notify(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
    H.wait(function()
      return closed_tips() == ""
    end)
    H.equal("back to openFiles, the closed file's tip goes", closed_tips(), "")
    client.config.settings.pyfaq.diagnostics = nil
  end)

  H.case("hover", function()
    local col = E.line(buf, 11):find("Thread", 1, true)
    vim.api.nvim_win_set_cursor(0, { 11, col })
    vim.lsp.buf.hover()
    local float
    H.wait(function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= "" then
          float = win
          return true
        end
      end
    end)
    if H.check("hover window opens", float) then
      local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), "\n")
      H.contains("hover has the tip", text, "start a `Thread`")
      H.contains("hover has the FAQ title", text, "[How do I program using threads?](https://docs.python.org/")
      H.contains("hover has a related entry", text, "None of my threads seem to run")
      vim.api.nvim_win_close(float, true)
    end
  end)

  H.case("code actions and quick fixes", function()
    local titles = E.code_action(13, "is", E.exact("Replace `is` with `==`"))
    H.check("quick fix offered", E.has(titles, "Replace `is` with `==`"), vim.inspect(titles))
    H.check("Open FAQ offered", E.has(titles, "Open FAQ: When can I rely on identity tests"), vim.inspect(titles))
    H.check("Ignore offered", E.has(titles, "Ignore is-comparison-with-literal on this line"), vim.inspect(titles))
    H.check("Explain offered", E.has(titles, "Explain is-comparison-with-literal"), vim.inspect(titles))
    H.wait(function()
      return E.line(buf, 13) == "    if len(path) == 1:"
    end)
    H.equal("quick fix applied", E.line(buf, 13), "    if len(path) == 1:")
    E.expect_tips("fixed tip disappears", buf, "PFQ103@5 PFQ106@15")

    -- A non-ASCII line: Neovim 0.7 sends this diagnostic's columns in bytes, not UTF-16.
    E.code_action(15, "755", E.exact("Write `0o755`"))
    H.wait(function()
      return E.line(buf, 15):find("0o755", 1, true)
    end)
    H.equal("fix on a line with non-ASCII text", E.line(buf, 15), '    os.chmod("données/" + path, 0o755)')
    E.expect_tips("its tip disappears", buf, "PFQ103@5")

    E.code_action(5, "[]", function(t)
      return t:match("^Default `items` to None")
    end)
    H.wait(function()
      return E.line(buf, 6) == "    if items is None:"
    end)
    H.equal("multi-line fix applied", vim.api.nvim_buf_get_lines(buf, 4, 8, false), {
      "def work(x, items=None):", "    if items is None:", "        items = []", "    items.append(x)" })
    E.expect_tips("no tips left", buf, "")
  end)

  H.case("typing updates the tips", function()
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    local keys = vim.api.nvim_replace_termcodes("Goos.chmod(path, 644)<Esc>", true, false, true)
    vim.api.nvim_feedkeys(keys, "xt", false)
    local last = vim.api.nvim_buf_line_count(buf)
    H.equal("typed line", vim.trim(E.line(buf, last)), "os.chmod(path, 644)")
    E.expect_tips("new tip on the typed line", buf, "PFQ106@" .. last)
    H.equal("editor tips equal `pyfaq check` after edits", E.tip_summary(buf), E.check_tips(buf))

    vim.api.nvim_buf_set_lines(buf, last, last, false, { "    if path is 'x':", "        pass" })
    E.expect_tips("new tip from an API edit", buf, "PFQ106@" .. last .. " PFQ105@" .. (last + 1))

    E.code_action(last + 1, "is", E.exact("Ignore is-comparison-with-literal on this line"))
    H.wait(function()
      return E.line(buf, last + 1):find("# pyfaq: ignore", 1, true)
    end)
    H.equal("ignore comment added", E.line(buf, last + 1),
      "    if path is 'x':  # pyfaq: ignore[is-comparison-with-literal]")
    E.expect_tips("ignored tip disappears", buf, "PFQ106@" .. last)
    H.equal("editor tips still equal `pyfaq check`", E.tip_summary(buf), E.check_tips(buf))
  end)

  H.case("Open FAQ code action shows the answer", function()
    local last = vim.api.nvim_buf_line_count(buf) - 2
    E.code_action(last, "644", function(t)
      return t:match("^Open FAQ: ")
    end)
    E.expect_preview("Open FAQ", "programming#how-do-i-specify-hexadecimal-and-octal-integers")
    vim.cmd("silent! only")
  end)

  H.case(":PyfaqSearch with a query", function()
    local items
    local select = vim.ui.select
    vim.ui.select = function(list, opts, on_choice)
      items = {}
      for _, item in ipairs(list) do
        table.insert(items, opts.format_item(item))
      end
      on_choice(list[1], 1)
    end
    vim.cmd("PyfaqSearch default values shared")
    H.wait(function()
      return items ~= nil
    end)
    vim.ui.select = select
    H.check("results listed", items and #items > 1, vim.inspect(items))
    H.contains("best result first", items and items[1], "Why are default values shared between objects?")
    local _, lines = E.expect_preview("search pick", "programming#why-are-default-values-shared-between-objects")
    H.contains("answer has the title", table.concat(lines or {}, "\n"), "Why are default values shared between objects?")
  end)

  H.case(":PyfaqSearch asks for a query", function()
    local input, select = vim.ui.input, vim.ui.select
    local asked
    vim.ui.input = function(opts, on_confirm)
      asked = opts.prompt
      on_confirm("delete a file")
    end
    vim.ui.select = function(list, _, on_choice)
      on_choice(list[1], 1)
    end
    local windows = #vim.api.nvim_tabpage_list_wins(0)
    vim.cmd("PyfaqSearch")
    H.check("prompted", asked ~= nil)
    E.expect_preview("prompted search", "library#how-do-i-delete-a-file-and-other-file-questions")
    vim.ui.input, vim.ui.select = input, select
    H.equal("preview window reused", #vim.api.nvim_tabpage_list_wins(0), windows)
  end)

  H.case(":PyfaqOpen", function()
    vim.cmd("PyfaqOpen library#none-of-my-threads-seem-to-run-why")
    E.expect_preview("PyfaqOpen", "library#none-of-my-threads-seem-to-run-why")
    local before = #notes
    vim.cmd("PyfaqOpen programming#no-such-entry")
    H.wait(function()
      return #notes > before
    end)
    local note = notes[#notes]
    H.check("unknown entry reported", note and note.level == vim.log.levels.ERROR
      and note.message:find("no-such-entry", 1, true), vim.inspect(note))
    vim.cmd("silent! only")
  end)

  H.case("one client per root", function()
    local first = E.attached(buf)
    vim.cmd("edit " .. vim.fn.fnameescape(project .. "/pkg/other.py"))
    local other = vim.api.nvim_get_current_buf()
    H.wait(function()
      return E.attached(other)
    end)
    H.equal("same root, same client", E.attached(other) and E.attached(other).id, first and first.id)
    vim.cmd("edit " .. vim.fn.fnameescape(tmp .. "/second/lib/mod.py"))
    local third = vim.api.nvim_get_current_buf()
    H.wait(function()
      return E.attached(third)
    end)
    local client = E.attached(third)
    H.check("another root, another client", client and first and client.id ~= first.id)
    H.equal("its root is the folder with setup.py", client and client.config.root_dir, tmp .. "/second")
    E.expect_tips("tips in the second project", third, "PFQ105@2")
  end)

  H.case("servers stop", function()
    local all = vim.lsp.get_clients or vim.lsp.get_active_clients
    vim.lsp.stop_client(all())
    H.check("every client stopped", H.wait(function()
      return #all() == 0
    end))
  end)

  H.case("help file", function()
    -- :helptags on a copy, so nothing is written into the checkout.
    local doc = vim.api.nvim_get_runtime_file("doc/pyfaq.txt", false)[1]
    local copy = tmp .. "/help"
    vim.fn.mkdir(copy, "p")
    vim.fn.writefile(vim.fn.readfile(doc), copy .. "/pyfaq.txt")
    vim.cmd("helptags " .. vim.fn.fnameescape(copy))
    local tags = table.concat(vim.fn.readfile(copy .. "/tags"), "\n")
    for _, tag in ipairs({ "pyfaq.txt", "pyfaq.setup()", ":PyfaqSearch", ":PyfaqOpen", "pyfaq-settings" }) do
      H.contains("help tag " .. tag, tags, tag .. "\tpyfaq.txt")
    end
  end)

  H.case("no LSP errors logged", function()
    -- Neovim logs RPC failures and anything the server wrote to stderr here.
    -- Neovim 0.10 creates the file with its first entry.
    local log = vim.lsp.get_log_path()
    local problems = {}
    for _, text in ipairs(vim.fn.filereadable(log) == 1 and vim.fn.readfile(log) or {}) do
      if text:match("^%[ERROR%]") or text:match("^%[WARN%]") then
        table.insert(problems, text)
      end
    end
    H.equal("lsp.log has no errors or warnings", problems, {})
    -- vim.deprecate() reports through vim.notify, recorded above.
    local deprecated = vim.tbl_filter(function(note)
      return note.message:find("deprecated", 1, true) ~= nil
    end, notes)
    H.equal("no deprecation notices", deprecated, {})
  end)
end

return M
