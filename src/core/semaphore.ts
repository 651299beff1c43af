/**
 * Lets at most `limit` tasks run at once; waiting tasks start in order, urgent ones first. Processing shares
 * one thread with the webhook routes, so bounding how many conversations run together keeps acknowledgements
 * quick under a burst; the outbox bounds calls in flight per channel, and a reply must not queue behind a
 * broadcast's rows there (issue 16).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly urgent: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    await this.acquire(urgent);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(urgent: boolean): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => (urgent ? this.urgent : this.waiting).push(resolve));
  }

  /** The slot passes straight to the next waiter, so nobody arriving meanwhile can take it as well. */
  private release(): void {
    const next = this.urgent.shift() ?? this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
