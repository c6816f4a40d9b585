-- Replays request lines at random, one per request (wrk 4, LuaJIT).
--
-- The file given after `--` holds one request per line, fields separated by tabs:
--   METHOD <tab> PATH <tab> BODY <tab> Header: value <tab> Header: value ...
-- BODY may be empty. A body holding {{n}} gets a number there that changes with every
-- request (so every write really changes the document); other requests are built once.

local fixed = {}    -- requests built once
local varying = {}  -- { method, path, headers, before, after } built per request
local total = 0
local counter = 0

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

function init(args)
  math.randomseed(os.time() + os.clock() * 1000000)
  counter = math.random(1, 1000000000)
  for line in io.lines(args[1]) do
    if line ~= "" then
      local f = split(line)
      local headers = {}
      for i = 4, #f do
        local name, value = f[i]:match("^([^:]+):%s*(.*)$")
        if name then headers[name] = value end
      end
      local body = f[3] ~= "" and f[3] or nil
      total = total + 1
      local at = body and body:find("{{n}}", 1, true)
      if at then
        varying[total] = { f[1], f[2], headers, body:sub(1, at - 1), body:sub(at + 5) }
      else
        fixed[total] = wrk.format(f[1], f[2], headers, body)
      end
    end
  end
  if total == 0 then error("no request lines in " .. tostring(args[1])) end
end

function request()
  local i = math.random(total)
  local built = fixed[i]
  if built then return built end
  local v = varying[i]
  counter = counter + 1
  local headers = {}
  for name, value in pairs(v[3]) do headers[name] = value end
  return wrk.format(v[1], v[2], headers, v[4] .. counter .. v[5])
end
