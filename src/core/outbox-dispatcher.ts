import type { Logger } from "./logger";
import type { ChannelId } from "./messages";
import type { Metrics } from "./metrics";
import { MicroBatch } from "./micro-batch";
import type { ChannelSender, ClaimFilter, OutboxRecord, OutboxStore } from "./ports";
import { DELIVERY_UNKNOWN, type SendResult } from "./ports";
import { type RateBudget, type RateLimiter, SHARED_MARGIN, slotIntervalMs } from "./rate-limiter";
import { Semaphore } from "./semaphore";

export interface DispatcherOptions {
  workerId: string;
  /** How long a claimed row stays ours; a crashed worker's rows are settled after this. */
  leaseMs: number;
  /** Transient failures are retried with exponential backoff up to this many attempts. */
  maxAttempts: number;
  idleDelayMs: number;
  /**
   * Rows one lane holds at most (default 200): replies across channels, or one channel's broadcast rows
   * (there about two seconds' worth of the channel's rate, if that is less).
   */
  batchSize?: number;
  /**
   * Shared overall pacing across processes (PostgreSQL), per channel with its rate. A channel listed here
   * gets its slots from the budget; its local limiter then only paces single chats.
   */
  budgets?: Map<ChannelId, { budget: RateBudget; perSecond: number }>;
  /** Sends by result and rate-limiter waits, for `GET /metrics`. */
  metrics?: Pick<Metrics, "send" | "rateWait">;
  now?: () => Date;
}

/** In-flight slot ranks: a turn's first reply, its follow-ups, broadcast rows. */
const FIRST_RANK = 0;
const FOLLOW_UP_RANK = 1;
const BROADCAST_RANK = 2;
/** Recipients whose last turn is remembered for ranking: a few minutes of replies at full rate. */
const REMEMBERED_TURNS = 10_000;

/**
 * One stream of claims: the replies (every channel), or one channel's broadcast rows. A lane tops itself
 * up as its rows go out instead of waiting for a whole batch, so a slow or paused channel holds only its
 * own lane, and a reply is claimed while a broadcast's rows are still waiting for their rate slots.
 */
/** The reply lane's shortest gap between two claims: a few ms of latency buys one claim per burst. */
const CLAIM_GAP_MS = 5;

interface Lane {
  filter: ClaimFilter;
  /** Rows this lane may hold at once (claimed, waiting or in flight). */
  capacity: number;
  /** Per channel, rows held: the reply lane stops claiming for a channel at half its capacity. */
  held: Map<ChannelId, number>;
  /** Something changed (new rows, a row settled): claim again before waiting. */
  dirty: boolean;
  /**
   * The last claim may have left due rows behind (it filled the lane, or left out a channel at half its
   * room): only then does a settled row make the lane claim again. Otherwise every sent reply would cost an
   * empty claim, a transaction on the connection the inbox commits on (it cut processed updates by 3×).
   */
  starved: boolean;
  /** When this lane last claimed (ms): the reply lane claims at most every CLAIM_GAP_MS. */
  lastClaimAt: number;
  wake: (() => void) | undefined;
  idleMs: number;
}

/**
 * Drains the outbox: one in-flight message per recipient (order kept), each channel paced by its limiter,
 * `retry_after` honoured, transient errors retried with capped backoff, blocked recipients marked. Replies
 * go before broadcast rows at every step (claim, in-flight slot), and each channel's broadcast rows are
 * claimed on their own, so one channel's rate never holds another channel's sends (issue 16).
 */
export class OutboxDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly lanes: Lane[] = [];
  private readonly deliveries = new Set<Promise<void>>();
  private readonly now: () => Date;
  /** Per channel: do not send before this time (a 429 pauses the whole channel, as Telegram asks). */
  private readonly pausedUntil = new Map<ChannelId, number>();
  private readonly slots = new Map<ChannelId, Semaphore>();
  private readonly sendingGate: MicroBatch<{ id: number; claim: string }, boolean>;
  private readonly sentLog: MicroBatch<number, undefined>;
  private lastSettled = Number.NEGATIVE_INFINITY;
  /** Per recipient, when the last reply handed out here was queued (see replyRank). */
  private readonly lastTurn = new Map<string, number>();

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
    const size = this.options.batchSize ?? 200;
    const channels = [...this.senders.keys()];
    const lane = (filter: ClaimFilter, capacity: number, idleMs: number): Lane => ({
      starved: false,
      lastClaimAt: 0,
      filter,
      capacity,
      held: new Map(),
      dirty: true,
      wake: undefined,
      idleMs,
    });
    // Broadcast lanes look less often when idle: starting a broadcast notifies them anyway.
    const slow = this.options.idleDelayMs * 4;
    this.lanes.push(lane({ kind: "replies" }, size, this.options.idleDelayMs));
    for (const channel of channels) {
      const perSecond = this.ratePerSecond(channel);
      const capacity = perSecond ? Math.min(size, Math.max(20, Math.ceil(perSecond * 2))) : size;
      this.lanes.push(lane({ kind: "broadcasts", channels: [channel] }, capacity, slow));
    }
    // Rows to a channel that is off are settled (failed) by a lane of their own.
    this.lanes.push(lane({ kind: "broadcasts", otherThan: channels }, size, slow));
    this.loop = Promise.all(this.lanes.map((l) => this.run(l))).then(() => undefined);
  }

  /**
   * Signals that new rows were queued, so a lane does not wait for its idle delay: replies wake the reply
   * lane only (once per processed update, so it must stay one claim), broadcast rows every lane.
   */
  notify(kind: "replies" | "broadcasts" = "replies"): void {
    for (const lane of this.lanes) {
      if (kind === "broadcasts" || lane.filter.kind === "replies") this.poke(lane);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const lane of this.lanes) this.poke(lane);
    await this.loop;
    await Promise.all([...this.deliveries]);
    this.lanes.length = 0;
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
    await Promise.all(rows.map((row) => this.deliver(row, !row.broadcastId)));
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

  private poke(lane: Lane): void {
    lane.dirty = true;
    lane.wake?.();
  }

  /**
   * A lane's loop: claim as many rows as it has room for, hand each to its delivery without waiting for
   * the others, and claim again when rows were settled or new ones queued.
   */
  private async run(lane: Lane): Promise<void> {
    while (this.running) {
      const room = lane.capacity - sum(lane.held);
      // A broadcast lane tops up at half its capacity: a claim per settled row would be a query per send.
      const worthClaiming = lane.filter.kind === "replies" ? room > 0 : room >= lane.capacity / 2;
      let claimed = 0;
      if (lane.dirty && worthClaiming) {
        // Under load many updates finish within a few ms: one claim takes all their replies.
        const wait = lane.lastClaimAt + CLAIM_GAP_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lane.dirty = false;
        lane.lastClaimAt = Date.now();
        try {
          claimed = await this.claimFor(lane, room);
        } catch (error) {
          // Tried again after the idle delay (or sooner when rows are queued), not in a tight loop.
          this.logger.error({ err: error }, "outbox dispatch failed");
        }
      }
      if (claimed > 0 || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.poke(lane), lane.idleMs);
        lane.wake = () => {
          lane.wake = undefined;
          clearTimeout(timer);
          resolve();
        };
        if (lane.dirty && worthClaiming) lane.wake();
      });
    }
  }

  private async claimFor(lane: Lane, room: number): Promise<number> {
    await this.settleAbandoned();
    // The reply lane leaves out a channel holding half its room (a channel paused by a 429, say): its
    // replies wait, the other channels' replies do not.
    const full = [...lane.held].filter(([, n]) => n >= lane.capacity / 2).map(([c]) => c);
    const filter = full.length
      ? { ...lane.filter, otherThan: [...(lane.filter.otherThan ?? []), ...full] }
      : lane.filter;
    const rows = await this.store.claimDue(
      this.options.workerId,
      room,
      this.options.leaseMs,
      this.now(),
      filter,
    );
    lane.starved = rows.length >= room || full.length > 0;
    for (const row of rows) {
      lane.held.set(row.channel, (lane.held.get(row.channel) ?? 0) + 1);
      const delivery = this.deliver(row, lane.filter.kind === "replies")
        .catch((error: unknown) =>
          this.logger.error({ err: error, outboxId: row.id }, "outbox dispatch failed"),
        )
        .finally(() => {
          lane.held.set(row.channel, (lane.held.get(row.channel) ?? 1) - 1);
          this.deliveries.delete(delivery);
          if (lane.starved) this.poke(lane);
        });
      this.deliveries.add(delivery);
    }
    return rows.length;
  }

  /**
   * `urgent`: a reply (or what its recipient must get first), which takes the next in-flight slot, a turn's
   * first message before the follow-ups of other turns: on a channel at its limit (Zalo Bot: 10 calls/s)
   * a person's second and third messages would otherwise make the next person wait for their first.
   */
  private async deliver(row: OutboxRecord, urgent: boolean): Promise<void> {
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
    await this.inFlight(row.channel).run(
      async () => {
        if (await this.readyToSend(row)) await this.send(sender, row);
      },
      urgent ? this.replyRank(row) : BROADCAST_RANK,
    );
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
   * 0 for the first message of a turn, 1 for the ones after it: a row queued together with the last row
   * handed out here to that recipient (one turn's rows share their queueing time) is a follow-up. Only one
   * row per recipient is claimed at a time, so this sees each turn's rows in order.
   */
  private replyRank(row: OutboxRecord): number {
    if (!row.queuedAt || row.broadcastId) return FIRST_RANK;
    const recipient = `${row.channel}:${row.externalId}`;
    const turn = row.queuedAt.getTime();
    const followUp = this.lastTurn.get(recipient) === turn;
    this.lastTurn.delete(recipient);
    this.lastTurn.set(recipient, turn);
    if (this.lastTurn.size > REMEMBERED_TURNS) {
      const oldest = this.lastTurn.keys().next().value;
      if (oldest !== undefined) this.lastTurn.delete(oldest);
    }
    return followUp ? FOLLOW_UP_RANK : FIRST_RANK;
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
      const perSecond = this.ratePerSecond(channel);
      slots = new Semaphore(perSecond ? Math.max(2, Math.floor(perSecond * 0.03)) : 1000);
      this.slots.set(channel, slots);
    }
    return slots;
  }

  private ratePerSecond(channel: ChannelId): number | undefined {
    return this.options.budgets?.get(channel)?.perSecond ?? this.limiters.get(channel)?.perSecond;
  }

  private async send(sender: ChannelSender, row: OutboxRecord): Promise<void> {
    const limiter = this.limiters.get(row.channel);
    for (let wait = limiter?.confirmSend() ?? 0; wait > 0; wait = limiter?.confirmSend() ?? 0) {
      await new Promise((r) => setTimeout(r, wait));
    }
    let result: SendResult;
    try {
      result = await sender.send(row.externalId, row.message, {
        outboxId: row.id,
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        ...(row.purpose ? { purpose: row.purpose } : {}),
      });
    } catch (error) {
      // A sender is not meant to throw; if it did, nobody knows how far the call got.
      const reason = error instanceof Error ? error.message : String(error);
      result = { status: "transient", reason, maybeDelivered: true };
    }
    this.options.metrics?.send(row.channel, result.status);
    await this.settle(row, result);
  }

  private async pace(row: OutboxRecord): Promise<void> {
    const limiter = this.limiters.get(row.channel);
    const started = Date.now();
    for (;;) {
      const paused = (this.pausedUntil.get(row.channel) ?? 0) - Date.now();
      const wait = paused > 0 ? paused : (limiter?.tryTake(row.externalId) ?? 0);
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, wait));
    }
    if (Date.now() > started) this.options.metrics?.rateWait(row.channel, (Date.now() - started) / 1000);
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
    if (wait > 0) {
      this.options.metrics?.rateWait(row.channel, wait / 1000);
      await new Promise((r) => setTimeout(r, wait));
    }
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

function sum(counts: Map<ChannelId, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
