-- pyfaq for Neovim: Python FAQ tips, hovers and fixes from `pyfaq serve`, plus FAQ commands.
local clients = require("pyfaq.client")
local faq = require("pyfaq.faq")

local M = {}

local defaults = {
  cmd = { "pyfaq", "serve" },
  settings = {},
  -- "Open FAQ" code actions show the answer in a split; false leaves them to the server
  -- (window/showDocument: a browser, where the client supports it).
  faq_preview = true,
  split = "split",
  capabilities = nil,
  on_attach = nil,
}

M.options = vim.deepcopy(defaults)

local function open_faq_command(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  faq.open((command.arguments or {})[1], M.options.split, client)
end

local function attach(bufnr)
  -- Only file and scratch buffers, not help, terminal or prompt buffers.
  if vim.bo[bufnr].buftype == "" then
    clients.attach(bufnr, M.options)
  end
end

function M.setup(options)
  options = options or {}
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), options)
  -- A list is replaced, not merged by index: {"/opt/pyfaq"} must not keep "serve".
  M.options.cmd = options.cmd or defaults.cmd
  if M.options.faq_preview then
    M.options.commands = { ["pyfaq.openFaq"] = open_faq_command }
  end

  local group = vim.api.nvim_create_augroup("pyfaq", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "python",
    callback = function(args)
      attach(args.buf)
    end,
  })
  -- Python buffers opened before setup (a lazily loaded plugin) get a client too.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == "python" then
      attach(buf)
    end
  end

  vim.api.nvim_create_user_command("PyfaqSearch", function(args)
    faq.search(args.args, M.options.split)
  end, { nargs = "*", desc = "Search the Python FAQ and open an entry" })
  vim.api.nvim_create_user_command("PyfaqOpen", function(args)
    faq.open(args.args, M.options.split)
  end, { nargs = 1, desc = "Show a Python FAQ entry (doc#anchor or URL)" })
end

return M
