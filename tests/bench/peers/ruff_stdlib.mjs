// Ruff's WebAssembly build linting a whole tree on one core, for scripts/bench-peers.sh: reads
// every .py/.pyi file (the same walk as `pyfaq check`: skips dot-folders, __pycache__ and
// node_modules, follows no symlinks) and runs Workspace.check on each.
// Usage: node ruff_stdlib.mjs [DIR] [--rules cli|playground] [--passes N]
//   cli (default): ruff's own default selection with no configuration (E4, E7, E9, F);
//   playground: the wasm build's defaultSettings(), the playground's larger selection.
// The tree is linted N times (default 5) in one process: the first pass is cold (V8 compiles
// and tiers up the wasm code as it runs: several times slower); "warm" is the median of the
// others. Prints one JSON line, then a human line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ruff = require("@astral-sh/ruff-wasm-nodejs");

const args = process.argv.slice(2);
const rulesAt = args.indexOf("--rules");
const rules = rulesAt >= 0 ? args.splice(rulesAt, 2)[1] : "cli";
const passesAt = args.indexOf("--passes");
const passes = passesAt >= 0 ? Math.max(2, Number(args.splice(passesAt, 2)[1])) : 5;
const root = args[0] ?? "/usr/lib/python3.11";

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "__pycache__" || entry.name === "node_modules")
      continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && /\.pyi?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const settings =
  rules === "playground"
    ? ruff.Workspace.defaultSettings()
    : { lint: { select: ["E4", "E7", "E9", "F"] } };

const setupStart = process.hrtime.bigint();
const workspace = new ruff.Workspace(settings, ruff.PositionEncoding.Utf16);
const setupMs = Number(process.hrtime.bigint() - setupStart) / 1e6;

// Files that are not UTF-8 are skipped, as pyfaq check skips them.
const decoder = new TextDecoder("utf-8", { fatal: true });
const paths = collect(root, []).sort();
let files, bytes, findings, skipped, failed;
const times = [];
for (let pass = 0; pass < passes; ++pass) {
  files = bytes = findings = skipped = failed = 0;
  const start = process.hrtime.bigint();
  for (const path of paths) {
    const raw = readFileSync(path);
    let text;
    try {
      text = decoder.decode(raw);
    } catch {
      ++skipped;
      continue;
    }
    try {
      findings += workspace.check(text).length;
    } catch {
      ++failed; // a file ruff cannot lint still cost its time
    }
    ++files;
    bytes += raw.length;
  }
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const warm = times.slice(1).sort((a, b) => a - b);
const ms = warm[Math.floor((warm.length - 1) / 2)];
const coldMs = times[0];

console.log(JSON.stringify({
  tool: "ruff-wasm", version: ruff.Workspace.version(), rules, root, files, bytes, findings,
  skipped, failed, setup_ms: setupMs, cold_ms: coldMs, ms, passes_ms: times,
}));
console.log(`ruff-wasm ${ruff.Workspace.version()} (${rules} rules) ${root}: ${files} files, ` +
  `${(bytes / 1e6).toFixed(1)} MB, ${findings} findings; warm ${ms.toFixed(0)} ms ` +
  `(${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s), cold first pass ${coldMs.toFixed(0)} ms; ` +
  `workspace set-up ${setupMs.toFixed(0)} ms`);
