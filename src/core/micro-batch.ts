/**
 * Collects single calls for a few milliseconds and runs them as one (one database statement for many
 * outbox rows instead of one each). At broadcast rates the per-row statements, not the platform, were the
 * bottleneck, and their event-loop time made the send rhythm irregular.
 */
export class MicroBatch<T, R> {
  private items: T[] = [];
  private waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private cancel: (() => void) | undefined;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly delayMs: number,
    private readonly maxItems: number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.items.push(item);
      this.waiters.push({ resolve, reject });
      if (this.items.length >= this.maxItems) void this.flush();
      else this.cancel ??= this.schedule();
    });
  }

  /**
   * A delay of 0 flushes once the event loop has taken in what is ready now (setImmediate): everything that
   * arrived together goes as one batch, and nobody waits for a timer.
   */
  private schedule(): () => void {
    if (this.delayMs === 0) {
      const immediate = setImmediate(() => void this.flush());
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(() => void this.flush(), this.delayMs);
    return () => clearTimeout(timer);
  }

  async flush(): Promise<void> {
    this.cancel?.();
    this.cancel = undefined;
    const items = this.items;
    const waiters = this.waiters;
    this.items = [];
    this.waiters = [];
    if (items.length === 0) return;
    try {
      const results = await this.run(items);
      for (const [i, w] of waiters.entries()) w.resolve(results[i] as R);
    } catch (error) {
      for (const w of waiters) w.reject(error);
    }
  }
}
