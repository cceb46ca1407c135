import { test } from "node:test";
import assert from "node:assert/strict";
import { statusView, type ServerState } from "../src/logic/status";

test("each state reads differently and only errors alarm", () => {
  const states: ServerState[] = ["starting", "ready", "stopped", "error"];
  const views = states.map((state) => statusView(state));
  assert.equal(new Set(views.map((view) => view.text)).size, states.length);
  for (const [i, state] of states.entries()) {
    assert.match(views[i].tooltip, new RegExp(state === "ready" ? "ready" : state === "error" ? "error" : state));
    assert.ok(views[i].text.includes("pyfaq"));
    assert.equal(views[i].alarming, state === "error");
  }
});

test("the detail shows in the tooltip", () => {
  assert.match(statusView("error", "binary missing").tooltip, /binary missing/);
});
