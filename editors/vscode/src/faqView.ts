// Shows an FAQ entry (or a rule's doc) as a read-only Markdown preview beside the editor.
import * as vscode from "vscode";
import {
  SCHEME,
  entryMarkdown,
  entryPath,
  ruleMarkdown,
  rulePath,
  type FaqEntry,
  type RuleDoc,
} from "./logic/entryView";

/** Holds the text of each page shown so far, served under the pyfaq-faq: scheme. */
export class FaqEntryDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "This page is no longer loaded; open it again.";
  }

  /** Stores a page and returns its URI (firing a change when it was already open). */
  put(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path });
    const key = uri.toString();
    const known = this.texts.has(key);
    this.texts.set(key, text);
    if (known) this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function showEntry(documents: FaqEntryDocuments, entry: FaqEntry, log: vscode.LogOutputChannel): Promise<void> {
  return showPage(documents.put(entryPath(`${entry.doc}#${entry.anchor}`), entryMarkdown(entry)), log);
}

export function showRuleDoc(documents: FaqEntryDocuments, doc: RuleDoc, log: vscode.LogOutputChannel): Promise<void> {
  return showPage(documents.put(rulePath(doc.code), ruleMarkdown(doc)), log);
}

async function showPage(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await vscode.commands.executeCommand("markdown.showPreviewToSide", uri);
  } catch (error) {
    // Without the built-in Markdown extension the text itself is still readable.
    log.warn(`Markdown preview unavailable (${String(error)}); showing the entry as text`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
