// The pyfaq extension in real VS Code: installs the .vsix into code-server, opens the workbench
// in Debian's Chromium through playwright-core and uses it as a user would — hover, tips,
// code actions, the quick fix, the FAQ preview and the Search command — taking screenshots.
//
//   node vscode_test.mjs --vsix FILE --artifacts DIR
//
// Environment: PYFAQ_CODE_SERVER (code-server's entry.js), PYFAQ_NODE24 (the Node it runs on).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { Checks } from './checks.mjs';
import { Workbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: { vsix: { type: 'string' }, artifacts: { type: 'string' } },
});
if (!options.vsix || !options.artifacts) {
  console.error('usage: node vscode_test.mjs --vsix FILE --artifacts DIR');
  process.exit(2);
}
const codeServer = process.env.PYFAQ_CODE_SERVER;
const node24 = process.env.PYFAQ_NODE24;
if (!codeServer || !node24) {
  console.error('PYFAQ_CODE_SERVER and PYFAQ_NODE24 must name code-server and its Node');
  process.exit(2);
}

const temp = mkdtempSync(path.join(tmpdir(), 'pyfaq-vscode-'));
const dirs = {
  userData: path.join(temp, 'user-data'),
  extensions: path.join(temp, 'extensions'),
  workspace: path.join(temp, 'workspace'),
  home: path.join(temp, 'home'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
mkdirSync(options.artifacts, { recursive: true });
cpSync(path.join(here, 'workspace'), dirs.workspace, { recursive: true });
mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Dark Modern',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.fontSize': 15,
  'pyfaq.trace.server': 'off',
};
const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
const settingsText = (extra = {}) => JSON.stringify({ ...baseSettings, ...extra }, null, 2);
writeFileSync(settingsFile, settingsText());

// code-server keeps its config and data in the temporary folder, and asks no gallery.
const serverEnv = {
  ...process.env,
  PATH: `${path.join(node24, 'bin')}:${process.env.PATH}`,
  HOME: dirs.home,
  XDG_CONFIG_HOME: path.join(temp, 'config'),
  XDG_DATA_HOME: path.join(temp, 'data'),
  XDG_CACHE_HOME: path.join(temp, 'cache'),
  EXTENSIONS_GALLERY: '{}',
};
const serverArgs = [
  codeServer,
  '--user-data-dir', dirs.userData,
  '--extensions-dir', dirs.extensions,
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
];

const checks = new Checks();
let server;
let browser;
let workbench;
const watchdog = setTimeout(() => {
  console.error('FAIL the test did not finish in 15 minutes');
  cleanUp().finally(() => process.exit(1));
}, 15 * 60 * 1000);

async function cleanUp() {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
  }
  // VS Code's logs (the extension host's, and the pyfaq output channel) are kept as artifacts.
  try {
    cpSync(path.join(dirs.userData, 'logs'), path.join(options.artifacts, 'logs'), { recursive: true });
  } catch {}
  rmSync(temp, { recursive: true, force: true });
}

function installExtension() {
  const started = Date.now();
  const result = spawnSync(path.join(node24, 'bin', 'node'),
    [...serverArgs, '--install-extension', path.resolve(options.vsix)],
    { env: serverEnv, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`.trim();
  checks.ok(result.status === 0 && /successfully installed/.test(output),
    `the .vsix installs into code-server (${Date.now() - started} ms)`, output);
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith('pyfaq.pyfaq-'));
  const binary = installed && path.join(dirs.extensions, installed, 'bin', 'pyfaq');
  checks.ok(binary && existsSync(binary), 'the installed extension carries bin/pyfaq', installed);
}

/// Starts code-server on a free loopback port; resolves with its URL.
function startServer() {
  server = spawn(path.join(node24, 'bin', 'node'),
    [...serverArgs, '--auth', 'none', '--bind-addr', '127.0.0.1:0', dirs.workspace],
    { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log}`)), 60_000);
    const read = (chunk) => {
      log += chunk;
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`)));
  });
}

async function main() {
  installExtension();
  const url = await startServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  workbench = new Workbench(page, options.artifacts);
  await workbench.open(`${url}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await workbench.openFile('sample.py');

  // Tips: both pitfalls of sample.py reach the Problems panel with their codes.
  const problems = await workbench.problems(/PFQ103/, /PFQ105/);
  checks.ok(problems.some((p) => /PFQ103/.test(p) && /seen/.test(p)), 'tip PFQ103 on the mutable default', problems);
  checks.ok(problems.some((p) => /PFQ105/.test(p)), 'tip PFQ105 on `is` with a literal', problems);
  await workbench.screenshot('problems');

  const status = await workbench.statusBar(/pyfaq/i);
  checks.ok(/codicon-book/.test(status) && /ready/.test(status), 'the status bar shows the server ready', status);

  // Hover over threading.Thread with the mouse, as a user would.
  const threadHover = await workbench.hoverToken('Thread');
  checks.ok(/join\(\)/.test(threadHover), 'hover on threading.Thread shows our tip', threadHover);
  checks.ok(/How do I program using threads/.test(threadHover), 'hover on threading.Thread shows its FAQ entry', threadHover);
  checks.ok(/docs\.python\.org|Open/i.test(await workbench.hoverLinks()), 'the hover links the FAQ');
  await workbench.screenshot('hover-thread');
  await workbench.clickHoverLink(/Open in VS Code/);
  const fromHover = await workbench.previewText(/How do I program using threads/);
  checks.ok(/How do I program using threads/.test(fromHover), 'the hover\'s Open in VS Code link opens the preview', fromHover.slice(0, 300));
  await workbench.closePreviews();

  // Hover on a tip: the diagnostic and pyfaq's hover, both.
  const tipHover = await workbench.hoverAt(4, 24);
  checks.ok(/PFQ103|mutable-default-argument/.test(tipHover), 'hover on the tip shows it', tipHover);
  checks.ok(/Why are default values shared between objects/.test(tipHover), 'hover on the tip shows the FAQ question', tipHover);
  await workbench.screenshot('hover-tip');

  // Code actions at the tip: the fix, Open FAQ, Ignore, Explain.
  const actions = await workbench.codeActions(4, 24);
  checks.ok(actions.some((a) => /Default `?seen`? to None/.test(a)), 'code actions offer the quick fix', actions);
  checks.ok(actions.some((a) => /^Open FAQ/.test(a)), 'code actions offer Open FAQ', actions);
  checks.ok(actions.some((a) => /Ignore (PFQ103|mutable-default-argument) on this line/.test(a)), 'code actions offer the ignore comment', actions);
  await workbench.screenshot('code-actions');

  // Open FAQ from the code action: the answer in a preview beside the editor.
  await workbench.chooseCodeAction(/^Open FAQ/);
  const preview = await workbench.previewText(/Why are default values shared/);
  checks.ok(/Why are default values shared between objects/.test(preview), 'Open FAQ shows the entry in a preview', preview.slice(0, 300));
  checks.ok(/docs\.python\.org/.test(await workbench.previewLinks()), 'the preview links the online page');
  await workbench.screenshot('faq-preview');
  await workbench.closePreviews();

  // Apply the quick fix: the text changes and the tip goes, the other stays.
  await workbench.codeActions(4, 24);
  await workbench.chooseCodeAction(/Default `?seen`? to None/);
  const text = await workbench.editorText('seen=None');
  checks.ok(/def collect\(item, seen=None\):/.test(text) && /if seen is None:/.test(text), 'the quick fix rewrites the default', text);
  const after = await workbench.problemsWithout(/PFQ103/);
  checks.ok(!after.some((p) => /PFQ103/.test(p)) && after.some((p) => /PFQ105/.test(p)), 'the fixed tip is gone, the other stays', after);
  await workbench.screenshot('after-fix');

  // Search: a QuickPick that queries the server as the user types, then opens the choice.
  const items = await workbench.runCommandQuickPick('Python FAQ: Search', 'delete a file', /delete a file/i);
  checks.ok(items.some((item) => /How do I delete a file/.test(item)), 'Search lists the matching entry', items);
  await workbench.screenshot('search');
  await workbench.pickQuickPickItem(/How do I delete a file/);
  const searched = await workbench.previewText(/delete a file/i);
  checks.ok(/How do I delete a file/.test(searched), 'the chosen entry opens in the preview', searched.slice(0, 300));
  await workbench.screenshot('search-preview');

  await workbench.closePreviews();

  // Settings apply without a restart: a rule turned off and on again.
  await workbench.editUserSettings(settingsText({ 'pyfaq.rules': { PFQ105: false } }), settingsFile);
  const off = await workbench.problemsWithout(/PFQ105/);
  checks.ok(!off.some((p) => /PFQ105/.test(p)), 'turning a rule off in the settings removes its tip', off);
  await workbench.editUserSettings(settingsText({ 'pyfaq.rules': {} }), settingsFile);
  const on = await workbench.problems(/PFQ105/);
  checks.ok(on.some((p) => /PFQ105/.test(p)), 'turning it on again brings the tip back', on);

  // The whole workspace: a file never opened gets its tip in the Problems panel once
  // diagnostics.scope is "workspace" (workspace/diagnostic pulls), and loses it when set back.
  const before = await workbench.problems(/PFQ105/);
  checks.ok(!before.some((p) => /PFQ301/.test(p)), 'a closed file has no tip with the default scope', before);
  await workbench.editUserSettings(settingsText({ 'pyfaq.diagnostics.scope': 'workspace' }), settingsFile);
  const workspaceWide = await workbench.problems(/closed\.py/, /PFQ301/);
  checks.ok(workspaceWide.some((p) => /closed\.py/.test(p)) && workspaceWide.some((p) => /PFQ301/.test(p)),
    'scope "workspace": the closed file\'s tip reaches the Problems panel', workspaceWide);
  await workbench.screenshot('workspace-problems');
  await workbench.editUserSettings(settingsText({}), settingsFile);
  const openOnly = await workbench.problemsWithout(/PFQ301/);
  checks.ok(!openOnly.some((p) => /PFQ301/.test(p)) && openOnly.some((p) => /PFQ105/.test(p)),
    'scope "openFiles" again: the closed file\'s tip goes, the open file\'s stay', openOnly);

  // The FAQ lens above `import threading`: a quick pick of its answers, one opened in the preview.
  await workbench.editUserSettings(settingsText({ 'pyfaq.codeLens': true }), settingsFile);
  const lens = await workbench.codeLens(/FAQ: \d+ answers? about threading/);
  checks.ok(/FAQ: \d+ answers? about threading/.test(lens), 'the lens names the FAQ answers about threading', lens);
  await workbench.screenshot('code-lens');
  const answers = await workbench.clickCodeLensQuickPick(/about threading/, /threads/i);
  checks.ok(answers.some((a) => /How do I program using threads/.test(a)), 'the lens lists the answers about threading', answers);
  await workbench.pickQuickPickItem(/How do I program using threads/);
  const fromLens = await workbench.previewText(/How do I program using threads/);
  checks.ok(/How do I program using threads/.test(fromLens), 'the chosen answer opens in the preview', fromLens.slice(0, 300));
  await workbench.closePreviews();
  await workbench.editUserSettings(settingsText({}), settingsFile);

  // Restart Server: the server comes back ready and still answers.
  await workbench.runCommand('Python FAQ: Restart Server');
  const restarted = await workbench.statusBar(/pyfaq/i);
  checks.ok(/codicon-book/.test(restarted), 'Restart Server: ready again', restarted);
  const again = await workbench.hoverToken('Thread');
  checks.ok(/How do I program using threads/.test(again), 'the restarted server answers hovers', again);

  // Show Output: the server's log, in the channel, never in a pop-up.
  const output = await workbench.outputText(/pyfaq [\d.]+ ready/);
  checks.ok(/pyfaq [\d.]+ ready/.test(output), 'Show Output shows the server log', output.slice(0, 500));
  await workbench.screenshot('output');
  checks.ok(!(await workbench.hasModalDialog()), 'no modal dialog');
}

try {
  await main();
} catch (error) {
  checks.ok(false, 'the test ran to its end', error.stack ?? String(error));
  await workbench?.screenshot('failure').catch(() => {});
}
await cleanUp();
process.exit(checks.report('vscode') ? 0 : 1);
