import { test } from "node:test";
import assert from "node:assert/strict";
import { pickItem, readLensPick } from "../src/logic/lensPick";

const ENTRY = {
  reference: "library#what-kinds-of-global-value-mutation-are-thread-safe",
  title: "What kinds of global value mutation are thread-safe?",
  url: "https://docs.python.org/3.12/faq/library.html#what-kinds-of-global-value-mutation-are-thread-safe",
};

test("reads the lens's module and entries", () => {
  assert.deepEqual(readLensPick(["threading", [ENTRY]]), { module: "threading", entries: [ENTRY] });
});

test("refuses arguments of another shape", () => {
  assert.equal(readLensPick([]), undefined);
  assert.equal(readLensPick(["threading"]), undefined);
  assert.equal(readLensPick(["threading", []]), undefined);
  assert.equal(readLensPick(["threading", [ENTRY, { reference: 1 }]]), undefined);
  assert.equal(readLensPick([7, [ENTRY]]), undefined);
});

test("an item shows the question and its FAQ page", () => {
  assert.deepEqual(pickItem(ENTRY), {
    label: ENTRY.title,
    description: "library FAQ",
    reference: ENTRY.reference,
  });
});
