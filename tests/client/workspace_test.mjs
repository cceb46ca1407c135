// Acceptance test of the workspace scan: `pyfaq serve` driven by vscode-jsonrpc over stdio on a
// temporary project of several hundred files copied from the standard library.
//
// Usage: node workspace_test.mjs /path/to/pyfaq [PYTHON_LIB_DIR]
//
// Checks: progress ($/progress begin / report / end), workspace/diagnostic pull results for every
// file (and `unchanged` when nothing changed), files created / changed / deleted on disk and told
// through workspace/didChangeWatchedFiles, .gitignore'd, excluded and virtual-environment folders
// never read (the server runs under strace when it is installed), pyproject.toml changes,
// documents opened and closed, a second workspace folder added and removed, cancellation, push
// diagnostics for clients that cannot pull, and FAQ code lenses.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { counts, report } from './checks.mjs';

const TIMEOUT_MS = Number(process.env.PYFAQ_CLIENT_TIMEOUT_MS ?? 60_000);
// Scan workers run at idle priority: on a busy machine (a parallel ctest, a build) a scan waits
// for every other process, so waits on its results are guards against a hang, not deadlines.
const SCAN_TIMEOUT_MS = 5 * TIMEOUT_MS;
const [binary, libraryArg] = process.argv.slice(2);
/** The newest /usr/lib/python3.N, where Debian keeps the standard library's sources. */
function defaultLibrary() {
  const versions = fs
    .readdirSync('/usr/lib')
    .filter((name) => /^python3\.\d+$/.test(name) && fs.existsSync(path.join('/usr/lib', name, 'os.py')))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  return versions.length ? path.join('/usr/lib', versions.at(-1)) : undefined;
}
const LIBRARY = libraryArg ?? defaultLibrary();
const COPIED_FILES = 400;



async function check(name, body) {
  try {
    const value = await body();
    report(true, name);
    return value;
  } catch (error) {
    report(false, name, error);
    return undefined;
  }
}

function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const uriOf = (file) => pathToFileURL(file).href;

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const HANDLER = ['import signal', '', 'def on_term():', '    pass', '', 'signal.signal(signal.SIGTERM, on_term)', ''].join('\n');
const MUTABLE_DEFAULT = ['def add(item, items=[]):', '    items.append(item)', '    return items', ''].join('\n');

/** The Python files of the library, sorted, with their paths relative to it. */
function libraryFiles(root) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (['test', 'tests', 'idlelib', 'site-packages', 'dist-packages', '__pycache__', 'lib2to3'].includes(entry.name)) continue;
        if (entry.name.startsWith('.')) continue;
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        found.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  return found;
}

/**
 * A project: `lib/` holds COPIED_FILES files of the standard library; `app/handler.py` has a
 * signal handler without (signum, frame); the rest must never be read.
 */
function makeProject(root) {
  const expected = new Set();
  const files = libraryFiles(LIBRARY).slice(0, COPIED_FILES);
  for (const relative of files) {
    const target = path.join(root, 'lib', relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(LIBRARY, relative), target);
    expected.add(target);
  }
  write(path.join(root, 'app', 'handler.py'), HANDLER);
  expected.add(path.join(root, 'app', 'handler.py'));
  write(path.join(root, 'app', 'keep.generated.py'), 'x = 1\n');
  expected.add(path.join(root, 'app', 'keep.generated.py'));
  write(path.join(root, 'app', 'stubs.pyi'), 'def f(x: int) -> int: ...\n');
  expected.add(path.join(root, 'app', 'stubs.pyi'));
  // Never read: ignored by .gitignore (a folder, a glob, a nested .gitignore), excluded by
  // [tool.pyfaq], a virtual environment, node_modules, a hidden folder.
  write(path.join(root, '.gitignore'), ['# generated', 'secret/', '*.generated.py', '!keep.generated.py', '/top_only.py', ''].join('\n'));
  write(path.join(root, 'secret', 'leak.py'), HANDLER);
  write(path.join(root, 'app', 'x.generated.py'), HANDLER);
  write(path.join(root, 'top_only.py'), HANDLER);
  write(path.join(root, 'app', 'top_only.py'), 'y = 2\n');  // the pattern is anchored to the root
  expected.add(path.join(root, 'app', 'top_only.py'));
  write(path.join(root, 'app', 'nested', '.gitignore'), 'private_*.py\n');
  write(path.join(root, 'app', 'nested', 'private_key.py'), HANDLER);
  write(path.join(root, 'app', 'nested', 'public.py'), 'z = 3\n');
  expected.add(path.join(root, 'app', 'nested', 'public.py'));
  write(path.join(root, 'build', 'out.py'), HANDLER);
  write(path.join(root, '.venv', 'pyvenv.cfg'), 'home = /usr/bin\n');
  write(path.join(root, '.venv', 'lib', 'site.py'), HANDLER);
  write(path.join(root, 'env', 'pyvenv.cfg'), 'home = /usr/bin\n');
  write(path.join(root, 'env', 'lib', 'site.py'), HANDLER);
  write(path.join(root, 'node_modules', 'pkg', 'x.py'), HANDLER);
  write(path.join(root, 'pyproject.toml'), ['[project]', 'name = "demo"', 'requires-python = ">=3.10"', '', '[tool.pyfaq]', 'exclude = ["build"]', ''].join('\n'));
  const neverRead = ['secret', 'app/x.generated.py', 'top_only.py', 'app/nested/private_key.py', 'build', '.venv', 'env', 'node_modules'].map((p) => path.join(root, p));
  return { expected, neverRead };
}

/** A client: the connection, what the server sent, and answers to the server's requests. */
async function startClient({ root, capabilities, initializationOptions, traceFile }) {
  const useStrace = traceFile !== undefined;
  const command = useStrace ? 'strace' : binary;
  const args = useStrace
    ? ['-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', traceFile, binary, 'serve', '--stdio']
    : ['serve', '--stdio'];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (child.log += chunk));
  child.stdin.on('error', () => {});
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = {
    child,
    connection,
    progress: [],
    registrations: [],
    refreshes: 0,
    published: new Map(),
    logs: [],
    createdTokens: [],
    listeners: new Set(),
  };
  const changed = () => {
    for (const listener of client.listeners) listener();
  };
  connection.onRequest('window/workDoneProgress/create', (params) => {
    client.createdTokens.push(params.token);
    return null;
  });
  connection.onRequest('client/registerCapability', (params) => {
    client.registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes += 1;
    changed();
    return null;
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onNotification('$/progress', (params) => {
    client.progress.push(params);
    changed();
  });
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    client.published.set(params.uri, params);
    changed();
  });
  connection.onNotification('window/logMessage', (params) => client.logs.push(params.message));
  connection.onNotification('window/showMessage', (params) => client.logs.push(params.message));
  connection.listen();
  client.waitUntil = (predicate, what, ms = TIMEOUT_MS) =>
    withTimeout(
      new Promise((resolve) => {
        const test = () => {
          const value = predicate();
          if (value) {
            client.listeners.delete(test);
            resolve(value);
          }
        };
        client.listeners.add(test);
        test();
      }),
      what,
      ms,
    );
  client.initialize = () =>
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'project' }],
      capabilities,
      initializationOptions,
    });
  client.stop = async () => {
    try {
      await withTimeout(connection.sendRequest('shutdown'), 'shutdown', 20_000);
      await connection.sendNotification('exit');
    } catch {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    connection.dispose();
  };
  return client;
}

const PULL_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true },
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true },
    codeLens: {},
  },
  workspace: {
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
};

const WORKSPACE_SCOPE = { pyfaq: { diagnostics: { scope: 'workspace' } } };

/** Pulls workspace diagnostics, keeping result ids as a client does; returns uri -> report. */
async function pull(client, previous) {
  const result = await withTimeout(
    client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: [...previous.entries()].map(([uri, report]) => ({ uri, value: report.resultId })),
    }),
    'workspace/diagnostic',
  );
  const reports = new Map();
  for (const item of result.items) {
    assert.ok(!reports.has(item.uri), `one report per file: ${item.uri}`);
    assert.ok(item.kind === 'full' || item.kind === 'unchanged', `kind ${item.kind}`);
    assert.equal(item.version, null, 'closed files have a null version');
    assert.equal(typeof item.resultId, 'string');
    reports.set(item.uri, item);
  }
  return reports;
}

/** Applies a pull to the client's view: uri -> { resultId, items }. */
function merge(view, reports) {
  for (const [uri, item] of reports) {
    if (item.kind === 'full') view.set(uri, { resultId: item.resultId, items: item.items });
    else view.set(uri, { ...view.get(uri), resultId: item.resultId });
  }
}

/** Pulls until `predicate(view, reports)` holds (a client re-pulls on refresh). */
async function pullUntil(client, view, predicate, what) {
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  for (;;) {
    const reports = await pull(client, view);
    merge(view, reports);
    if (predicate(view, reports)) return reports;
    if (Date.now() > deadline) throw new Error(`timed out pulling until ${what}`);
    await sleep(50);
  }
}

function scanEnded(client, since = 0) {
  return client.waitUntil(
    () => client.progress.slice(since).find((p) => p.value.kind === 'end'),
    'the scan to end',
    SCAN_TIMEOUT_MS,
  );
}

function notifyWatched(client, changes) {
  return client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: changes.map(([file, type]) => ({ uri: uriOf(file), type })),
  });
}

/** Every path the traced server opened. */
function openedPaths(traceFile) {
  const opened = [];
  for (const file of fs.readdirSync(path.dirname(traceFile))) {
    if (!file.startsWith(path.basename(traceFile))) continue;
    for (const line of fs.readFileSync(path.join(path.dirname(traceFile), file), 'utf8').split('\n')) {
      const match = /open(?:at2?)?\((?:[^,]*, )?"((?:[^"\\]|\\.)*)"/.exec(line);
      if (match) opened.push(match[1]);
    }
  }
  return opened;
}

function hasStrace() {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function pullStory(scratch) {
  const root = path.join(scratch, 'project');
  const { expected, neverRead } = makeProject(root);
  const traceFile = hasStrace() ? path.join(scratch, 'trace', 'open') : undefined;
  if (traceFile) fs.mkdirSync(path.dirname(traceFile));
  else console.log('# strace is not installed: the never-read check looks at results only');
  const client = await startClient({ root, capabilities: PULL_CAPABILITIES, initializationOptions: WORKSPACE_SCOPE, traceFile });
  const view = new Map();
  const handler = path.join(root, 'app', 'handler.py');
  try {
    const init = await check('pull: initialize announces workspace diagnostics and code lenses', async () => {
      const result = await withTimeout(client.initialize(), 'initialize');
      assert.equal(result.capabilities.diagnosticProvider.workspaceDiagnostics, true);
      assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
      return result;
    });
    if (!init) return;
    const started = Date.now();
    await client.connection.sendNotification('initialized', {});

    await check('pull: the scan reports progress: create, begin, reports with percentages, end', async () => {
      const end = await scanEnded(client);
      const seconds = (Date.now() - started) / 1000;
      console.log(`# scanned ${expected.size} files in ${seconds.toFixed(2)} s (${(expected.size / seconds).toFixed(0)} files/s, client side)`);
      assert.equal(client.createdTokens.length, 1);
      const ofToken = client.progress.filter((p) => p.token === client.createdTokens[0]);
      assert.equal(ofToken[0].value.kind, 'begin');
      assert.equal(ofToken[0].value.cancellable, true);
      assert.match(ofToken[0].value.title, /pyfaq/);
      const reports = ofToken.filter((p) => p.value.kind === 'report');
      assert.ok(reports.length >= 1, 'at least one report');
      for (const r of reports) {
        assert.ok(r.value.percentage >= 0 && r.value.percentage <= 100, `percentage ${r.value.percentage}`);
        assert.match(r.value.message, /^\d+\/\d+ files$/);
      }
      const percentages = reports.map((r) => r.value.percentage);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'percentages never go back');
      assert.equal(ofToken.at(-1), end);
      assert.match(end.value.message, new RegExp(`^${expected.size} files checked, \\d+ tips in \\d+ files$`));
    });

    await check('pull: the server registers file watchers for Python files, pyproject.toml and .gitignore', async () => {
      await client.waitUntil(() => client.registrations.length > 0, 'registerCapability');
      const registration = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      const globs = registration.registerOptions.watchers.map((w) => w.globPattern);
      for (const glob of ['**/*.py', '**/*.pyi', '**/pyproject.toml', '**/.gitignore']) assert.ok(globs.includes(glob), glob);
    });

    await check(`pull: results arrive for all ${expected.size} files and nothing else`, async () => {
      const reports = await pull(client, view);
      merge(view, reports);
      const got = new Set([...reports.keys()]);
      const want = new Set([...expected].map(uriOf));
      const missing = [...want].filter((u) => !got.has(u));
      const extra = [...got].filter((u) => !want.has(u));
      assert.deepEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] });
      for (const item of reports.values()) assert.equal(item.kind, 'full');
      const tips = [...reports.values()].reduce((n, r) => n + r.items.length, 0);
      console.log(`# ${reports.size} files reported, ${tips} tips`);
    });

    await check('pull: the handler gets its tip, linked to the docs of requires-python (3.10)', async () => {
      const items = view.get(uriOf(handler)).items;
      const tip = items.find((d) => d.code === 'PFQ301');
      assert.ok(tip, JSON.stringify(items));
      assert.match(tip.codeDescription.href, /^https:\/\/docs\.python\.org\/3\.10\/faq\/library\.html#/);
    });

    await check('pull: a second pull with the result ids says every file is unchanged', async () => {
      const reports = await pull(client, view);
      assert.equal(reports.size, expected.size);
      for (const item of reports.values()) assert.equal(item.kind, 'unchanged', item.uri);
    });

    const created = path.join(root, 'app', 'created.py');
    await check('pull: a file created on disk is analysed and reported', async () => {
      write(created, MUTABLE_DEFAULT);
      await notifyWatched(client, [[created, 1]]);
      const reports = await pullUntil(client, view, (v) => v.has(uriOf(created)), 'the new file is reported');
      assert.ok(view.get(uriOf(created)).items.some((d) => d.code === 'PFQ103'));
      const others = [...reports.values()].filter((r) => r.uri !== uriOf(created));
      assert.ok(others.every((r) => r.kind === 'unchanged'), 'the other files are unchanged');
    });

    await check('pull: a file changed on disk is analysed again', async () => {
      write(handler, HANDLER.replace('def on_term():', 'def on_term(signum, frame):'));
      await notifyWatched(client, [[handler, 2]]);
      await pullUntil(client, view, (v) => v.get(uriOf(handler)).items.length === 0, 'the handler has no tip');
    });

    await check('pull: a file deleted on disk is reported empty once, then no more', async () => {
      fs.rmSync(created);
      await notifyWatched(client, [[created, 3]]);
      await pullUntil(client, view, (v, r) => r.get(uriOf(created))?.kind === 'full' && r.get(uriOf(created)).items.length === 0, 'the deleted file is emptied');
      const after = await pull(client, view);
      assert.ok(!after.has(uriOf(created)), 'not reported once the client has the empty report');
      view.delete(uriOf(created));
    });

    await check('pull: an open document is left to textDocument/diagnostic; closed, its disk content counts again', async () => {
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(handler), languageId: 'python', version: 1, text: HANDLER },
      });
      const whileOpen = await pull(client, view);
      assert.ok(!whileOpen.has(uriOf(handler)), 'not in the workspace report while open');
      const own = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(handler) } });
      assert.ok(own.items.some((d) => d.code === 'PFQ301'), 'the open text has the tip');
      const idBefore = view.get(uriOf(handler)).resultId;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(handler) } });
      await pullUntil(client, view, (v, r) => r.get(uriOf(handler))?.kind === 'full', 'the closed file is reported again');
      assert.notEqual(view.get(uriOf(handler)).resultId, idBefore);
      assert.equal(view.get(uriOf(handler)).items.length, 0, 'from the fixed file on disk');
    });

    await check('pull: excluding a folder in pyproject.toml drops its files', async () => {
      const json = [...expected].filter((f) => f.startsWith(path.join(root, 'lib', 'json') + path.sep));
      assert.ok(json.length > 0, 'the copy holds json/');
      const pyproject = path.join(root, 'pyproject.toml');
      write(pyproject, fs.readFileSync(pyproject, 'utf8').replace('exclude = ["build"]', 'exclude = ["build", "lib/json"]'));
      const before = client.progress.length;
      await notifyWatched(client, [[pyproject, 2]]);
      await scanEnded(client, before);
      await pullUntil(client, view, (v, r) => json.every((f) => r.get(uriOf(f))?.kind === 'full' && r.get(uriOf(f)).items.length === 0), 'json/ is emptied');
      const after = await pull(client, view);
      assert.ok(json.every((f) => !after.has(uriOf(f))));
      for (const f of json) view.delete(uriOf(f));
    });

    await check('pull: a .gitignore change drops what it now ignores', async () => {
      const ignoredNow = path.join(root, 'app', 'nested', 'public.py');
      write(path.join(root, 'app', 'nested', '.gitignore'), 'private_*.py\npublic.py\n');
      await notifyWatched(client, [[path.join(root, 'app', 'nested', '.gitignore'), 2]]);
      await pullUntil(client, view, (v, r) => r.get(uriOf(ignoredNow))?.kind === 'full' && r.get(uriOf(ignoredNow)).items.length === 0, 'public.py is emptied');
      view.delete(uriOf(ignoredNow));
    });

    const second = path.join(scratch, 'second');
    await check('pull: a workspace folder added is scanned; removed, its files are emptied', async () => {
      write(path.join(second, 'worker.py'), MUTABLE_DEFAULT);
      write(path.join(second, 'clean.py'), 'a = 1\n');
      const before = client.progress.length;
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] },
      });
      await scanEnded(client, before);
      await pullUntil(client, view, (v) => v.has(uriOf(path.join(second, 'worker.py'))) && v.has(uriOf(path.join(second, 'clean.py'))), 'the second folder is reported');
      assert.ok(view.get(uriOf(path.join(second, 'worker.py'))).items.some((d) => d.code === 'PFQ103'));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: uriOf(second), name: 'second' }] },
      });
      await pullUntil(client, view, (v, r) => r.get(uriOf(path.join(second, 'worker.py')))?.items?.length === 0, 'the removed folder is emptied');
    });

    await check('pull: code lenses name the FAQ answers about imported modules, when turned on', async () => {
      const text = 'import threading\nimport os, json\nfrom signal import signal\n';
      const uri = uriOf(path.join(root, 'app', 'lens.py'));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
      const off = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(off, [], 'off by default');
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { pyfaq: { diagnostics: { scope: 'workspace' }, codeLens: true } },
      });
      const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      const titles = lenses.map((l) => l.command.title);
      assert.ok(titles.some((t) => /^FAQ: \d+ answers? about threading$/.test(t)), titles.join(' | '));
      assert.ok(titles.some((t) => /about signal$/.test(t)), titles.join(' | '));
      const threading = lenses.find((l) => l.command.title.endsWith('threading'));
      assert.equal(threading.range.start.line, 0);
      assert.equal(threading.command.command, 'pyfaq.pickFaq');
      const [module, entries] = threading.command.arguments;
      assert.equal(module, 'threading');
      assert.equal(entries.length, Number(/FAQ: (\d+)/.exec(threading.command.title)[1]));
      for (const entry of entries) {
        assert.match(entry.reference, /^[a-z]+#[a-z0-9-]+$/);
        assert.match(entry.url, /^https:\/\/docs\.python\.org\/3\.10\/faq\//);
      }
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    if (traceFile) {
      await check('pull: nothing ignored, excluded or in a virtual environment was ever opened', async () => {
        await client.stop();
        const opened = openedPaths(traceFile);
        assert.ok(opened.some((p) => p === handler), 'the trace sees the files the server read');
        const bad = opened.filter((p) => neverRead.some((n) => p === n || p.startsWith(n + path.sep)));
        assert.deepEqual(bad, []);
      });
    }
  } finally {
    await client.stop();
    if (counts.failed > 0 && client.child.log) console.log(client.child.log.split('\n').slice(-30).map((l) => `# ${l}`).join('\n'));
  }
}

async function cancelStory(scratch) {
  const root = path.join(scratch, 'cancel');
  const files = libraryFiles(LIBRARY);
  for (const relative of files) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(LIBRARY, relative), target);
  }
  const client = await startClient({ root, capabilities: PULL_CAPABILITIES, initializationOptions: WORKSPACE_SCOPE });
  try {
    await withTimeout(client.initialize(), 'initialize');
    // Cancel as soon as the scan begins.
    client.listeners.add(() => {
      const begin = client.progress.find((p) => p.value.kind === 'begin');
      if (begin && !client.cancelSent) {
        client.cancelSent = true;
        void client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
      }
    });
    await client.connection.sendNotification('initialized', {});
    await check(`cancel: cancelling the scan of ${files.length} files ends its progress early`, async () => {
      const end = await scanEnded(client);
      assert.match(end.value.message, /^cancelled after \d+ of \d+ files$/, end.value.message);
      const [, done] = /after (\d+) of/.exec(end.value.message);
      const reports = await pull(client, new Map());
      assert.ok(reports.size < files.length, `${reports.size} of ${files.length} reported`);
      assert.ok(Number(done) < files.length);
      await sleep(200);
      const later = await pull(client, new Map());
      assert.ok(later.size < files.length, 'no work goes on after the cancel');
    });
  } finally {
    await client.stop();
  }
}

async function pushStory(scratch) {
  const root = path.join(scratch, 'push');
  write(path.join(root, 'pkg', 'handler.py'), HANDLER);
  write(path.join(root, 'pkg', 'clean.py'), 'a = 1\n');
  write(path.join(root, '.python-version'), '3.12.1\n');
  const capabilities = {
    window: { workDoneProgress: false },
    textDocument: { publishDiagnostics: { codeDescriptionSupport: true } },
    workspace: { workspaceFolders: true },
  };
  const handler = uriOf(path.join(root, 'pkg', 'handler.py'));
  for (const [scope, expectPush] of [['openFiles', false], ['workspace', true]]) {
    const client = await startClient({ root, capabilities, initializationOptions: { pyfaq: { diagnostics: { scope } } } });
    try {
      await withTimeout(client.initialize(), 'initialize');
      await client.connection.sendNotification('initialized', {});
      await check(`push: scope ${scope} ${expectPush ? 'publishes' : 'does not publish'} tips for closed files`, async () => {
        if (expectPush) {
          const published = await client.waitUntil(() => client.published.get(handler), 'publishDiagnostics for the closed file', SCAN_TIMEOUT_MS);
          assert.ok(published.diagnostics.some((d) => d.code === 'PFQ301'));
          assert.match(published.diagnostics[0].codeDescription.href, /docs\.python\.org\/3\.12\//, '.python-version chooses 3.12');
          assert.ok(!client.published.has(uriOf(path.join(root, 'pkg', 'clean.py'))), 'nothing is sent for a clean file');
          assert.equal(client.progress.length, 0, 'no progress for a client without workDoneProgress');
          // Closing an open document falls back to the file on disk, without clearing first.
          await client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: handler, languageId: 'python', version: 3, text: 'x = 1\n' },
          });
          await client.waitUntil(() => client.published.get(handler)?.version === 3, 'the open document is published');
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: handler } });
          const back = await client.waitUntil(() => {
            const last = client.published.get(handler);
            return last.version === undefined && last.diagnostics.length > 0 && last;
          }, 'the disk content published again', SCAN_TIMEOUT_MS);
          assert.ok(back.diagnostics.some((d) => d.code === 'PFQ301'));
        } else {
          await withTimeout(client.connection.sendRequest('shutdown'), 'shutdown');
          assert.equal(client.published.size, 0);
        }
      });
    } finally {
      await client.stop();
    }
  }
}

async function main() {
  if (!binary) {
    console.error('usage: node workspace_test.mjs /path/to/pyfaq [PYTHON_LIB_DIR]');
    process.exit(2);
  }
  if (!LIBRARY) {
    console.error('no /usr/lib/python3.N with the standard library: install python3 (scripts/setup.sh does)');
    process.exit(1);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pyfaq-workspace-'));
  const watchdog = setTimeout(() => {
    console.log('not ok - the test hung');
    process.exit(1);
  }, 12 * TIMEOUT_MS);
  try {
    await pullStory(scratch);
    await cancelStory(scratch);
    await pushStory(scratch);
  } finally {
    clearTimeout(watchdog);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`# ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

await main();
