// Turns the JSON lines written by scripts/bench-peers.sh into the Markdown table of
// docs/performance.md: medians from that one run, ratios peer / pyfaq, and the targets.
// Usage: node report.mjs RESULTS.jsonl
import { readFileSync } from "node:fs";

const lines = readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const meta = Object.fromEntries(lines.filter((l) => l.meta).map((l) => [l.meta, l.value]));
const lsp = lines.filter((l) => l.server);
const check = lines.find((l) => l.tool === "pyfaq-check");
const ruff = lines.find((l) => l.tool === "ruff-wasm");
const bench = (prefix) => lines.find((l) => l.bench && l.bench.startsWith(prefix));

const ms = (v) =>
  v == null || v < 0 ? "— ms"
  : v < 0.01 ? `${(v * 1000).toFixed(2)} µs`
  : (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) + " ms";
const mib = (kib) => (kib == null ? "—" : `${(kib / 1024).toFixed(0)} MiB`);
const times = (r) => (!isFinite(r) || r <= 0 ? "—" : `${r < 10 ? r.toFixed(1) : r.toFixed(0)}×`);
const version = { pyfaq: meta.commit, pyright: meta.pyright, pylsp: meta.pylsp };
const label = (s) => `${s}${version[s] ? ` (${version[s]})` : ""}`;
const servers = ["pyfaq", "pyright", "pylsp"];
const row = (server, file) => lsp.find((l) => l.server === server && l.file.endsWith(`/${file}`));

// The figure a column shows, per server row.
const columns = [
  ["start → initialize reply", (r) => r.init_ms],
  ["open → first tips", (r) => r.open_ms],
  ["hover p50", (r) => r.hover?.p50],
  ["hover p99", (r) => r.hover?.p99],
  ["edit → tips p50", (r) => r.edit?.p50],
  ["edit → tips p99", (r) => r.edit?.p99],
  ["memory (peak RSS, process tree)", (r) => r.rss_kib],
];
const show = (name, value) => (name.startsWith("memory") ? mib(value) : ms(value));

const out = [];
out.push(`- Run started ${meta.date}; ${meta.nproc} cores (${meta.cpu}), ${meta.memory}; load average ` +
  `${meta.load_start} at the start, ${meta.load_end} at the end.`);
out.push(`- pyfaq ${meta.commit}; pyright ${meta.pyright} (npm, Node ${meta.node}); pylsp ` +
  `${meta.pylsp} (Debian, with pyflakes, pycodestyle, mccabe); ruff-wasm ${ruff?.version ?? "—"}.`);
out.push("");

const main = "_pydecimal.py";
const pyfaqMain = row("pyfaq", main);
out.push(`### Language servers on ${main} (${pyfaqMain?.lines ?? "?"} lines)`);
out.push("");
out.push(`| server | ${columns.map(([n]) => n).join(" | ")} |`);
out.push(`|---|${columns.map(() => "---:").join("|")}|`);
for (const server of servers) {
  const r = row(server, main);
  if (!r || r.error) { out.push(`| ${label(server)} | ${r?.error ?? "not run"} |`); continue; }
  out.push(`| ${label(server)} | ${columns.map(([n, get]) => show(n, get(r))).join(" | ")} |`);
}
for (const peer of servers.slice(1)) {
  const r = row(peer, main);
  if (!r || r.error || !pyfaqMain || pyfaqMain.error) continue;
  out.push(`| *${peer} / pyfaq* | ${columns.map(([, get]) => times(get(r) / get(pyfaqMain))).join(" | ")} |`);
}
out.push("");

out.push("### Per file");
out.push("");
out.push("| file | server | init | open → first tips (tips) | hover p50 / p99 (answered) | edit → tips p50 / p99 | peak RSS |");
out.push("|---|---|---:|---:|---:|---:|---:|");
for (const file of ["getopt.py", "argparse.py", "_pydecimal.py"]) {
  for (const server of servers) {
    const r = row(server, file);
    if (!r) continue;
    if (r.error) { out.push(`| ${file} | ${server} | ${r.error} |||||`); continue; }
    out.push(`| ${file} (${r.lines} lines) | ${server} | ${ms(r.init_ms)} | ${ms(r.open_ms)} (${r.tips}) | ` +
      `${ms(r.hover.p50)} / ${ms(r.hover.p99)} (${r.hover.answered}/${r.hover.n}) | ` +
      `${ms(r.edit.p50)} / ${ms(r.edit.p99)} (${r.edit.matched_by}) | ${mib(r.rss_kib)} |`);
  }
}
out.push("");

const parse1 = bench("BM_TreeSitterParse/");
const parseJobs1 = bench("BM_TreeSitterParseJobs/jobs:1");
const parseJobs2 = bench("BM_TreeSitterParseJobs/jobs:2");
const analyze = bench("BM_Analyze");
const mbs = (bytes, t) => `${(bytes / 1e6 / (t / 1000)).toFixed(1)} MB/s`;
const stdBytes = check?.bytes ?? ruff?.bytes;
out.push(`### Whole stdlib (/usr/lib/python3.11: ${check?.files} files, ${(stdBytes / 1e6).toFixed(1)} MB)`);
out.push("");
out.push("| what | cores | time | throughput |");
out.push("|---|---:|---:|---:|");
if (check) out.push(`| \`pyfaq check -j 2 --isolated\` (whole process; median of 3) | 2 | ${ms(check.ms)} | ${mbs(check.bytes, check.ms)} |`);
if (ruff) {
  out.push(`| ruff-wasm ${ruff.version}, ruff's default rules (E4, E7, E9, F), read + check each file, warm (median of passes 2–${ruff.passes_ms.length} in one process) | 1 | ${ms(ruff.ms)} | ${mbs(ruff.bytes, ruff.ms)} |`);
  out.push(`| ruff-wasm, the same, cold (first pass: V8 compiles the wasm as it goes) | 1 | ${ms(ruff.cold_ms)} | ${mbs(ruff.bytes, ruff.cold_ms)} |`);
}
const parseOne = parse1 ?? parseJobs1;
if (parseOne) out.push(`| raw tree-sitter parse, in memory | 1 | ${ms(parseOne.ms)} | ${(parseOne.bytes_per_second / 1e6).toFixed(1)} MB/s |`);
if (parseJobs2) out.push(`| raw tree-sitter parse, in memory, files shared by 2 threads | 2 | ${ms(parseJobs2.ms)} | ${(parseJobs2.bytes_per_second / 1e6).toFixed(1)} MB/s |`);
if (analyze) out.push(`| pyfaq analysis per file (parse + all rules), in memory | 1 | ${ms(analyze.ms)} | ${(analyze.bytes_per_second / 1e6).toFixed(1)} MB/s |`);
if (check) out.push(`\n${check.summary}`);
out.push("");

const reparse = bench("BM_Reparse"), reanalyze = bench("BM_Reanalyze");
const fromScratch = bench("BM_AnalyzeAfterEdit"), hover = bench("BM_Hover");
const roundTrip = bench("BM_PositionRoundTrip");
if (reparse && reanalyze) {
  out.push(`### One open file, in process (${main}; \`pyfaq_bench_document\`, one core)`);
  out.push("");
  out.push("| what | mean time |");
  out.push("|---|---:|");
  out.push(`| tree-sitter's incremental re-parse after a keystroke (a comment line typed or removed, 200 times at the driver's lines) | ${ms(reparse.ms)} |`);
  out.push(`| re-parse and re-analysis from the previous analysis (${(reanalyze.incremental * 100).toFixed(0)}% redone function by function, the rest from scratch) | ${ms(reanalyze.ms)} |`);
  if (fromScratch) out.push(`| re-parse and analysis from scratch, as before incremental analysis | ${ms(fromScratch.ms)} |`);
  if (hover) out.push(`| a hover, resolved through the model (every 97th word) | ${ms(hover.ms)} |`);
  if (roundTrip) out.push(`| an LSP position to a byte offset and back (UTF-16) | ${ms(roundTrip.ms)} |`);
  out.push("");
}

out.push("### Targets");
out.push("");
out.push("| target | measured | result |");
out.push("|---|---:|---|");
const verdict = (ok) => (ok ? "pass" : "**miss**");
if (pyfaqMain && !pyfaqMain.error) {
  const absolute = [
    ["start → initialize reply ≤ 20 ms", pyfaqMain.init_ms, 20],
    [`open → first tips on ${main} ≤ 40 ms`, pyfaqMain.open_ms, 40],
    ["hover p50 ≤ 0.3 ms", pyfaqMain.hover?.p50, 0.3],
    ["hover p99 ≤ 1 ms", pyfaqMain.hover?.p99, 1],
    [`edit → tips p50 on ${main} ≤ 2 ms`, pyfaqMain.edit?.p50, 2],
    [`edit → tips p99 on ${main} ≤ 10 ms`, pyfaqMain.edit?.p99, 10],
  ];
  for (const [name, value, limit] of absolute) {
    out.push(`| ${name} | ${ms(value)} | ${verdict(value <= limit)} |`);
  }
  out.push(`| memory ≤ 30 MB with ${main} open | ${mib(pyfaqMain.rss_kib)} | ${verdict(pyfaqMain.rss_kib * 1024 <= 30e6)} |`);
}
if (reparse && reanalyze) {
  const r = reanalyze.ms / reparse.ms;
  out.push(`| re-analysis within 3× of the incremental re-parse (in process) | ${r.toFixed(1)}× | ${verdict(r <= 3)} |`);
}
if (check && ruff) {
  const r = ruff.ms / check.ms;
  out.push(`| \`pyfaq check\` on both cores ≥ 1.5× faster than ruff-wasm (one core, warm) | ${r.toFixed(2)}× | ${verdict(r >= 1.5)} |`);
  const cold = ruff.cold_ms / check.ms;
  out.push(`| the same against ruff-wasm's cold first pass (as a one-shot run would pay) | ${cold.toFixed(2)}× | ${verdict(cold >= 1.5)} |`);
}
if (analyze && parseOne) {
  const extra = analyze.ms / parseOne.ms - 1;
  out.push(`| analysis adds ≤ 30% to the raw parse (one core) | +${(extra * 100).toFixed(0)}% | ${verdict(extra <= 0.3)} |`);
}
if (pyfaqMain && !pyfaqMain.error) {
  for (const [name, get] of columns) {
    const peers = servers.slice(1).map((p) => row(p, main)).filter((r) => r && !r.error);
    if (!peers.length) continue;
    const best = Math.min(...peers.map(get));
    out.push(`| ${name} (${main}): pyfaq ahead of every peer | ${times(best / get(pyfaqMain))} ahead of the best peer | ${verdict(get(pyfaqMain) < best)} |`);
  }
}
console.log(out.join("\n"));
