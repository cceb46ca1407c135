-- A small test harness for headless Neovim: PASS/FAIL lines, a summary, and an exit code.
local H = { passed = 0, failed = 0, timeout = 20000 }

local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

H.say = out

function H.check(name, ok, detail)
  if ok then
    H.passed = H.passed + 1
    out("PASS " .. name)
  else
    H.failed = H.failed + 1
    out("FAIL " .. name .. (detail and ("\n     " .. tostring(detail)) or ""))
  end
  return ok
end

function H.equal(name, actual, expected)
  return H.check(name, vim.deep_equal(actual, expected),
    "expected " .. vim.inspect(expected) .. ", got " .. vim.inspect(actual))
end

function H.contains(name, text, part)
  text = text or ""
  return H.check(name, text:find(part, 1, true) ~= nil,
    "expected to contain " .. vim.inspect(part) .. " in " .. vim.inspect(text))
end

--- Waits (processing events) until `condition()` is true; false after the timeout.
function H.wait(condition, timeout)
  return vim.wait(timeout or H.timeout, function()
    return condition() and true or false
  end, 20)
end

--- Runs one case; an error in it is a failure, and the next case still runs.
function H.case(name, fn)
  out("-- " .. name)
  local ok, err = xpcall(fn, debug.traceback)
  if not ok then
    H.check(name, false, "error: " .. tostring(err))
  end
end

--- Prints the summary and quits Neovim, non-zero when anything failed or nothing ran.
function H.finish()
  out(string.format("nvim: %d passed, %d failed", H.passed, H.failed))
  if H.failed == 0 and H.passed > 0 then
    vim.cmd("qall!")
  else
    vim.cmd("cquit!")
  end
end

--- Runs the test module's run() and always quits, even when it cannot load or throws.
function H.main(module)
  local ok, err = xpcall(function()
    require(module).run()
  end, debug.traceback)
  if not ok then
    H.check("test run", false, "error: " .. tostring(err))
  end
  H.finish()
end

return H
