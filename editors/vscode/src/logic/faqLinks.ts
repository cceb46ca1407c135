// FAQ entries are named `doc#anchor` (e.g. `library#why-don-t-my-signal-handlers-work`);
// the server's links point at docs.python.org or, with `links: "local"`, the local HTML docs.

const REFERENCE = /^([a-z][a-z0-9_-]*)#([A-Za-z0-9_.-]+)$/;
// …/faq/<doc>.html#<anchor>, on docs.python.org (any language/version) or a file:// docs tree.
const FAQ_PAGE = /^(?:https:\/\/docs\.python\.org\/|file:\/\/\/).*\/faq\/([a-z][a-z0-9_-]*)\.html#([A-Za-z0-9_.-]+)$/;

/** `doc#anchor` when the text is one, or an FAQ page URL; undefined otherwise. */
export function toEntryReference(target: unknown): string | undefined {
  if (typeof target !== "string") return undefined;
  const text = target.trim();
  if (REFERENCE.test(text)) return text;
  const page = FAQ_PAGE.exec(text);
  if (!page || text.includes("..")) return undefined;
  return `${page[1]}#${page[2]}`;
}

/** The docs.python.org URL of an entry. */
export function entryUrl(reference: string, docsVersion = "3"): string {
  const [doc, anchor] = reference.split("#", 2);
  return `https://docs.python.org/${docsVersion || "3"}/faq/${doc}.html#${anchor}`;
}

const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

/** The first FAQ entry a hover links to (the server puts the primary entry first). */
export function firstFaqReference(markdown: string): string | undefined {
  for (const match of markdown.matchAll(MARKDOWN_LINK)) {
    const reference = toEntryReference(match[1]);
    if (reference) return reference;
  }
  return undefined;
}

/** A `command:` link running pyfaq.openEntry on an entry, for trusted Markdown. */
export function openEntryCommandLink(reference: string): string {
  return `command:pyfaq.openEntry?${encodeURIComponent(JSON.stringify([reference]))}`;
}

/** The hover's Markdown with "Open in VS Code" right after its first FAQ link, if it has one. */
export function withOpenInEditorLink(markdown: string): string | undefined {
  for (const match of markdown.matchAll(MARKDOWN_LINK)) {
    const reference = toEntryReference(match[1]);
    if (!reference || match.index === undefined) continue;
    const end = match.index + match[0].length;
    const link = `[Open in VS Code](${openEntryCommandLink(reference)} "Show this FAQ entry beside the editor")`;
    return `${markdown.slice(0, end)} · ${link}${markdown.slice(end)}`;
  }
  return undefined;
}
