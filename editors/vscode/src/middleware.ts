// How the extension bends the language client: clean settings for the server, FAQ links
// opened inside VS Code, and an "Open in VS Code" link in hovers.
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  type LanguageClient,
  type Middleware,
} from "vscode-languageclient/node";
import { isRuleDoc, type RuleDoc } from "./logic/entryView";
import { toEntryReference, withOpenInEditorLink } from "./logic/faqLinks";
import { pickItem, readLensPick } from "./logic/lensPick";
import { serverSettings, type ServerSettings } from "./logic/settings";

export function currentServerSettings(scope?: vscode.Uri): ServerSettings {
  const config = vscode.workspace.getConfiguration("pyfaq", scope);
  return serverSettings((key) => config.get(key));
}

/** The hover part with "Open in VS Code" added, trusting only that one command. */
function withOpenInEditor(content: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString | undefined {
  if (!(content instanceof vscode.MarkdownString)) return undefined;
  const text = withOpenInEditorLink(content.value);
  if (text === undefined) return undefined;
  const markdown = new vscode.MarkdownString(text, content.supportThemeIcons);
  markdown.baseUri = content.baseUri;
  markdown.isTrusted = { enabledCommands: ["pyfaq.openEntry"] };
  return markdown;
}

export function middleware(
  getClient: () => LanguageClient | undefined,
  openEntry: (reference: string) => Promise<boolean>,
  showRule: (doc: RuleDoc) => Promise<void>,
): Middleware {
  return {
    workspace: {
      // The server asks for the `pyfaq` section: answer with what it understands.
      configuration: async (params, token, next) => {
        const answers = await next(params, token);
        if (!Array.isArray(answers)) return answers;
        return answers.map((answer, index) => {
          const item = params.items[index];
          if (item?.section !== "pyfaq") return answer;
          return currentServerSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined);
        });
      },
      // Send the cleaned section rather than the raw one (which holds server.path, trace).
      didChangeConfiguration: async (sections, next) => {
        const client = getClient();
        if (!client || !sections?.includes("pyfaq")) return next(sections);
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { pyfaq: currentServerSettings() },
        });
      },
    },
    // "Open FAQ" code actions: the in-editor preview instead of the browser, when possible.
    executeCommand: async (command, args, next) => {
      // The lens above an import: VS Code's own quick pick rather than the server's message
      // buttons; the chosen entry opens beside the code.
      if (command === "pyfaq.pickFaq") {
        const lens = readLensPick(args);
        if (lens) {
          const chosen = await vscode.window.showQuickPick(lens.entries.map(pickItem), {
            title: `Python FAQ: ${lens.module}`,
            placeHolder: "An answer to open",
            matchOnDescription: true,
          });
          if (chosen) await openEntry(chosen.reference);
          return undefined;
        }
      }
      if (command === "pyfaq.openFaq") {
        const reference = toEntryReference(args[0]);
        if (reference && (await openEntry(reference))) return { reference };
      }
      const result = await next(command, args);
      // "Explain": the server answers with the rule's doc; show it whole, beside the code.
      if (command === "pyfaq.explainRule" && isRuleDoc(result)) await showRule(result);
      return result;
    },
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      const contents = [...hover.contents];
      for (let i = 0; i < contents.length; i++) {
        const linked = withOpenInEditor(contents[i]);
        if (linked) {
          contents[i] = linked;
          return new vscode.Hover(contents, hover.range);
        }
      }
      return hover;
    },
  };
}
