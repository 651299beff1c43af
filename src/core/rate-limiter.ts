/**
 * Token buckets for one channel: an overall rate (Telegram: about 30 messages/s per bot) and a per-chat rate
 * with a small burst (Telegram: avoid more than about 1 message/s in one chat; short bursts are tolerated,
 * so a three-message reply is not slowed down). Source: Telegram Bots FAQ, see ../shared/platforms/telegram.md.
 */
export interface RateLimits {
  perSecond: number;
  perChatPerSecond: number;
  perChatBurst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly global: Bucket;
  private readonly chats = new Map<string, Bucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
  ) {
    // Start with a single token: a restarted process must not burst a full second's worth on top of what
    // another process is sending.
    this.global = { tokens: 1, at: clock() };
  }

  /**
   * Takes a token for `chat` if both buckets have one; otherwise returns how many ms to wait.
   * Never consumes a token when it says "wait", so callers can simply retry after the delay.
   */
  tryTake(chat: string): number {
    const now = this.clock();
    refill(this.global, now, this.limits.perSecond, Math.max(1, this.limits.perSecond));
    const bucket = this.chats.get(chat) ?? { tokens: this.limits.perChatBurst, at: now };
    refill(bucket, now, this.limits.perChatPerSecond, this.limits.perChatBurst);
    this.chats.set(chat, bucket);
    const waitGlobal = waitFor(this.global, this.limits.perSecond);
    const waitChat = waitFor(bucket, this.limits.perChatPerSecond);
    const wait = Math.max(waitGlobal, waitChat);
    if (wait > 0) return wait;
    this.global.tokens -= 1;
    bucket.tokens -= 1;
    if (this.chats.size > 10_000) this.forgetFullBuckets(now);
    return 0;
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

function waitFor(bucket: Bucket, ratePerSec: number): number {
  return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) / ratePerSec) * 1000);
}
