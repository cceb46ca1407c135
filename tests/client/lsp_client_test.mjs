// Integration test: `pyfaq serve` driven by vscode-jsonrpc over stdio, TCP and a Unix socket.
//
// Usage: node lsp_client_test.mjs /path/to/pyfaq
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';
import { counts, report } from './checks.mjs';

// Longer under valgrind (scripts/memcheck.sh sets PYFAQ_CLIENT_TIMEOUT_MS).
const TIMEOUT_MS = Number(process.env.PYFAQ_CLIENT_TIMEOUT_MS ?? 10_000);
// A last resort: if something hangs without a timeout of its own, fail instead of blocking CI.
const WATCHDOG_MS = 12 * TIMEOUT_MS;

const DOCUMENT_URI = 'file:///pyfaq-client-test/handler.py';
const DOCUMENT_TEXT = [
  'import signal',
  '',
  '',
  'def on_term():',
  '    print("bye")',
  '',
  '',
  'signal.signal(signal.SIGTERM, on_term)',
  '',
].join('\n');
const FIXED_TEXT = DOCUMENT_TEXT.replace('def on_term():', 'def on_term(signum, frame):');
const FAQ_ANCHOR = '#why-don-t-my-signal-handlers-work';

const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true },
  },
  workspace: { workspaceEdit: { documentChanges: true } },
  window: { showDocument: { support: true } },
};

const liveChildren = new Set();


/** Rejects after TIMEOUT_MS so that a missing reply fails the check rather than hanging. */
function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the child's exit code (or signal name) once it has exited. */
function exitOf(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode ?? child.signalCode);
    } else {
      child.once('exit', (code, signal) => resolve(code ?? signal));
    }
  });
}

/** Starts `pyfaq serve`; rejects if the binary cannot be run at all. */
async function spawnServer(binary, transportArgs) {
  const child = spawn(binary, ['serve', ...transportArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  // Keep the server's stderr to show it when a check fails.
  child.log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (child.log += chunk));
  // Writing to a server that died must fail a check, not crash the test with an unhandled EPIPE.
  child.stdin.on('error', () => {});
  await withTimeout(
    new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    }),
    'the server process to start',
  );
  return child;
}

/** Starts the server and waits for it to connect to `listener`, which then stops listening. */
async function connectFrom(listener, binary, transportArgs) {
  try {
    const connected = new Promise((resolve) => listener.once('connection', resolve));
    const child = await spawnServer(binary, transportArgs);
    const died = exitOf(child).then((code) => {
      throw new Error(`pyfaq exited with ${code} before connecting`);
    });
    const socket = await withTimeout(Promise.race([connected, died]), 'the server to connect');
    return { child, socket };
  } finally {
    // One client per server; for a Unix socket, closing also removes the file.
    listener.close();
  }
}

function listen(listener, ...where) {
  return new Promise((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(...where, () => resolve());
  });
}

// Each transport returns { child, reader, writer, close }.
const TRANSPORTS = {
  async stdio(binary) {
    const child = await spawnServer(binary, ['--stdio']);
    return {
      child,
      reader: new StreamMessageReader(child.stdout),
      writer: new StreamMessageWriter(child.stdin),
      close: () => child.stdin.end(),
    };
  },

  // As vscode-languageclient's socket transport: the client listens, the server connects.
  async socket(binary) {
    const listener = net.createServer();
    await listen(listener, 0, '127.0.0.1');
    const port = listener.address().port;
    const { child, socket } = await connectFrom(listener, binary, [`--socket=${port}`]);
    return {
      child,
      reader: new StreamMessageReader(socket),
      writer: new StreamMessageWriter(socket),
      close: () => socket.destroy(),
    };
  },

  async pipe(binary) {
    const listener = net.createServer();
    const socketPath = path.join(
      os.tmpdir(),
      `pyfaq-client-test-${process.pid}-${Math.random().toString(36).slice(2)}.sock`,
    );
    await listen(listener, socketPath);
    const { child, socket } = await connectFrom(listener, binary, [`--pipe=${socketPath}`]);
    return {
      child,
      reader: new StreamMessageReader(socket),
      writer: new StreamMessageWriter(socket),
      close: () => socket.destroy(),
    };
  },
};

/** The string offset of an LSP position; JS strings are UTF-16, so characters map one to one. */
function offsetAt(text, position) {
  let lineStart = 0;
  for (let line = 0; line < position.line; line += 1) {
    const newline = text.slice(lineStart).search(/\r\n|\r|\n/);
    if (newline < 0) return text.length;
    lineStart += newline + (text.startsWith('\r\n', lineStart + newline) ? 2 : 1);
  }
  const rest = text.slice(lineStart).search(/\r\n|\r|\n/);
  const lineEnd = rest < 0 ? text.length : lineStart + rest;
  return Math.min(lineStart + position.character, lineEnd);
}

/**
 * Edits from the last to the first, so that applying them one after another keeps the positions
 * of the rest valid; edits at the same place keep their array order in the result.
 */
function backToFront(text, edits) {
  return edits
    .map((edit, index) => ({ edit, index, start: offsetAt(text, edit.range.start) }))
    .sort((a, b) => b.start - a.start || b.index - a.index)
    .map(({ edit }) => edit);
}

function applyEdits(text, edits) {
  for (const edit of backToFront(text, edits)) {
    const start = offsetAt(text, edit.range.start);
    const end = offsetAt(text, edit.range.end);
    text = text.slice(0, start) + edit.newText + text.slice(end);
  }
  return text;
}

/** Collects publishDiagnostics and lets the story wait for one that matches. */
class DiagnosticsInbox {
  constructor(connection) {
    this.received = [];
    this.waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.received.push(params);
      const matched = this.waiters.filter((waiter) => waiter.match(params));
      this.waiters = this.waiters.filter((waiter) => !matched.includes(waiter));
      for (const waiter of matched) waiter.resolve(params);
    });
  }

  waitFor(match, what) {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    const arrived = new Promise((resolve) => this.waiters.push({ match, resolve }));
    return withTimeout(arrived, what);
  }
}

async function runStory(label, binary) {
  // Reports one named check; the story returns early when a later step needs what failed.
  const check = async (name, body) => {
    try {
      const value = await body();
      report(true, `${label}: ${name}`);
      return { ok: true, value };
    } catch (error) {
      report(false, `${label}: ${name}`, error);
      return { ok: false };
    }
  };

  let transport;
  const failedBefore = counts.failed;
  const opened = await check('server starts and connects', async () => {
    transport = await TRANSPORTS[label](binary);
  });
  if (!opened.ok) {
    for (const child of liveChildren) child.kill('SIGKILL');
    return;
  }
  const { child } = transport;

  const clientLog = [];
  const connection = createMessageConnection(transport.reader, transport.writer, {
    error: (m) => clientLog.push(`error: ${m}`),
    warn: (m) => clientLog.push(`warn: ${m}`),
    info: (m) => clientLog.push(`info: ${m}`),
    log: (m) => clientLog.push(`log: ${m}`),
  });
  connection.onError(([error]) => clientLog.push(`connection error: ${error?.message ?? error}`));
  const diagnostics = new DiagnosticsInbox(connection);
  const showDocumentRequests = [];
  let showDocumentArrived;
  const showDocument = new Promise((resolve) => (showDocumentArrived = resolve));
  connection.onRequest('window/showDocument', (params) => {
    showDocumentRequests.push(params);
    showDocumentArrived(params);
    return { success: true };
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('window/showMessage', () => {});
  connection.listen();

  const request = (method, params) =>
    withTimeout(connection.sendRequest(method, params), `the reply to ${method}`);
  const notify = (method, params) =>
    withTimeout(connection.sendNotification(method, params), `sending ${method}`);

  let exited = false;
  try {
    const init = await check('initialize negotiates utf-16 and the providers', async () => {
      const result = await request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'pyfaq-client-test' },
        rootUri: null,
        capabilities: CLIENT_CAPABILITIES,
      });
      const caps = result.capabilities;
      assert.equal(caps.positionEncoding, 'utf-16');
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
      // Range-based didChange below needs incremental sync.
      assert.equal(caps.textDocumentSync.change, 2);
      for (const command of ['pyfaq.openFaq', 'pyfaq.searchFaq', 'pyfaq.explainRule']) {
        assert.ok(caps.executeCommandProvider.commands.includes(command), `no ${command}`);
      }
      assert.equal(result.serverInfo?.name, 'pyfaq');
    });
    if (!init.ok) return;
    await notify('initialized', {});

    let text = DOCUMENT_TEXT;
    await notify('textDocument/didOpen', {
      textDocument: { uri: DOCUMENT_URI, languageId: 'python', version: 1, text },
    });

    const published = await check('tips published', async () => {
      const params = await diagnostics.waitFor(
        (p) => p.uri === DOCUMENT_URI && p.version === 1,
        'publishDiagnostics for version 1',
      );
      assert.equal(params.diagnostics.length, 1, JSON.stringify(params.diagnostics));
      const [diagnostic] = params.diagnostics;
      assert.equal(diagnostic.code, 'PFQ301');
      assert.equal(diagnostic.source, 'pyfaq');
      const href = diagnostic.codeDescription?.href ?? '';
      assert.match(href, /docs\.python\.org/);
      assert.ok(href.includes(FAQ_ANCHOR), href);
      // The code actions are rebuilt from `data`, which we declared support for.
      assert.ok(diagnostic.data !== undefined, 'no data');
      return diagnostic;
    });
    if (!published.ok) return;
    const diagnostic = published.value;

    await check('hover on signal.signal links the FAQ', async () => {
      // Line 7 is `signal.signal(...)`; character 9 is inside the second `signal`.
      const hover = await request('textDocument/hover', {
        textDocument: { uri: DOCUMENT_URI },
        position: { line: 7, character: 9 },
      });
      assert.ok(hover, 'hover returned null');
      assert.equal(hover.contents.kind, 'markdown');
      assert.match(hover.contents.value, /signal/);
      assert.match(hover.contents.value, /https:\/\/docs\.python\.org\/[^\s)]*\/faq\//);
    });

    const actions = await check('code actions for the tip', async () => {
      const result = await request('textDocument/codeAction', {
        textDocument: { uri: DOCUMENT_URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 },
      });
      assert.ok(Array.isArray(result), `expected an array, got ${JSON.stringify(result)}`);
      return result;
    });
    if (!actions.ok) return;

    const titles = actions.value.map((a) => a.title);
    const fix = await check('preferred quick fix inserts (signum, frame)', async () => {
      const action = actions.value.find((a) => a.isPreferred === true);
      assert.ok(action, `no preferred action in ${JSON.stringify(titles)}`);
      assert.equal(action.kind, 'quickfix');
      const [change] = action.edit.documentChanges;
      assert.deepEqual(change.textDocument, { uri: DOCUMENT_URI, version: 1 });
      const inserts = change.edits.some((e) => e.newText.includes('signum, frame'));
      assert.ok(inserts, JSON.stringify(change.edits));
      return change.edits;
    });
    if (!fix.ok) return;

    const fixedText = applyEdits(text, fix.value);
    const changes = backToFront(text, fix.value).map((e) => ({ range: e.range, text: e.newText }));
    text = fixedText;
    const applied = await check('fix applies to the client text', async () => {
      assert.equal(text, FIXED_TEXT);
    });
    if (!applied.ok) return;

    await notify('textDocument/didChange', {
      textDocument: { uri: DOCUMENT_URI, version: 2 },
      contentChanges: changes,
    });
    await check('tips cleared after the fix', async () => {
      const params = await diagnostics.waitFor(
        (p) => p.uri === DOCUMENT_URI && p.version === 2,
        'publishDiagnostics for version 2',
      );
      assert.deepEqual(params.diagnostics, []);
    });

    await check('ignore action', async () => {
      const title = 'Ignore signal-handler-arity on this line';
      const ignore = actions.value.find((a) => a.title === title);
      assert.ok(ignore, JSON.stringify(titles));
      const edits = ignore.edit.documentChanges[0].edits;
      assert.ok(edits.some((e) => e.newText.includes('pyfaq: ignore')), JSON.stringify(edits));
    });
    const openAction = await check('open FAQ action', async () => {
      const open = actions.value.find((a) => a.title.startsWith('Open FAQ: '));
      assert.ok(open, JSON.stringify(titles));
      assert.equal(open.command.command, 'pyfaq.openFaq');
      assert.ok(open.command.arguments[0].includes(FAQ_ANCHOR), JSON.stringify(open.command));
      return open.command;
    });
    await check('explain action', async () => {
      const explain = actions.value.find((a) => a.title === 'Explain signal-handler-arity');
      assert.ok(explain, JSON.stringify(titles));
      assert.equal(explain.command.command, 'pyfaq.explainRule');
    });

    await check('searchFaq finds how to delete a file', async () => {
      const results = await request('workspace/executeCommand', {
        command: 'pyfaq.searchFaq',
        arguments: ['delete file'],
      });
      assert.ok(Array.isArray(results) && results.length > 0, JSON.stringify(results));
      assert.ok(results[0].title.startsWith('How do I delete a file'), results[0].title);
    });

    if (openAction.ok) {
      await check('openFaq asks the client to show the page', async () => {
        const url = openAction.value.arguments[0];
        await request('workspace/executeCommand', { command: 'pyfaq.openFaq', arguments: [url] });
        const params = await withTimeout(showDocument, 'window/showDocument from the server');
        assert.equal(params.uri, url);
        assert.equal(params.external, true);
        assert.equal(showDocumentRequests.length, 1);
      });
    }

    await check('unknown method is MethodNotFound', async () => {
      await assert.rejects(request('pyfaq/noSuchMethod', {}), (error) => {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, -32601);
        return true;
      });
    });
    await check('hover past the end of the file is harmless', async () => {
      const hover = await request('textDocument/hover', {
        textDocument: { uri: DOCUMENT_URI },
        position: { line: 9999, character: 0 },
      });
      assert.ok(hover === null || typeof hover.contents === 'object', JSON.stringify(hover));
      // The server must still answer afterwards.
      const results = await request('workspace/executeCommand', {
        command: 'pyfaq.searchFaq',
        arguments: ['signal handlers'],
      });
      assert.ok(Array.isArray(results), JSON.stringify(results));
    });

    await check('shutdown and exit with code 0', async () => {
      assert.equal(await request('shutdown', undefined), null);
      await notify('exit', undefined);
      const code = await withTimeout(exitOf(child), 'the server process to exit');
      exited = true;
      assert.equal(code, 0);
    });
  } finally {
    if (!exited && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    connection.dispose();
    transport.close();
    if (counts.failed > failedBefore) {
      for (const line of child.log.split('\n').filter(Boolean)) {
        console.log(`# ${label} server: ${line}`);
      }
      for (const line of clientLog) console.log(`# ${label} client: ${line}`);
    }
  }
}

async function main() {
  const binary = process.argv[2];
  if (!binary) {
    console.error('usage: node lsp_client_test.mjs /path/to/pyfaq');
    process.exit(2);
  }
  const watchdog = setTimeout(() => {
    console.log(`not ok - the whole test took longer than ${WATCHDOG_MS} ms`);
    for (const child of liveChildren) child.kill('SIGKILL');
    console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  for (const label of Object.keys(TRANSPORTS)) {
    try {
      await runStory(label, path.resolve(binary));
    } catch (error) {
      report(false, `${label}: unexpected error`, error);
    }
  }
  for (const child of liveChildren) child.kill('SIGKILL');
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  // Exit now rather than wait on any handle a failed run left open (stdout is synchronous here).
  process.exit(counts.failed > 0 ? 1 : 0);
}

// vscode-jsonrpc 8.2.1 rethrows a failed write from inside sendRequest's promise executor, so
// a server that died also surfaces here; count it instead of letting Node abort the run.
process.on('unhandledRejection', (error) => report(false, 'unhandled rejection', error));

process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

await main();
