// The editor's `pyfaq` section → the settings object the server reads.
// `server.path` and `trace.server` belong to the extension; the server would report them
// as unknown. Empty strings mean "the server's default", so they are left out.

/** Keys the server understands (see the README's `pyfaq serve` table). */
export const SERVER_KEYS = [
  "rules",
  "severity",
  "hover",
  "docsVersion",
  "docsPath",
  "links",
  "diagnostics.scope",
  "codeLens",
] as const;

export type ServerSettings = Partial<Record<(typeof SERVER_KEYS)[number], unknown>>;

/** Reads one key of the editor's configuration (vscode's `WorkspaceConfiguration.get`). */
export type ConfigReader = (key: string) => unknown;

export function serverSettings(read: ConfigReader): ServerSettings {
  const result: ServerSettings = {};
  for (const key of SERVER_KEYS) {
    const value = read(key);
    if (value === undefined || value === null) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    // Ill-typed values go through: the server names the problem to the user.
    result[key] = typeof value === "string" ? value.trim() : value;
  }
  return result;
}

/** Whether pyfaq.trace.server asks for the protocol log ("messages" or "verbose"). */
export function traceEnabled(setting: unknown): boolean {
  return setting === "messages" || setting === "verbose";
}
