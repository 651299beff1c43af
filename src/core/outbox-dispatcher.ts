import type { Logger } from "./logger";
import type { ChannelId } from "./messages";
import { MicroBatch } from "./micro-batch";
import type { ChannelSender, OutboxRecord, OutboxStore } from "./ports";
import { type RateBudget, type RateLimiter, SHARED_MARGIN, slotIntervalMs } from "./rate-limiter";
import { DELIVERY_UNKNOWN, type SendResult } from "./rendered";

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
  private readonly wakers = new Set<() => void>();
  private readonly now: () => Date;
  /** Per channel: do not send before this time (a 429 pauses the whole channel, as Telegram asks). */
  private readonly pausedUntil = new Map<ChannelId, number>();
  private readonly slots = new Map<ChannelId, Semaphore>();
  private readonly sendingGate: MicroBatch<{ id: number; claim: string }, boolean>;
  private readonly sentLog: MicroBatch<number, undefined>;
  private lastSettled = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: OutboxStore,
    private readonly senders: Map<ChannelId, ChannelSender>,
    private readonly limiters: Map<ChannelId, RateLimiter>,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    // The gate waits only 2 ms: a row is "sending" just before its call. Sent rows are written every 25 ms;
    // a crash in between leaves them "sending" → settled failed (never resent), reported as unknown.
    this.sendingGate = new MicroBatch((rows) => store.markSending(rows, options.leaseMs, this.now()), 2, 100);
    this.sentLog = new MicroBatch(
      async (ids) => {
        await store.completeSent(ids, this.now());
        return ids.map(() => undefined);
      },
      25,
      200,
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Two loops: one claims the next batch while the other's is still going out, so there is no gap
    // between batches (claims are exclusive, so the loops never share a row or a recipient).
    this.loop = Promise.all([this.run(), this.run()]).then(() => undefined);
  }

  /**
   * Signals that new rows were queued, so a loop does not wait for its idle delay. One idle loop is woken:
   * a loop that finds work keeps going, so waking both only doubled the claim queries for each reply.
   */
  notify(): void {
    const [wake] = this.wakers;
    wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await this.loop;
    await this.sentLog.flush();
  }

  /** Sends everything that is due now and returns how many rows were handled (tests and tools). */
  async drainOnce(): Promise<number> {
    await this.settleAbandoned();
    const rows = await this.store.claimDue(
      this.options.workerId,
      this.options.batchSize ?? 200,
      this.options.leaseMs,
      this.now(),
    );
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  /**
   * Expired leases are looked for at most every half lease (and at least every second), not on every
   * round: a round per reply made these two statements a large part of answering a message.
   */
  private async settleAbandoned(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastSettled < Math.min(1000, this.options.leaseMs / 2)) return;
    this.lastSettled = now.getTime();
    await this.store.settleAbandoned(now);
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
        let wake: (() => void) | undefined;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleDelayMs);
          wake = () => {
            if (wake) this.wakers.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          this.wakers.add(wake);
        });
        if (wake) this.wakers.delete(wake);
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
    // The in-flight slot is taken before pacing: every call between its rate decision and its answer holds
    // one, so what the platform sees in any second is at most the paced calls plus this small number.
    const slots = this.inFlight(row.channel);
    await slots.acquire();
    try {
      if (await this.readyToSend(row)) await this.send(sender, row);
    } finally {
      slots.release();
    }
  }

  /**
   * Takes the rate slot and moves the row to "sending"; false when its claim was lost. The claim stays ours
   * until its lease ends, and nobody else may take the row before that: so a database hiccup on the way
   * (the shared rate budget and the move to "sending" are writes) is waited out here, rather than leaving
   * the row claimed and idle for the rest of its lease.
   */
  private async readyToSend(row: OutboxRecord): Promise<boolean> {
    const claimed = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.pace(row);
        await this.sharedSlot(row);
        // Claimed rows wait for their slot without being "sending": a crash while waiting returns them to
        // the queue. From here on the call is in flight, and a crash leaves its outcome unknown (ADR 004).
        // The conditional update also drops a row whose claim expired and was taken by another worker.
        return await this.sendingGate.add({ id: row.id, claim: row.claim });
      } catch (error) {
        if (!this.running || Date.now() - claimed > this.options.leaseMs) throw error;
        this.logger.warn({ err: error, outboxId: row.id, attempt }, "outbox row waits for the database");
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
      }
    }
  }

  /**
   * Calls in flight per channel (from rate decision to answer) are capped at 3 % of the channel's rate per
   * second, at least 2. When the process falls behind (CPU, event-loop stalls), granted calls would
   * otherwise pile up and reach the platform in a bunch, above the limit; the pacing leaves about 4 % of
   * headroom for exactly this. The cap also bounds what a crash can leave "delivery unknown". The price: the
   * rate is at most cap / round-trip time (2 calls at 100 ms ≈ 20/s for a limit of 25/s).
   */
  private inFlight(channel: ChannelId): Semaphore {
    let slots = this.slots.get(channel);
    if (!slots) {
      const perSecond =
        this.options.budgets?.get(channel)?.perSecond ?? this.limiters.get(channel)?.perSecond;
      slots = new Semaphore(perSecond ? Math.max(2, Math.floor(perSecond * 0.03)) : 1000);
      this.slots.set(channel, slots);
    }
    return slots;
  }

  private async send(sender: ChannelSender, row: OutboxRecord): Promise<void> {
    const limiter = this.limiters.get(row.channel);
    for (let wait = limiter?.confirmSend() ?? 0; wait > 0; wait = limiter?.confirmSend() ?? 0) {
      await new Promise((r) => setTimeout(r, wait));
    }
    let result: SendResult;
    try {
      result = await sender.send(row.externalId, row.message, {
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        ...(row.purpose ? { purpose: row.purpose } : {}),
      });
    } catch (error) {
      // A sender is not meant to throw; if it did, nobody knows how far the call got.
      const reason = error instanceof Error ? error.message : String(error);
      result = { status: "transient", reason, maybeDelivered: true };
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
  }

  /**
   * The shared schedule's slot is taken while the row is still only "claimed" (a crash while waiting for it
   * loses nothing); between slot and call lie only the move to "sending" and the call itself, which the
   * shared margin and tolerance allow for (see rate-limiter.ts).
   */
  private async sharedSlot(row: OutboxRecord): Promise<void> {
    const shared = this.options.budgets?.get(row.channel);
    if (!shared) return;
    const slot = await shared.budget.reserve(
      row.channel,
      slotIntervalMs(shared.perSecond, SHARED_MARGIN),
      Date.now(),
    );
    const wait = slot - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  private async settle(row: OutboxRecord, result: SendResult): Promise<void> {
    if (result.status === "sent" && result.quotaType === undefined) {
      // Not awaited: the in-flight slot is freed at the answer, the row is written with the next batch.
      this.sentLog.add(row.id).catch((error: unknown) => {
        this.logger.error({ err: error, outboxId: row.id }, "could not record a sent message");
      });
      return;
    }
    const now = this.now();
    if (result.status === "retry") {
      this.pausedUntil.set(row.channel, Date.now() + result.afterMs);
      this.logger.warn({ channel: row.channel, afterMs: result.afterMs }, "platform asked to slow down");
      await this.store.complete(row.id, result, now, new Date(now.getTime() + result.afterMs));
      return;
    }
    if (result.status === "transient") {
      // A broadcast must never reach anyone twice: a call that may have gone through is not repeated
      // (a reply is, since a person waiting for an answer is better served by two than by none).
      if (result.maybeDelivered && row.broadcastId) {
        this.logger.warn(
          { channel: row.channel, outboxId: row.id, reason: result.reason },
          "delivery unknown",
        );
        await this.store.complete(row.id, { status: "failed", reason: DELIVERY_UNKNOWN }, now);
        return;
      }
      const attempts = row.attempts + 1;
      if (attempts >= this.options.maxAttempts) {
        await this.store.complete(row.id, { status: "failed", reason: result.reason }, now);
        return;
      }
      const backoff = Math.min(60_000, 500 * 2 ** attempts);
      await this.store.complete(row.id, result, now, new Date(now.getTime() + backoff));
      return;
    }
    // "skipped" (outside a messaging window) is settled as it is: the person stays reachable.
    if (result.status === "blocked") await this.store.markUnreachable(row.channel, row.externalId);
    if (result.status === "failed") {
      this.logger.warn({ channel: row.channel, outboxId: row.id, reason: result.reason }, "message failed");
    }
    await this.store.complete(row.id, result, now);
  }
}

/** A counting semaphore: at most `size` holders at once, the others wait in order. */
class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.held < this.size) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}
