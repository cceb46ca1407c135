-- Test init: no user config, the plugin from this checkout, the server given by run.sh.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin = vim.fn.fnamemodify(here .. "/../../../editors/nvim", ":p")
vim.opt.runtimepath:prepend(plugin)
package.path = here .. "/?.lua;" .. package.path

-- The Python ftplugin asks has('python3'): probing for remote-plugin providers takes seconds.
for _, provider in ipairs({ "python", "python3", "node", "perl", "ruby" }) do
  vim.g["loaded_" .. provider .. "_provider"] = 0
end
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"
vim.cmd("filetype plugin indent on")

-- Records every workspace/configuration answer, to check the settings reach the server.
_G.pyfaq_configuration_answers = {}
local answer = vim.lsp.handlers["workspace/configuration"]
vim.lsp.handlers["workspace/configuration"] = function(err, result, ctx, config)
  local response = answer(err, result, ctx, config)
  table.insert(_G.pyfaq_configuration_answers, response)
  return response
end

require("pyfaq").setup({
  cmd = { os.getenv("PYFAQ_BINARY"), "serve" },
  settings = { severity = { PFQ106 = "information" } },
})
