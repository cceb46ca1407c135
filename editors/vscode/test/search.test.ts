import { test } from "node:test";
import assert from "node:assert/strict";
import { searchItems, searchQuery } from "../src/logic/search";

test("results become picker items that open doc#anchor", () => {
  const items = searchItems([
    { title: "How do I delete a file?", doc: "library", section: "File and I/O", anchor: "how-do-i-delete-a-file-and-other-basic-file-questions", url: "https://docs.python.org/3/faq/library.html#x", score: 9.5 },
    { title: "What is Python?", doc: "general", section: "", anchor: "what-is-python", url: "u", score: 1 },
  ]);
  assert.deepEqual(items, [
    {
      label: "How do I delete a file?",
      description: "library · File and I/O",
      reference: "library#how-do-i-delete-a-file-and-other-basic-file-questions",
      alwaysShow: true,
    },
    { label: "What is Python?", description: "general", reference: "general#what-is-python", alwaysShow: true },
  ]);
});

test("server order is kept", () => {
  const titles = searchItems(["b", "a", "c"].map((t) => ({ title: t, doc: "d", section: "s", anchor: t, url: "" }))).map((i) => i.label);
  assert.deepEqual(titles, ["b", "a", "c"]);
});

test("malformed answers give no items", () => {
  assert.deepEqual(searchItems(null), []);
  assert.deepEqual(searchItems({ title: "x" }), []);
  assert.deepEqual(searchItems([{ title: "no anchor", doc: "d", section: "s", anchor: "" }, 7, null]), []);
});

test("blank queries are not sent", () => {
  assert.equal(searchQuery("   "), undefined);
  assert.equal(searchQuery(" os.remove "), "os.remove");
});
