// pyfaq for VS Code: runs `pyfaq serve` for Python files and shows FAQ entries in the editor.
import * as vscode from "vscode";
import { FaqEntryDocuments, showEntry, showRuleDoc } from "./faqView";
import { isFaqEntry, SCHEME, type RuleDoc } from "./logic/entryView";
import { toEntryReference } from "./logic/faqLinks";
import { searchFaq } from "./search";
import { Server } from "./server";
import { StatusItem } from "./status";
import { TraceChannel } from "./traceChannel";

let server: Server | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // languageclient ≥ 10 logs through a LogOutputChannel.
  const log = vscode.window.createOutputChannel("pyfaq", { log: true });
  const status = new StatusItem();
  const documents = new FaqEntryDocuments();
  context.subscriptions.push(log, status, documents);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));

  /** Shows an entry beside the editor; false (with the reason logged) when it cannot. */
  const openEntry = async (reference: string): Promise<boolean> => {
    try {
      const entry = await running.command<unknown>("pyfaq.faqEntry", [reference]);
      if (!isFaqEntry(entry)) throw new Error("the server's answer is not an FAQ entry");
      await showEntry(documents, entry, log);
      return true;
    } catch (error) {
      log.error(`opening FAQ entry ${reference}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };

  const showRule = (doc: RuleDoc) =>
    showRuleDoc(documents, doc, log).catch((error: unknown) => log.error(`showing ${doc.code}: ${String(error)}`));

  const trace = new TraceChannel(log);
  context.subscriptions.push(trace);
  const running = new Server(context.extensionPath, log, status, openEntry, showRule, trace);
  server = running;
  context.subscriptions.push(running);

  context.subscriptions.push(
    vscode.commands.registerCommand("pyfaq.search", (query?: unknown) =>
      searchFaq(running, log, openEntry, typeof query === "string" ? query : ""),
    ),
    vscode.commands.registerCommand("pyfaq.openEntry", async (target?: unknown) => {
      const reference = toEntryReference(target);
      if (reference) return openEntry(reference);
      if (target !== undefined) log.warn(`not an FAQ entry: ${JSON.stringify(target)}; searching instead`);
      await searchFaq(running, log, openEntry);
      return false;
    }),
    vscode.commands.registerCommand("pyfaq.restartServer", () => running.restart()),
    vscode.commands.registerCommand("pyfaq.showOutput", () => log.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Other settings reach the running server; a new binary needs a new process.
      if (event.affectsConfiguration("pyfaq.server.path")) void running.restart();
    }),
  );

  await running.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
