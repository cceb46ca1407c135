import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveServerPath, type PathEnvironment } from "../src/logic/serverPath";

function environment(files: string[], extra: Partial<PathEnvironment> = {}): PathEnvironment {
  const present = new Set(files);
  return {
    bundled: "/ext/bin/pyfaq",
    home: "/home/me",
    workspaceFolder: "/work/project",
    searchPath: "/usr/local/bin:/usr/bin",
    isExecutableFile: (file) => present.has(file),
    ...extra,
  };
}

test("the bundled binary when nothing is set", () => {
  assert.deepEqual(resolveServerPath(undefined, environment(["/ext/bin/pyfaq"])), {
    ok: true,
    path: "/ext/bin/pyfaq",
    source: "bundled",
  });
  assert.deepEqual(resolveServerPath("  ", environment(["/ext/bin/pyfaq"])), {
    ok: true,
    path: "/ext/bin/pyfaq",
    source: "bundled",
  });
});

test("the setting wins over the bundled binary", () => {
  const result = resolveServerPath("/opt/pyfaq/pyfaq", environment(["/ext/bin/pyfaq", "/opt/pyfaq/pyfaq"]));
  assert.deepEqual(result, { ok: true, path: "/opt/pyfaq/pyfaq", source: "setting" });
});

test("~ expands to the home folder", () => {
  const result = resolveServerPath("~/bin/pyfaq", environment(["/home/me/bin/pyfaq"]));
  assert.deepEqual(result, { ok: true, path: "/home/me/bin/pyfaq", source: "setting" });
});

test("a relative path is taken from the workspace folder", () => {
  const result = resolveServerPath("build/release/lsp/pyfaq", environment(["/work/project/build/release/lsp/pyfaq"]));
  assert.deepEqual(result, { ok: true, path: "/work/project/build/release/lsp/pyfaq", source: "setting" });
  assert.equal(resolveServerPath("build/pyfaq", environment([], { workspaceFolder: undefined })).ok, false);
});

test("a bare name is looked up on PATH, first match wins", () => {
  const result = resolveServerPath("pyfaq", environment(["/usr/bin/pyfaq", "/usr/local/bin/pyfaq"]));
  assert.deepEqual(result, { ok: true, path: "/usr/local/bin/pyfaq", source: "setting" });
});

test("a setting that points nowhere is an error, not a silent fallback", () => {
  const result = resolveServerPath("/nope/pyfaq", environment(["/ext/bin/pyfaq"]));
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : result.message, /pyfaq\.server\.path.*\/nope\/pyfaq/);
});

test("no setting and no bundled binary: an error naming the setting", () => {
  const result = resolveServerPath(undefined, environment([]));
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : result.message, /\/ext\/bin\/pyfaq.*pyfaq\.server\.path/s);
});
