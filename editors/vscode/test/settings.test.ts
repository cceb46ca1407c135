import { test } from "node:test";
import assert from "node:assert/strict";
import { serverSettings, traceEnabled, type ConfigReader } from "../src/logic/settings";

/** Reads keys from a plain object, as VS Code's configuration would. */
function objectReader(section: unknown): ConfigReader {
  const object = section && typeof section === "object" ? (section as Record<string, unknown>) : {};
  return (key) => object[key];
}

test("keeps the server's keys and drops the extension's own", () => {
  const section = {
    rules: { "signal-handler-arity": false },
    severity: { PFQ301: "hint" },
    hover: false,
    docsVersion: "3.12",
    docsPath: "/usr/share/doc/python3.11/html",
    links: "local",
    "diagnostics.scope": "workspace",
    codeLens: true,
    server: { path: "/opt/pyfaq" },
    trace: { server: "verbose" },
  };
  assert.deepEqual(serverSettings(objectReader(section)), {
    rules: { "signal-handler-arity": false },
    severity: { PFQ301: "hint" },
    hover: false,
    docsVersion: "3.12",
    docsPath: "/usr/share/doc/python3.11/html",
    links: "local",
    "diagnostics.scope": "workspace",
    codeLens: true,
  });
});

test("empty strings and missing values mean the server's default", () => {
  const settings = serverSettings(objectReader({ docsVersion: "", docsPath: "  ", hover: true, links: null }));
  assert.deepEqual(settings, { hover: true });
});

test("false and empty objects are real values, kept", () => {
  assert.deepEqual(serverSettings(objectReader({ hover: false, rules: {} })), { hover: false, rules: {} });
});

test("ill-typed values pass through for the server to report", () => {
  assert.deepEqual(serverSettings(objectReader({ hover: "yes", links: "ftp" })), { hover: "yes", links: "ftp" });
});

test("strings are trimmed", () => {
  assert.deepEqual(serverSettings(objectReader({ docsVersion: " 3.13 " })), { docsVersion: "3.13" });
});

test("a missing or non-object section gives no settings", () => {
  assert.deepEqual(serverSettings(objectReader(undefined)), {});
  assert.deepEqual(serverSettings(objectReader("pyfaq")), {});
});

test("trace is on for messages and verbose only", () => {
  assert.equal(traceEnabled("messages"), true);
  assert.equal(traceEnabled("verbose"), true);
  assert.equal(traceEnabled("off"), false);
  assert.equal(traceEnabled(undefined), false);
  assert.equal(traceEnabled("loud"), false);
});
