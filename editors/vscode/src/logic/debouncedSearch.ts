// Search as the user types: wait for a pause, run one search, and drop (and cancel) any
// search whose query is no longer the newest, so a slow old answer never replaces a new one.

export interface Running<T> {
  result: Promise<T>;
  cancel(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DebouncedSearch<T> {
  private generation = 0;
  private timer: unknown;
  private running: Running<T> | undefined;

  constructor(
    private readonly search: (query: string) => Running<T>,
    private readonly deliver: (result: T, query: string) => void,
    private readonly fail: (error: unknown, query: string) => void,
    private readonly delayMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** A new query (undefined: nothing to search); whatever was pending is dropped. */
  update(query: string | undefined): void {
    const generation = this.stopPending();
    if (query === undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      const running = this.search(query);
      this.running = running;
      running.result.then(
        (result) => {
          if (generation === this.generation) this.deliver(result, query);
        },
        (error: unknown) => {
          if (generation === this.generation) this.fail(error, query);
        },
      );
    }, this.delayMs);
  }

  dispose(): void {
    this.stopPending();
  }

  private stopPending(): number {
    this.generation += 1;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.cancel();
    this.running = undefined;
    return this.generation;
  }
}
