/**
 * Lets at most `limit` tasks run at once; waiting tasks start in order of their rank (0 first), in arrival
 * order within a rank. Processing shares one thread with the webhook routes, so bounding how many
 * conversations run together keeps acknowledgements quick under a burst; the outbox bounds calls in flight
 * per channel, and there a turn's first reply goes before other replies' follow-ups, and any reply before a
 * broadcast's rows (issue 16).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[][] = [];

  constructor(private readonly limit: number) {}

  /** `rank`: 0 goes first; tasks without one wait behind every ranked task (ranks up to 9). */
  async run<T>(task: () => Promise<T>, rank = LAST_RANK): Promise<T> {
    await this.acquire(rank);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(rank: number): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    const level = Math.min(Math.max(0, Math.floor(rank)), LAST_RANK);
    await new Promise<void>((resolve) => {
      const queue = this.waiting[level] ?? [];
      this.waiting[level] = queue;
      queue.push(resolve);
    });
  }

  /** The slot passes straight to the next waiter, so nobody arriving meanwhile can take it as well. */
  private release(): void {
    for (const queue of this.waiting) {
      const next = queue?.shift();
      if (next) {
        next();
        return;
      }
    }
    this.active--;
  }
}

const LAST_RANK = 9;
