-- Editor helpers for the Neovim test: tips, code actions through vim.ui.select, the FAQ split.
local H = require("harness")
local clients = require("pyfaq.client")

local E = {}
local tmp = os.getenv("PYFAQ_TEST_TMP")
local binary = os.getenv("PYFAQ_BINARY")

function E.tips(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "pyfaq" then
      table.insert(found, d)
    end
  end
  table.sort(found, function(a, b)
    return a.lnum < b.lnum
  end)
  return found
end

-- "PFQ103@5 PFQ105@13": codes at 1-based lines.
function E.tip_summary(buf)
  local parts = {}
  for _, d in ipairs(E.tips(buf)) do
    table.insert(parts, d.code .. "@" .. (d.lnum + 1))
  end
  return table.concat(parts, " ")
end

function E.expect_tips(name, buf, expected)
  H.wait(function()
    return E.tip_summary(buf) == expected
  end)
  H.equal(name, E.tip_summary(buf), expected)
end

-- Client functions became methods in Neovim 0.11 (client:notify).
function E.notify(client, method, params)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

function E.line(buf, n)
  return vim.api.nvim_buf_get_lines(buf, n - 1, n, false)[1]
end

function E.attached(buf)
  local client = clients.find(buf)
  return client and vim.lsp.buf_is_attached(buf, client.id) and client.initialized and client
end

--- Runs vim.lsp.buf.code_action() at (row, text) with vim.ui.select stubbed: records the
--- titles and picks the first one `pick` accepts.
function E.code_action(row, text, pick)
  local col = E.line(0, row):find(text, 1, true)
  assert(col, "no " .. text .. " on line " .. row)
  vim.api.nvim_win_set_cursor(0, { row, col - 1 })
  local titles
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    titles = {}
    local chosen
    for i, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(titles, title)
      if not chosen and pick(title) then
        chosen = i
      end
    end
    on_choice(chosen and items[chosen] or nil, chosen)
  end
  local ok, err = pcall(vim.lsp.buf.code_action)
  H.wait(function()
    return titles ~= nil
  end)
  vim.ui.select = select
  assert(ok, err)
  return titles or {}
end

function E.has(titles, prefix)
  for _, title in ipairs(titles) do
    if title:sub(1, #prefix) == prefix then
      return true
    end
  end
  return false
end

function E.exact(title)
  return function(t)
    return t == title
  end
end

-- The tips `pyfaq check` finds in the buffer's text, to compare with the editor's.
function E.check_tips(buf)
  local file = tmp .. "/check/copy.py"
  vim.fn.mkdir(tmp .. "/check", "p")
  vim.fn.writefile(vim.api.nvim_buf_get_lines(buf, 0, -1, false), file)
  local report = vim.fn.json_decode(vim.fn.system({ binary, "check", "--isolated", "--format", "json", file }))
  local parts = {}
  for _, finding in ipairs(report.findings) do
    table.insert(parts, finding.code .. "@" .. finding.range.start.line)
  end
  return table.concat(parts, " ")
end

function E.preview_buffer()
  for _, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    local buf = vim.api.nvim_win_get_buf(win)
    if vim.api.nvim_buf_get_name(buf):match("^pyfaq://") then
      return buf, win
    end
  end
end

function E.expect_preview(name, doc_anchor)
  local wanted = "pyfaq://" .. doc_anchor
  H.wait(function()
    local buf = E.preview_buffer()
    return buf and vim.api.nvim_buf_get_name(buf) == wanted
  end)
  local buf = E.preview_buffer()
  if not H.check(name .. ": preview buffer " .. wanted, buf and vim.api.nvim_buf_get_name(buf) == wanted,
      buf and vim.api.nvim_buf_get_name(buf) or "no preview") then
    return nil
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local anchor = doc_anchor:match("#(.*)$")
  H.check(name .. ": URL on the first line", lines[1]:match("^https://docs%.python%.org/.*/faq/.*#" .. vim.pesc(anchor) .. "$") ~= nil, lines[1])
  H.equal(name .. ": filetype", vim.bo[buf].filetype, "markdown")
  H.equal(name .. ": read-only scratch", { vim.bo[buf].modifiable, vim.bo[buf].buftype }, { false, "nofile" })
  H.check(name .. ": has the answer", #lines > 6, #lines .. " lines")
  return buf, lines
end

return E
