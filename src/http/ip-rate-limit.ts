/**
 * A per-IP budget of requests (web chat posts, check-in form posts): false means "too many, try again in a
 * minute". In memory for one process; in the database when several share it (src/db/sql-ip-rate-limit.ts),
 * where a balancer spreading a flooder over N processes would otherwise give it N times the limit.
 */
export interface IpRateLimit {
  take(key: string): boolean | Promise<boolean>;
}

/**
 * A small token bucket per key (an IP address): `perMinute` requests, refilled continuously, with the
 * same burst. In memory and per process: it blunts a script hammering a form; it is not a quota system.
 */
export class KeyedRateLimit implements IpRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes a token for `key`; false means "too many, try again in a minute". */
  take(key: string): boolean {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.forgetFull(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  // Bounded memory: buckets that refilled completely carry no information.
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
    }
  }
}
