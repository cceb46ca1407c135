// Starts, stops and restarts `pyfaq serve`, and keeps the status bar in step with it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { currentServerSettings, middleware } from "./middleware";
import type { RuleDoc } from "./logic/entryView";
import { resolveServerPath } from "./logic/serverPath";
import type { StatusItem } from "./status";
import type { TraceChannel } from "./traceChannel";

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    const stat = fs.statSync(file);
    // access() says yes to root for any file; an execute bit must really be set.
    return stat.isFile() && (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** A client whose errors stay in the log: the library forces a pop-up for some of them. */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

export class Server implements vscode.Disposable {
  private client: LanguageClient | undefined;
  // Start and stop run one after another, so a quick restart never races a start.
  private queue: Promise<void> = Promise.resolve();
  private crashes: number[] = [];

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: StatusItem,
    private readonly openEntry: (reference: string) => Promise<boolean>,
    private readonly showRule: (doc: RuleDoc) => Promise<void>,
    private readonly trace: TraceChannel,
  ) {}

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  /** Runs a server command; rejects when the server is not running. */
  async command<T>(command: string, args: unknown[], token?: vscode.CancellationToken): Promise<T> {
    const client = this.client;
    if (!client || !client.isRunning()) throw new Error("the pyfaq language server is not running");
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token)) as T;
  }

  dispose(): void {
    void this.stop();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }

  private async doStart(): Promise<void> {
    const resolution = resolveServerPath(vscode.workspace.getConfiguration("pyfaq").get("server.path"), {
      bundled: vscode.Uri.joinPath(vscode.Uri.file(this.extensionPath), "bin", "pyfaq").fsPath,
      home: os.homedir(),
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      searchPath: process.env.PATH ?? "",
      isExecutableFile,
    });
    if (!resolution.ok) {
      this.log.error(resolution.message);
      this.status.set("error", resolution.message);
      return;
    }
    this.log.info(`starting ${resolution.path} serve (${resolution.source === "setting" ? "pyfaq.server.path" : "bundled"})`);
    this.status.set("starting");
    this.crashes = [];

    const serverOptions: ServerOptions = { command: resolution.path, args: ["serve"] };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
      ],
      outputChannel: this.log,
      traceOutputChannel: this.trace,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: () => ({ pyfaq: currentServerSettings() }),
      synchronize: { configurationSection: "pyfaq" },
      middleware: middleware(() => this.client, this.openEntry, this.showRule),
      // Failures go to the log and the status bar, never to a pop-up.
      initializationFailedHandler: (error) => {
        this.log.error(`the server failed to initialize: ${String(error)}`);
        return false;
      },
      errorHandler: {
        error: (error) => {
          this.log.error(`connection error: ${error.message}`);
          return { action: ErrorAction.Continue, handled: true };
        },
        closed: () => {
          // A crash restarts the server, unless it keeps crashing.
          const now = Date.now();
          this.crashes = this.crashes.filter((time) => now - time < 3 * 60_000);
          this.crashes.push(now);
          if (this.crashes.length <= 3) {
            this.log.warn("the pyfaq server stopped unexpectedly; restarting it");
            return { action: CloseAction.Restart, handled: true };
          }
          this.log.error("the pyfaq server stopped 4 times in 3 minutes; run “Python FAQ: Restart Server” to try again");
          this.status.set("error", "the server keeps stopping");
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = new QuietLanguageClient("pyfaq", "pyfaq", serverOptions, clientOptions);
    client.onDidChangeState((event) => {
      if (this.client !== client) return;
      if (event.newState === State.Running) this.status.set("ready", `${resolution.path}`);
      else if (event.newState === State.Starting) this.status.set("starting");
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.log.error(`could not start ${resolution.path}: ${String(error)}`);
      this.status.set("error", `could not start ${resolution.path}`);
      this.client = undefined;
      await client.dispose().catch(() => undefined);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.dispose(3000);
    } catch (error) {
      this.log.warn(`stopping the server: ${String(error)}`);
    }
    this.status.set("stopped");
  }
}
