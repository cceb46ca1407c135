import { test } from "node:test";
import assert from "node:assert/strict";
import {
  entryUrl,
  firstFaqReference,
  openEntryCommandLink,
  toEntryReference,
  withOpenInEditorLink,
} from "../src/logic/faqLinks";

const SIGNALS = "library#why-don-t-my-signal-handlers-work";

test("doc#anchor passes through", () => {
  assert.equal(toEntryReference(SIGNALS), SIGNALS);
  assert.equal(toEntryReference(` ${SIGNALS} `), SIGNALS);
});

test("docs.python.org FAQ URLs map to doc#anchor, whatever the version or language", () => {
  assert.equal(toEntryReference("https://docs.python.org/3/faq/library.html#why-don-t-my-signal-handlers-work"), SIGNALS);
  assert.equal(
    toEntryReference("https://docs.python.org/3.13/faq/programming.html#what-is-self"),
    "programming#what-is-self",
  );
  assert.equal(toEntryReference("https://docs.python.org/fr/3/faq/design.html#why-is-python-slow"), "design#why-is-python-slow");
});

test("local HTML docs map too", () => {
  assert.equal(
    toEntryReference("file:///usr/share/doc/python3.11/html/faq/library.html#why-don-t-my-signal-handlers-work"),
    SIGNALS,
  );
});

test("other links and values are not entries", () => {
  for (const target of [
    "https://docs.python.org/3/library/os.html#os.remove",
    "https://example.com/faq/library.html#x",
    "https://docs.python.org/3/faq/library.html",
    "https://docs.python.org/3/faq/../faq/library.html#x",
    "library",
    "#anchor",
    "",
    undefined,
    42,
    ["library#x"],
  ]) {
    assert.equal(toEntryReference(target), undefined, String(target));
  }
});

test("entryUrl builds the web page's URL and round-trips", () => {
  const url = entryUrl(SIGNALS, "3.12");
  assert.equal(url, "https://docs.python.org/3.12/faq/library.html#why-don-t-my-signal-handlers-work");
  assert.equal(toEntryReference(url), SIGNALS);
  assert.equal(entryUrl("general#what-is-python"), "https://docs.python.org/3/faq/general.html#what-is-python");
});

const HOVER =
  "**PFQ301** `signal-handler-arity` — tip\n\nsummary\n\n" +
  "Python FAQ: [Why don't my signal handlers work?](https://docs.python.org/3/faq/library.html#why-don-t-my-signal-handlers-work)" +
  "\n\nSee also: [What is self?](https://docs.python.org/3/faq/programming.html#what-is-self)";

test("firstFaqReference takes the hover's first FAQ link, skipping others", () => {
  assert.equal(firstFaqReference(HOVER), SIGNALS);
  assert.equal(
    firstFaqReference("[os](https://docs.python.org/3/library/os.html#os.remove) then [q](https://docs.python.org/3/faq/general.html#what-is-python)"),
    "general#what-is-python",
  );
  assert.equal(firstFaqReference("no links here"), undefined);
});

test("the command link carries the reference as a JSON argument list", () => {
  const link = openEntryCommandLink(SIGNALS);
  assert.ok(link.startsWith("command:pyfaq.openEntry?"));
  assert.deepEqual(JSON.parse(decodeURIComponent(link.slice("command:pyfaq.openEntry?".length))), [SIGNALS]);
});

test("withOpenInEditorLink adds the link right after the first FAQ link only", () => {
  const linked = withOpenInEditorLink(HOVER);
  assert.ok(linked);
  const primaryEnd = HOVER.indexOf("work)") + "work)".length;
  assert.equal(linked.slice(0, primaryEnd), HOVER.slice(0, primaryEnd));
  assert.ok(linked.slice(primaryEnd).startsWith(" · [Open in VS Code](command:pyfaq.openEntry?"));
  assert.equal(linked.match(/Open in VS Code/g)?.length, 1);
  assert.ok(linked.endsWith(HOVER.slice(primaryEnd)));
  assert.equal(withOpenInEditorLink("plain tip"), undefined);
});
