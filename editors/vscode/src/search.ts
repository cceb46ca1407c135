// "Python FAQ: Search…": a picker that asks the server as the user types.
import * as vscode from "vscode";
import { DebouncedSearch } from "./logic/debouncedSearch";
import { searchItems, searchQuery, type SearchItem } from "./logic/search";
import type { Server } from "./server";

const RESULTS = 30;
const PAUSE_MS = 150;

type PickItem = vscode.QuickPickItem & { reference: string };

export function searchFaq(
  server: Server,
  log: vscode.LogOutputChannel,
  openEntry: (reference: string) => Promise<boolean>,
  initialQuery = "",
): Promise<void> {
  const picker = vscode.window.createQuickPick<PickItem>();
  picker.title = "Search the Python FAQ";
  picker.placeholder = "Type words from a question, or an API name like os.remove";

  const search = new DebouncedSearch<SearchItem[]>(
    (query) => {
      const cancel = new vscode.CancellationTokenSource();
      picker.busy = true;
      const result = server
        .command<unknown>("pyfaq.searchFaq", [query, RESULTS], cancel.token)
        .then(searchItems)
        .finally(() => cancel.dispose());
      return { result, cancel: () => cancel.cancel() };
    },
    (items) => {
      picker.busy = false;
      picker.items = items;
    },
    (error, query) => {
      picker.busy = false;
      log.error(`searching the FAQ for "${query}": ${String(error)}`);
      picker.items = [];
    },
    PAUSE_MS,
  );

  return new Promise((resolve) => {
    picker.onDidChangeValue((value) => {
      const query = searchQuery(value);
      if (query === undefined) {
        picker.busy = false;
        picker.items = [];
      }
      search.update(query);
    });
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems[0];
      picker.hide();
      if (chosen) void openEntry(chosen.reference);
    });
    picker.onDidHide(() => {
      search.dispose();
      picker.dispose();
      resolve();
    });
    picker.value = initialQuery;
    search.update(searchQuery(initialQuery));
    picker.show();
  });
}
