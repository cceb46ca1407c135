// The status bar item: the server's state; a click opens the log.
import * as vscode from "vscode";
import { statusView, type ServerState } from "./logic/status";

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("pyfaq.status", vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = "pyfaq";
    this.item.command = "pyfaq.showOutput";
    this.item.show();
  }

  set(state: ServerState, detail?: string): void {
    const view = statusView(state, detail);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.alarming ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
