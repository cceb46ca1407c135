-- FAQ search and the answer preview, through the server's pyfaq.searchFaq and pyfaq.faqEntry.
local clients = require("pyfaq.client")

local M = {}

local function report(message)
  vim.notify("pyfaq: " .. message, vim.log.levels.ERROR)
end

--- Runs a server command; `done(result)` is called only on success.
local function execute(command, arguments, done, client)
  client = client or clients.find(vim.api.nvim_get_current_buf())
  if not client then
    report("no pyfaq server is running: open a Python file first")
    return
  end
  local params = { command = command, arguments = arguments }
  clients.request(client, "workspace/executeCommand", params, function(err, result)
    if err then
      report(command .. " failed: " .. (err.message or vim.inspect(err)))
    elseif result == nil or result == vim.NIL then
      report(command .. " returned nothing")
    else
      done(result)
    end
  end)
end

-- The window already showing a pyfaq answer, so a second answer replaces the first.
local function preview_window()
  for _, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    local buf = vim.api.nvim_win_get_buf(win)
    if vim.api.nvim_buf_get_name(buf):match("^pyfaq://") then
      return win
    end
  end
  return nil
end

local function buffer_named(name)
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(buf) == name then
      return buf
    end
  end
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_name(buf, name)
  return buf
end

--- Shows an entry ({doc, anchor, title, url, markdown}) in a read-only Markdown split.
function M.show(entry, split)
  local lines = { entry.url, "" }
  local markdown = entry.markdown or ""
  if not markdown:match("^#") then
    vim.list_extend(lines, { "# " .. entry.title, "" })
  end
  vim.list_extend(lines, vim.split(markdown, "\n", { plain = true }))

  local buf = buffer_named("pyfaq://" .. entry.doc .. "#" .. entry.anchor)
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  vim.bo[buf].readonly = true
  vim.bo[buf].filetype = "markdown"
  vim.keymap.set("n", "q", "<cmd>close<cr>", { buffer = buf, silent = true })

  local win = preview_window()
  if win then
    vim.api.nvim_set_current_win(win)
  else
    vim.cmd(split or "split")
  end
  vim.api.nvim_win_set_buf(0, buf)
  vim.wo.wrap = true
  vim.wo.linebreak = true
  return buf
end

--- Opens an entry ("doc#anchor" or an FAQ URL) in the preview.
function M.open(target, split, client)
  if not target or target == "" then
    report("PyfaqOpen needs an entry such as programming#what-is-self")
    return
  end
  execute("pyfaq.faqEntry", { target }, function(entry)
    M.show(entry, split)
  end, client)
end

--- Searches the FAQ and lets the user pick an entry to open.
function M.search(query, split)
  local function run(text)
    if not text or vim.trim(text) == "" then
      return
    end
    execute("pyfaq.searchFaq", { text }, function(results)
      if #results == 0 then
        vim.notify("pyfaq: no FAQ entry matches " .. text, vim.log.levels.WARN)
        return
      end
      vim.ui.select(results, {
        prompt = "Python FAQ",
        kind = "pyfaq",
        format_item = function(item)
          return item.title .. "  [" .. item.doc .. "]"
        end,
      }, function(choice)
        if choice then
          M.open(choice.doc .. "#" .. choice.anchor, split)
        end
      end)
    end)
  end
  if query and query ~= "" then
    run(query)
  else
    vim.ui.input({ prompt = "Search the Python FAQ: " }, run)
  end
end

return M
