-- Starting pyfaq servers: one client per project root, on Neovim 0.7 and current releases.
local M = {}

local uv = vim.uv or vim.loop -- vim.loop before Neovim 0.10
local NAME = "pyfaq"
local MARKERS = { "pyproject.toml", "setup.py", ".git" }

-- Clients started through start_client (Neovim < 0.8), by root folder.
local by_root = {}

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

--- The nearest folder above `path` holding a project marker, else the file's own folder.
function M.root_for(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local current = dir
  while true do
    for _, marker in ipairs(MARKERS) do
      if exists(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      return dir
    end
    current = parent
  end
end

-- JSON needs {} for an empty settings table; Lua's empty table would be sent as [].
local function as_objects(value)
  if type(value) ~= "table" then
    return value
  end
  if next(value) == nil then
    return vim.empty_dict()
  end
  local copy = {}
  for key, item in pairs(value) do
    copy[key] = as_objects(item)
  end
  return copy
end

-- Client functions became methods in Neovim 0.11 (client:request); 0.7 has only client.request.
function M.request(client, method, params, handler, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local REFRESH = "workspace/diagnostic/refresh"

-- The server asks a client that pulls tips to pull again (after a settings change). Neovim 0.10
-- pulls but has no handler for that: pull each attached buffer's tips here.
local function refresh_diagnostics(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  for bufnr in pairs(client and client.attached_buffers or {}) do
    local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
    M.request(client, "textDocument/diagnostic", params, vim.lsp.diagnostic.on_diagnostic, bufnr)
  end
  return vim.NIL
end

-- Neovim 0.7 answers workspace/configuration but does not say so; saying it lets the server
-- ask for the "pyfaq" section again after a didChangeConfiguration.
local function capabilities(base, refresh)
  local extra = { workspace = { configuration = true } }
  if refresh then
    extra.workspace.diagnostics = { refreshSupport = true }
  end
  return vim.tbl_deep_extend("force", base, extra)
end

local function client_config(options, root)
  local settings = as_objects(options.settings or {})
  local base = options.capabilities or vim.lsp.protocol.make_client_capabilities()
  local refresh = vim.tbl_get(base, "textDocument", "diagnostic") ~= nil and not vim.lsp.handlers[REFRESH]
  return {
    name = NAME,
    cmd = options.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings,
    -- Answers workspace/configuration for the section "pyfaq" (Neovim's default handler).
    settings = { pyfaq = settings },
    capabilities = capabilities(base, refresh),
    handlers = refresh and { [REFRESH] = refresh_diagnostics } or nil,
    on_attach = options.on_attach,
    commands = options.commands,
  }
end

local function alive(client)
  return client ~= nil and not client.is_stopped()
end

--- Starts (or reuses) the client for `bufnr`'s root and attaches it to the buffer.
function M.attach(bufnr, options)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = path ~= "" and M.root_for(path) or uv.cwd()
  local config = client_config(options, root)
  if vim.lsp.start then
    -- Reuses a running client with the same name and root folder.
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local client = by_root[root] and vim.lsp.get_client_by_id(by_root[root])
  if not alive(client) then
    by_root[root] = vim.lsp.start_client(config)
    if not by_root[root] then
      vim.notify("pyfaq: could not start " .. table.concat(options.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
  end
  vim.lsp.buf_attach_client(bufnr, by_root[root])
  return by_root[root]
end

local function all_clients()
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = NAME })
  end
  local found = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == NAME then
      table.insert(found, client)
    end
  end
  return found
end

--- The pyfaq client of `bufnr`, else any running pyfaq client, else nil.
function M.find(bufnr)
  local clients = all_clients()
  for _, client in ipairs(clients) do
    if vim.lsp.buf_is_attached(bufnr, client.id) then
      return client
    end
  end
  return clients[1]
end

return M
