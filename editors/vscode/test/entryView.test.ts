import { test } from "node:test";
import assert from "node:assert/strict";
import { entryMarkdown, entryPath, isFaqEntry, isRuleDoc, ruleMarkdown, rulePath } from "../src/logic/entryView";

const entry = {
  doc: "library",
  anchor: "why-don-t-my-signal-handlers-work",
  section: "Threads",
  title: "Why don't my signal handlers work?",
  url: "https://docs.python.org/3/faq/library.html#why-don-t-my-signal-handlers-work",
  markdown: "An answer in *Markdown*.",
};

test("the document starts with the online link, then the title and the answer", () => {
  const text = entryMarkdown(entry);
  const lines = text.split("\n");
  assert.equal(lines[0], `[Open on docs.python.org](${entry.url}) · Python FAQ › Threads`);
  assert.ok(text.includes(`# ${entry.title}\n\nAn answer in *Markdown*.\n`));
  assert.ok(text.indexOf(entry.url) < text.indexOf("# "));
});

test("an answer that already has its title is not titled twice", () => {
  const text = entryMarkdown({ ...entry, markdown: `# ${entry.title}\n\nBody` });
  assert.equal(text.match(/^# /gm)?.length, 1);
});

test("local links say so", () => {
  const text = entryMarkdown({ ...entry, url: "file:///usr/share/doc/python3.11/html/faq/library.html#x" });
  assert.ok(text.startsWith("[Open on the local Python docs](file:///"));
});

test("entry paths are /doc/anchor.md, so the document is Markdown", () => {
  assert.equal(entryPath("library#why-don-t-my-signal-handlers-work"), "/library/why-don-t-my-signal-handlers-work.md");
});

test("isFaqEntry checks the fields the view needs", () => {
  assert.ok(isFaqEntry(entry));
  assert.ok(!isFaqEntry({ ...entry, markdown: undefined }));
  assert.ok(!isFaqEntry(null));
  assert.ok(!isFaqEntry("library#x"));
});

test("rule docs: validated, placed under /rules/, titled once", () => {
  const doc = { code: "PFQ105", name: "is-comparison-with-literal", markdown: "Compare with ==." };
  assert.ok(isRuleDoc(doc));
  assert.ok(!isRuleDoc({ ...doc, code: "../x" }));
  assert.ok(!isRuleDoc({ code: "PFQ105" }));
  assert.equal(rulePath("PFQ105"), "/rules/PFQ105.md");
  assert.equal(ruleMarkdown(doc), "# is-comparison-with-literal (PFQ105)\n\nCompare with ==.\n");
  const titled = ruleMarkdown({ ...doc, markdown: "# is-comparison-with-literal (PFQ105)\n\nBody\n" });
  assert.equal(titled.match(/^# /gm)?.length, 1);
});
