-- Neovim as an independent LSP client of `kpispec-language-server --stdio` (run headless by
-- neovim-check.ts): start the server on a folder, collect every publishDiagnostics, then open
-- targets.kpi and read what Neovim itself holds for the buffer. Writes JSON to $KPISPEC_NVIM_OUT.
local workspace = vim.env.KPISPEC_NVIM_WORKSPACE
local result = { published = {}, buffer = {}, errors = {} }

local function finish()
  local file = io.open(vim.env.KPISPEC_NVIM_OUT, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local last_publish = vim.loop.now()
local exited = false
local client_id = vim.lsp.start_client({
  name = 'kpispec',
  cmd = vim.fn.json_decode(vim.env.KPISPEC_NVIM_SERVER_CMD),
  root_dir = workspace,
  workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'hotline-12345' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      result.published[vim.fn.fnamemodify(vim.uri_to_fname(params.uri), ':t')] = params.diagnostics
      last_publish = vim.loop.now()
      return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
  on_exit = function(code)
    exited = true
    table.insert(result.errors, 'server exited with ' .. code)
  end,
})
if not client_id then
  table.insert(result.errors, 'vim.lsp.start_client failed')
  finish()
  return
end

local function published_files()
  local n = 0
  for _ in pairs(result.published) do n = n + 1 end
  return n
end

-- The server validates the whole folder on start: wait for all five files, then one quiet second.
local files = #vim.fn.globpath(workspace, '*.kpi', false, true)
if not vim.wait(90000, function()
  return exited or (published_files() >= files and vim.loop.now() - last_publish > 1000)
end, 100) and not exited then
  table.insert(result.errors, 'timed out waiting for diagnostics of ' .. files .. ' files')
end

-- What a user of Neovim sees in a buffer.
vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/targets.kpi'))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'kpi'
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(30000, function()
  return exited or #vim.diagnostic.get(bufnr) > 0
end, 100)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(result.buffer, { line = d.lnum, severity = d.severity, code = lsp.code, message = d.message })
end
finish()
