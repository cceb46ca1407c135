// Which `pyfaq` binary to start: the pyfaq.server.path setting wins over the bundled one.
import * as path from "node:path";

export interface PathEnvironment {
  /** The extension's bundled binary (bin/pyfaq inside the extension). */
  bundled: string;
  /** The user's home, for a leading `~/` in the setting. */
  home: string;
  /** The first workspace folder, for a relative setting; undefined when none is open. */
  workspaceFolder?: string;
  /** The PATH variable, for a bare command name in the setting. */
  searchPath: string;
  isExecutableFile(file: string): boolean;
}

export type Resolution =
  | { ok: true; path: string; source: "setting" | "bundled" }
  | { ok: false; message: string };

function fromSetting(setting: string, env: PathEnvironment): string[] {
  if (setting === "~" || setting.startsWith("~/")) return [path.join(env.home, setting.slice(1))];
  if (path.isAbsolute(setting)) return [setting];
  if (!setting.includes("/") && !setting.includes("\\")) {
    // A bare name, like "pyfaq": look it up on PATH as a shell would.
    return env.searchPath
      .split(path.delimiter)
      .filter((dir) => dir !== "")
      .map((dir) => path.join(dir, setting));
  }
  return env.workspaceFolder ? [path.resolve(env.workspaceFolder, setting)] : [];
}

export function resolveServerPath(setting: unknown, env: PathEnvironment): Resolution {
  const configured = typeof setting === "string" ? setting.trim() : "";
  if (configured !== "") {
    const found = fromSetting(configured, env).find((file) => env.isExecutableFile(file));
    if (found) return { ok: true, path: found, source: "setting" };
    return {
      ok: false,
      message: `pyfaq.server.path is "${configured}", but no executable file was found there.`,
    };
  }
  if (env.isExecutableFile(env.bundled)) return { ok: true, path: env.bundled, source: "bundled" };
  return {
    ok: false,
    message:
      `This build of the extension has no bundled pyfaq binary (${env.bundled} is missing). ` +
      "Set pyfaq.server.path to a pyfaq executable.",
  };
}
