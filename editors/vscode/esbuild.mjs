// Bundles the extension (vscode stays external: the editor provides it) and the unit tests.
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };

if (process.argv.includes("--tests")) {
  // Tests import only the vscode-free modules under src/logic/.
  const tests = readdirSync("test").filter((name) => name.endsWith(".test.ts"));
  await esbuild.build({ ...common, entryPoints: tests.map((name) => `test/${name}`), outdir: "out-test", sourcemap: "inline" });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    external: ["vscode"],
    minify: process.argv.includes("--minify"),
    sourcemap: false,
  });
}
