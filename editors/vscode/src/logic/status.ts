// What the status bar item says for each state of the server.

export type ServerState = "starting" | "ready" | "stopped" | "error";

export interface StatusView {
  text: string;
  tooltip: string;
  /** Shown with the status bar's error colours. */
  alarming: boolean;
}

export function statusView(state: ServerState, detail?: string): StatusView {
  const suffix = detail ? `\n${detail}` : "";
  switch (state) {
    case "starting":
      return { text: "$(sync~spin) pyfaq", tooltip: `pyfaq: starting the language server${suffix}`, alarming: false };
    case "ready":
      return { text: "$(book) pyfaq", tooltip: `pyfaq: ready${suffix}\nClick for the log`, alarming: false };
    case "stopped":
      return { text: "$(circle-slash) pyfaq", tooltip: `pyfaq: stopped${suffix}\nClick for the log`, alarming: false };
    case "error":
      return { text: "$(error) pyfaq", tooltip: `pyfaq: error${suffix}\nClick for the log`, alarming: true };
  }
}
