import { test } from "node:test";
import assert from "node:assert/strict";
import { DebouncedSearch, type Timers } from "../src/logic/debouncedSearch";

/** Timers run by hand, so the test decides when a pause has passed. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout(callback: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    callbacks.forEach((callback) => callback());
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function harness() {
  const timers = new ManualTimers();
  const started: { query: string; cancelled: boolean; answer: ReturnType<typeof deferred<string>> }[] = [];
  const delivered: string[] = [];
  const failed: string[] = [];
  const search = new DebouncedSearch<string>(
    (query) => {
      const run = { query, cancelled: false, answer: deferred<string>() };
      started.push(run);
      return { result: run.answer.promise, cancel: () => (run.cancelled = true) };
    },
    (result, query) => delivered.push(`${query}=${result}`),
    (error, query) => failed.push(`${query}:${String(error)}`),
    100,
    timers,
  );
  return { timers, started, delivered, failed, search };
}

test("typing quickly runs one search, for the last text", async () => {
  const h = harness();
  h.search.update("o");
  h.search.update("os");
  h.search.update("os.remove");
  assert.equal(h.started.length, 0);
  assert.equal(h.timers.pending.size, 1);
  h.timers.fire();
  assert.deepEqual(h.started.map((run) => run.query), ["os.remove"]);
  h.started[0].answer.resolve("r");
  await flush();
  assert.deepEqual(h.delivered, ["os.remove=r"]);
});

test("a stale search is cancelled and its late answer dropped", async () => {
  const h = harness();
  h.search.update("thread");
  h.timers.fire();
  h.search.update("threads");
  assert.equal(h.started[0].cancelled, true);
  h.timers.fire();
  h.started[1].answer.resolve("new");
  h.started[0].answer.resolve("old");
  await flush();
  assert.deepEqual(h.delivered, ["threads=new"]);
});

test("errors are reported only for the current query", async () => {
  const h = harness();
  h.search.update("a");
  h.timers.fire();
  h.search.update("b");
  h.timers.fire();
  h.started[0].answer.reject(new Error("gone"));
  h.started[1].answer.reject(new Error("down"));
  await flush();
  assert.deepEqual(h.failed, ["b:Error: down"]);
});

test("clearing the query or disposing stops everything pending", async () => {
  const h = harness();
  h.search.update("x");
  h.timers.fire();
  h.search.update(undefined);
  assert.equal(h.started[0].cancelled, true);
  assert.equal(h.timers.pending.size, 0);
  h.search.update("y");
  h.search.dispose();
  assert.equal(h.timers.pending.size, 0);
  h.started[0].answer.resolve("late");
  await flush();
  assert.deepEqual(h.delivered, []);
  assert.equal(h.started.length, 1);
});
