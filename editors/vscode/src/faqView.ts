// Shows one FAQ entry as a read-only Markdown preview beside the editor.
import * as vscode from "vscode";
import { SCHEME, entryMarkdown, entryPath, type FaqEntry } from "./logic/entryView";

/** Holds the text of each entry shown so far, served under the pyfaq-faq: scheme. */
export class FaqEntryDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "This FAQ entry is no longer loaded; open it again.";
  }

  /** Stores the entry and returns its URI (firing a change when it was already open). */
  put(entry: FaqEntry): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: entryPath(`${entry.doc}#${entry.anchor}`) });
    const key = uri.toString();
    const text = entryMarkdown(entry);
    const known = this.texts.has(key);
    this.texts.set(key, text);
    if (known) this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function showEntry(
  documents: FaqEntryDocuments,
  entry: FaqEntry,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const uri = documents.put(entry);
  try {
    await vscode.commands.executeCommand("markdown.showPreviewToSide", uri);
  } catch (error) {
    // Without the built-in Markdown extension the text itself is still readable.
    log.warn(`Markdown preview unavailable (${String(error)}); showing the entry as text`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
