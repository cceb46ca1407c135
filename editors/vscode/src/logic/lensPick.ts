// The arguments of the server's "FAQ: N answers about MODULE" lens (pyfaq.pickFaq), read into
// quick-pick items. The server sends [module, [{ reference, title, url }, ...]].

export interface LensEntry {
  reference: string;
  title: string;
  url: string;
}

export interface LensPick {
  module: string;
  entries: LensEntry[];
}

function isLensEntry(value: unknown): value is LensEntry {
  if (!value || typeof value !== "object") return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.reference === "string" && typeof entry.title === "string" && typeof entry.url === "string";
}

/** The lens's module and entries, or undefined when the arguments have another shape. */
export function readLensPick(args: unknown[]): LensPick | undefined {
  const [module, entries] = args;
  if (typeof module !== "string" || !Array.isArray(entries)) return undefined;
  const valid = entries.filter(isLensEntry);
  if (valid.length === 0 || valid.length !== entries.length) return undefined;
  return { module, entries: valid };
}

/** The quick-pick item of an entry: its question, with the FAQ page it belongs to. */
export function pickItem(entry: LensEntry): { label: string; description: string; reference: string } {
  const doc = entry.reference.split("#", 1)[0];
  return { label: entry.title, description: `${doc} FAQ`, reference: entry.reference };
}
