// What the test does in VS Code's workbench, by keyboard and mouse, and what it reads back.
// Selectors name VS Code's own widgets (hover, action widget, quick input, markers panel).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LONG = 60_000;

export class Workbench {
  constructor(page, artifacts) {
    this.page = page;
    this.artifacts = artifacts;
    this.shots = 0;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: LONG });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: LONG });
  }

  async screenshot(name) {
    this.shots += 1;
    const file = path.join(this.artifacts, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
  }

  async openFile(name) {
    await this.page.getByRole('treeitem', { name }).first().click();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: LONG });
    await this.editor().click();
  }

  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  }

  async escape() {
    await this.page.keyboard.press('Escape');
  }

  /// Puts the cursor at a 1-based line and column with Go to Line.
  async goTo(line, column) {
    await this.editor().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: LONG });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: LONG });
  }

  /// The rows of the Problems panel once every pattern matches one of them.
  async problems(...patterns) {
    return this.readProblems((rows) => patterns.every((p) => rows.some((row) => p.test(row))));
  }

  /// The rows of the Problems panel once none matches the pattern.
  async problemsWithout(pattern) {
    return this.readProblems((rows) => !rows.some((row) => pattern.test(row)));
  }

  async readProblems(done) {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    let texts = [];
    const deadline = Date.now() + LONG;
    while (Date.now() < deadline) {
      texts = await rows.evaluateAll((nodes) => nodes.map((n) => n.innerText.replace(/\s+/g, ' ')));
      if (done(texts)) break;
      await this.page.waitForTimeout(250);
    }
    await this.editor().click();
    return texts;
  }

  /// The status bar item matching the pattern: its text, tooltip and icon names, once it has
  /// left the starting state (a spinning icon).
  async statusBar(pattern) {
    const item = this.page.locator('.statusbar-item', { hasText: pattern }).first();
    await item.waitFor({ timeout: LONG }).catch(() => {});
    const deadline = Date.now() + LONG;
    let state = '';
    while (Date.now() < deadline) {
      state = await item.evaluate((node) => {
        const icons = [...node.querySelectorAll('.codicon')].map((icon) =>
          [...icon.classList].filter((name) => name.startsWith('codicon-')).join(' '));
        return `${node.innerText} [${icons.join(' ')}] ${node.getAttribute('aria-label') ?? ''}`;
      }).catch(() => '');
      if (state && !/spin/.test(state)) break;
      await this.page.waitForTimeout(250);
    }
    return state;
  }

  /// The text of pyfaq's output channel (Show Output), once it matches the pattern.
  async outputText(pattern) {
    await this.runCommand(`Python FAQ: Show Output`);
    const view = this.page.locator('.panel .monaco-editor .view-lines').first();
    const deadline = Date.now() + LONG;
    let text = '';
    while (Date.now() < deadline) {
      text = (await view.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
      if (pattern.test(text)) break;
      await this.page.waitForTimeout(250);
    }
    return text;
  }

  /// Moves the mouse over the first token with this exact text; returns the hover's text.
  async hoverToken(token) {
    await this.escape();
    // Tokens split differently by theme and grammar: measure the text itself.
    const box = await this.editor().evaluate((root, wanted) => {
      for (const line of root.querySelectorAll('.view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(wanted);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
      }
      return null;
    }, token);
    if (!box) throw new Error(`no ${token} in the editor`);
    // A hover asked while the server restarts never shows: point again rather than wait it out.
    for (let attempt = 1; ; attempt += 1) {
      await this.page.mouse.move(box.x - 40, box.y + 60);
      await this.page.mouse.move(box.x, box.y, { steps: 5 });
      try {
        return await this.hoverText(attempt < 4 ? LONG / 4 : LONG);
      } catch (error) {
        if (attempt >= 4) throw error;
        await this.escape();
      }
    }
  }

  /// Shows the hover at a position with the keyboard (Show or Focus Hover).
  async hoverAt(line, column) {
    await this.escape();
    await this.goTo(line, column);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    return this.hoverText();
  }

  async hoverText(timeout = LONG) {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ timeout });
    // The hover fills in as providers answer: wait until the text stops changing.
    let previous = '';
    for (let i = 0; i < 100; i += 1) {
      const text = await hover.innerText();
      if (text === previous && text.length > 0 && !/^Loading/m.test(text)) return text;
      previous = text;
      await this.page.waitForTimeout(300);
    }
    return previous;
  }

  async hoverLinks() {
    const links = this.page.locator('.monaco-hover:not(.hidden) a');
    const all = await links.evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('href') ?? ''} ${n.getAttribute('data-href') ?? ''} ${n.innerText}`));
    return all.join('\n');
  }

  async clickHoverLink(pattern) {
    await this.page.locator('.monaco-hover:not(.hidden) a').filter({ hasText: pattern }).first().click();
  }

  /// Opens the code action menu at a position (Ctrl+.) and returns its titles.
  async codeActions(line, column) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    // Ctrl+. right after a preview closes can reach the workbench before the editor has focus
    // again: press it once more rather than wait out the whole timeout.
    for (let attempt = 1; ; attempt += 1) {
      await this.escape();
      await this.goTo(line, column);
      await this.page.keyboard.press('Control+.');
      try {
        await rows.first().waitFor({ timeout: attempt < 3 ? LONG / 4 : LONG });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    return rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? n.innerText));
  }

  async chooseCodeAction(pattern) {
    const row = this.page.locator('.action-widget .monaco-list-row.action').filter({ hasText: pattern }).first();
    await row.click();
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: LONG }).catch(() => {});
  }

  async editorText(expected) {
    const deadline = Date.now() + LONG;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.editor().innerText();
      text = text.replace(/\u00a0/g, ' ');
      if (text.includes(expected)) break;
      await this.page.waitForTimeout(250);
    }
    return text;
  }

  /// The text of the Markdown preview whose content matches the pattern (a webview's frame).
  async previewText(pattern) {
    const deadline = Date.now() + LONG;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (pattern.test(text) && (await frame.locator('.markdown-body').count().catch(() => 0)) > 0) {
          this.previewFrame = frame;
          return text;
        }
      }
      await this.page.waitForTimeout(300);
    }
    return '';
  }

  async previewLinks() {
    if (!this.previewFrame) return '';
    return (await this.previewFrame.locator('a').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href') ?? ''))).join('\n');
  }

  async closePreviews() {
    await this.runCommand('View: Close All Editors in Group');
    await this.openFile('sample.py');
  }

  /// Replaces the user settings as a user does: in the settings.json editor (VS Code shows it
  /// over the workbench), then saves; returns once the file holds the text.
  async editUserSettings(text, file) {
    await this.runCommand('Preferences: Open User Settings (JSON)');
    const settings = this.page.locator('.monaco-editor .view-lines', { hasText: '"workbench.startupEditor"' }).first();
    await settings.waitFor({ timeout: LONG });
    await settings.click();
    await this.page.locator('.monaco-editor.focused .view-lines', { hasText: '"workbench.startupEditor"' })
      .waitFor({ timeout: LONG });
    await this.page.keyboard.press('Control+A');
    await this.page.locator('.monaco-editor.focused .selected-text').first().waitFor({ timeout: LONG });
    // One line, for auto-indent acts on new lines.
    await this.page.keyboard.insertText(JSON.stringify(JSON.parse(text)));
    // What bracket closing added after the cursor.
    await this.page.keyboard.press('Shift+Control+End');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.press('Control+S');
    const deadline = Date.now() + LONG;
    const saved = () => {
      try {
        return JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) === JSON.stringify(JSON.parse(text));
      } catch {
        return false;  // not yet written whole
      }
    };
    while (Date.now() < deadline && !saved()) await this.page.waitForTimeout(200);
    if (!saved()) throw new Error(`the settings were not saved: ${readFileSync(file, 'utf8')}`);
    await this.page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached', timeout: LONG });
    await this.openFile('sample.py');
  }

  /// Runs a command from the Command Palette by its title.
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: LONG });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ timeout: LONG });
    await this.page.keyboard.press('Enter');
  }

  /// Runs a command that shows a QuickPick, types the query and returns the items it lists.
  async runCommandQuickPick(title, query, expected) {
    await this.runCommand(title);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: LONG });
    await this.page.waitForTimeout(300);
    await input.pressSequentially(query, { delay: 40 });
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: expected }).first().waitFor({ timeout: LONG });
    return rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? n.innerText));
  }

  /// The text of the first code lens matching the pattern, once it shows.
  async codeLens(pattern) {
    const lens = this.page.locator('.codelens-decoration a').filter({ hasText: pattern }).first();
    await lens.waitFor({ timeout: LONG });
    return lens.innerText();
  }

  /// Clicks a code lens that opens a QuickPick and returns its items once one matches.
  async clickCodeLensQuickPick(pattern, expected) {
    await this.page.locator('.codelens-decoration a').filter({ hasText: pattern }).first().click();
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: expected }).first().waitFor({ timeout: LONG });
    return rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? n.innerText));
  }

  async pickQuickPickItem(pattern) {
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: pattern }).first().click();
  }

  async hasModalDialog() {
    return (await this.page.locator('.monaco-dialog-box').count()) > 0;
  }
}
