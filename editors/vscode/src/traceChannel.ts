// The protocol trace, switched by pyfaq.trace.server.
// vscode-languageclient ≥ 10 traces only while its channel's log level is Trace, which a
// setting cannot change; this channel reports Trace while the setting is on and writes the
// trace into the pyfaq log at a level that shows by default.
import * as vscode from "vscode";
import { traceEnabled } from "./logic/settings";

function enabled(): boolean {
  return traceEnabled(vscode.workspace.getConfiguration("pyfaq").get("trace.server"));
}

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly watcher: vscode.Disposable;
  private on = enabled();
  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.watcher = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("pyfaq.trace.server") || enabled() === this.on) return;
      this.on = !this.on;
      this.levelChanged.fire(this.logLevel);
    });
  }

  get name(): string {
    return this.log.name;
  }
  get logLevel(): vscode.LogLevel {
    return this.on ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
  }
  trace(message: string, ...args: unknown[]): void {
    if (this.on) this.log.info(`[protocol] ${message}`, ...args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.log.debug(message, ...args);
  }
  info(message: string, ...args: unknown[]): void {
    this.log.info(message, ...args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.log.warn(message, ...args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.log.error(error, ...args);
  }
  append(value: string): void {
    this.log.append(value);
  }
  appendLine(value: string): void {
    this.log.appendLine(value);
  }
  replace(value: string): void {
    this.log.replace(value);
  }
  clear(): void {
    this.log.clear();
  }
  show(column?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof column === "boolean" || column === undefined) this.log.show(column);
    else this.log.show(column, preserveFocus);
  }
  hide(): void {
    this.log.hide();
  }
  dispose(): void {
    this.watcher.dispose();
    this.levelChanged.dispose();
  }
}
