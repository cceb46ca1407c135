// The read-only Markdown document that shows one FAQ entry beside the editor.

export const SCHEME = "pyfaq-faq";

export interface FaqEntry {
  doc: string;
  anchor: string;
  title: string;
  url: string;
  markdown: string;
  section?: string;
}

export function isFaqEntry(value: unknown): value is FaqEntry {
  const entry = value as Partial<FaqEntry> | null;
  return (
    !!entry &&
    ["doc", "anchor", "title", "url", "markdown"].every(
      (key) => typeof (entry as Record<string, unknown>)[key] === "string",
    )
  );
}

/** The virtual document's path: `/doc/anchor.md` (the `.md` makes it Markdown). */
export function entryPath(reference: string): string {
  const [doc, anchor] = reference.split("#", 2);
  return `/${doc}/${anchor}.md`;
}

/** The document's text: a link to the page it comes from, then the answer under its title. */
export function entryMarkdown(entry: FaqEntry): string {
  const where = entry.url.startsWith("file:") ? "the local Python docs" : "docs.python.org";
  const place = entry.section ? ` · Python FAQ › ${entry.section}` : " · Python FAQ";
  const header = `[Open on ${where}](${entry.url})${place}\n\n`;
  const body = entry.markdown.trim();
  const titled = body.startsWith("# ") ? body : `# ${entry.title}\n\n${body}`;
  return `${header}${titled}\n`;
}

/** What pyfaq.explainRule returns: a rule's doc in Markdown. */
export interface RuleDoc {
  code: string;
  name: string;
  markdown: string;
}

export function isRuleDoc(value: unknown): value is RuleDoc {
  const doc = value as Partial<RuleDoc> | null;
  return !!doc && typeof doc.code === "string" && /^[A-Z]+[0-9]+$/.test(doc.code) &&
    typeof doc.name === "string" && typeof doc.markdown === "string";
}

/** A rule's doc lives beside the entries, at `/rules/CODE.md`. */
export function rulePath(code: string): string {
  return `/rules/${code}.md`;
}

export function ruleMarkdown(doc: RuleDoc): string {
  const body = doc.markdown.trim();
  return `${body.startsWith("# ") ? body : `# ${doc.name} (${doc.code})\n\n${body}`}\n`;
}
