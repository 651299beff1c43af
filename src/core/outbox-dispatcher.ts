import type { Logger } from "./logger";
import type { ChannelId } from "./messages";
import type { ChannelSender, OutboxRecord, OutboxStore } from "./ports";
import { type RateBudget, type RateLimiter, slotIntervalMs } from "./rate-limiter";
import type { SendResult } from "./rendered";

export interface DispatcherOptions {
  workerId: string;
  /** How long a claimed row stays ours; a crashed worker's rows are settled after this. */
  leaseMs: number;
  /** Transient failures are retried with exponential backoff up to this many attempts. */
  maxAttempts: number;
  idleDelayMs: number;
  /** Rows claimed per round (default 200); about one second's worth of the fastest channel is enough. */
  batchSize?: number;
  /**
   * Shared overall pacing across processes (PostgreSQL), per channel with its rate. A channel listed here
   * gets its slots from the budget; its local limiter then only paces single chats.
   */
  budgets?: Map<ChannelId, { budget: RateBudget; perSecond: number }>;
  now?: () => Date;
}

/**
 * Drains the outbox: one in-flight message per recipient (order kept), each channel paced by its limiter,
 * `retry_after` honoured, transient errors retried with capped backoff, blocked recipients marked.
 */
export class OutboxDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly now: () => Date;
  /** Per channel: do not send before this time (a 429 pauses the whole channel, as Telegram asks). */
  private readonly pausedUntil = new Map<ChannelId, number>();

  constructor(
    private readonly store: OutboxStore,
    private readonly senders: Map<ChannelId, ChannelSender>,
    private readonly limiters: Map<ChannelId, RateLimiter>,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Signals that new rows were queued, so the loop does not wait for its idle delay. */
  notify(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
  }

  /** Sends everything that is due now and returns how many rows were handled (tests and tools). */
  async drainOnce(): Promise<number> {
    const rows = await this.store.claimDue(
      this.options.workerId,
      this.options.batchSize ?? 200,
      this.options.leaseMs,
      this.now(),
    );
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.logger.error({ err: error }, "outbox dispatch failed");
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleDelayMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async deliver(row: OutboxRecord): Promise<void> {
    const sender = this.senders.get(row.channel);
    if (!sender) {
      await this.store.complete(
        row.id,
        { status: "failed", reason: `channel ${row.channel} is off` },
        this.now(),
      );
      return;
    }
    await this.pace(row);
    // Claimed rows wait for their slot without being "sending": a crash while waiting returns them to the
    // queue. Only from here on is the call in flight, and a crash leaves its outcome unknown (ADR 004). The
    // conditional update also drops a row whose claim expired while it waited and was taken by another worker.
    if (!(await this.store.markSending(row.id, row.claim, this.options.leaseMs, this.now()))) return;
    let result: SendResult;
    try {
      result = await sender.send(row.externalId, row.message);
    } catch (error) {
      result = { status: "transient", reason: error instanceof Error ? error.message : String(error) };
    }
    await this.settle(row, result);
  }

  private async pace(row: OutboxRecord): Promise<void> {
    const limiter = this.limiters.get(row.channel);
    for (;;) {
      const paused = (this.pausedUntil.get(row.channel) ?? 0) - Date.now();
      const wait = paused > 0 ? paused : (limiter?.tryTake(row.externalId) ?? 0);
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, wait));
    }
    const shared = this.options.budgets?.get(row.channel);
    if (!shared) return;
    const slot = await shared.budget.reserve(row.channel, slotIntervalMs(shared.perSecond), Date.now());
    const wait = slot - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  private async settle(row: OutboxRecord, result: SendResult): Promise<void> {
    const now = this.now();
    if (result.status === "retry") {
      this.pausedUntil.set(row.channel, Date.now() + result.afterMs);
      this.logger.warn({ channel: row.channel, afterMs: result.afterMs }, "platform asked to slow down");
      await this.store.complete(row.id, result, now, new Date(now.getTime() + result.afterMs));
      return;
    }
    if (result.status === "transient") {
      const attempts = row.attempts + 1;
      if (attempts >= this.options.maxAttempts) {
        await this.store.complete(row.id, { status: "failed", reason: result.reason }, now);
        return;
      }
      const backoff = Math.min(60_000, 500 * 2 ** attempts);
      await this.store.complete(row.id, result, now, new Date(now.getTime() + backoff));
      return;
    }
    if (result.status === "blocked") await this.store.markUnreachable(row.channel, row.externalId);
    if (result.status === "failed") {
      this.logger.warn({ channel: row.channel, outboxId: row.id, reason: result.reason }, "message failed");
    }
    await this.store.complete(row.id, result, now);
  }
}
