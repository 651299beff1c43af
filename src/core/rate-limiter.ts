/**
 * Pacing for one channel: an overall rate (Telegram: about 30 messages/s per bot) and a per-chat rate with a
 * small burst (Telegram: avoid more than about 1 message/s in one chat; short bursts are tolerated, so a
 * three-message reply is not slowed down). Source: the Telegram Bots FAQ ("How can I message all of my bot's subscribers at once?").
 */
export interface RateLimits {
  /**
   * Overall sends per second in this process. Omit it when a shared {@link RateBudget} paces the channel
   * across processes (the per-chat pacing stays local: one chat is only ever served by one worker).
   */
  perSecond?: number;
  perChatPerSecond: number;
  perChatBurst: number;
}

/**
 * The overall limit is promised as "never more than N in ANY one-second window" (what a platform counting
 * requests would see), not "N per second on average". A token bucket cannot promise that: a full bucket of N
 * plus N refilled within the same second lets 2N through. Locally, a log of the last N send times holds the
 * hard line (N per 1 s + margin, the margin absorbing network jitter) and a virtual schedule (GCRA) spaced
 * 1/N + margin keeps sends even, with a tolerance that lets a three-message reply go out at once. The shared
 * budget (several processes) only has the schedule; there the tolerance stays below the margin, so any 1 s
 * window holds at most floor((1000 + TOLERANCE_MS) / interval) + 1 ≤ N sends.
 */
export const SPACING_MARGIN = 0.04;
export const TOLERANCE_MS = 40;

/**
 * Across processes the slots are wider apart and a slot may be used only a little late: between the slot
 * and the call there is a database round trip and a timer in another process, which no local log sees.
 * Any 1 s window then holds at most (1000 + SHARED_TOLERANCE_MS + jitter) / interval + 1 ≤ N calls for a
 * jitter up to ~50 ms at 50/s.
 */
export const SHARED_MARGIN = 0.1;
export const SHARED_TOLERANCE_MS = 20;

/** Milliseconds between two overall sends at `perSecond`, margin included. */
export function slotIntervalMs(perSecond: number, margin = SPACING_MARGIN): number {
  return (1000 * (1 + margin)) / perSecond;
}

/**
 * A schedule of send slots shared by several processes (a database row per channel, see
 * src/db/sql-rate-budget.ts). `reserve` returns the time (epoch ms) at which the caller may send; slots
 * handed out are at least `intervalMs` apart across every process sharing the budget.
 */
export interface RateBudget {
  reserve(channel: string, intervalMs: number, now: number): Promise<number>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  /** Theoretical arrival time of the next overall send (GCRA). */
  private tat: number;
  /** The last N overall slot grants and actual calls, oldest first (N = perSecond). */
  private readonly granted: number[] = [];
  private readonly sent: number[] = [];
  private readonly chats = new Map<string, Bucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.tat = clock();
  }

  /** The overall rate this limiter enforces locally, if any. */
  get perSecond(): number | undefined {
    return this.limits.perSecond;
  }

  /**
   * Takes a slot for `chat` if both the overall schedule and the chat's bucket allow it; otherwise returns
   * how many ms to wait. Never consumes anything when it says "wait", so callers simply retry after the delay.
   */
  tryTake(chat: string): number {
    const now = this.clock();
    const bucket = this.chats.get(chat) ?? { tokens: this.limits.perChatBurst, at: now };
    refill(bucket, now, this.limits.perChatPerSecond, this.limits.perChatBurst);
    this.chats.set(chat, bucket);
    const perSecond = this.limits.perSecond ?? 0;
    const interval = perSecond > 0 ? slotIntervalMs(perSecond) : 0;
    const waitWindow = interval > 0 ? this.windowWait(this.granted, now) : 0;
    const waitSchedule = Math.ceil(this.tat - 3 * interval - now);
    const waitGlobal = interval > 0 ? Math.max(0, waitWindow, waitSchedule) : 0;
    const waitChat =
      bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) / this.limits.perChatPerSecond) * 1000);
    const wait = Math.max(waitGlobal, waitChat);
    if (wait > 0) return wait;
    if (interval > 0) {
      this.tat = Math.max(this.tat, now) + interval;
      this.log(this.granted, now);
    }
    bucket.tokens -= 1;
    if (this.chats.size > 10_000) this.forgetFullBuckets(now);
    return 0;
  }

  /**
   * Called right before the platform call: the send log holds actual call times, not the times slots were
   * granted (between the two lie a database write and, under load, event-loop stalls; a stall would
   * otherwise bunch calls granted a second apart into less than a second). Returns ms to wait, or 0 after
   * logging this call.
   */
  confirmSend(): number {
    if (!this.limits.perSecond) return 0;
    const now = this.clock();
    const wait = this.windowWait(this.sent, now);
    if (wait > 0) return wait;
    this.log(this.sent, now);
    return 0;
  }

  private get cap(): number {
    return Math.max(1, Math.floor(this.limits.perSecond ?? 0));
  }

  private log(times: number[], now: number): void {
    times.push(now);
    if (times.length > this.cap) times.splice(0, times.length - this.cap);
  }

  private windowWait(times: number[], now: number): number {
    if (times.length < this.cap) return 0;
    const oldest = times[times.length - this.cap] ?? 0;
    return Math.max(0, Math.ceil(oldest + 1000 * (1 + SPACING_MARGIN) - now));
  }

  private forgetFullBuckets(now: number): void {
    for (const [key, b] of this.chats) {
      refill(b, now, this.limits.perChatPerSecond, this.limits.perChatBurst);
      if (b.tokens >= this.limits.perChatBurst) this.chats.delete(key);
    }
  }
}

function refill(bucket: Bucket, now: number, ratePerSec: number, capacity: number): void {
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSec);
  bucket.at = now;
}
