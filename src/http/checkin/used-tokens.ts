/**
 * Form tokens already used for a check-in, each with the phone it checked in. One token is one check-in:
 * sending it again with the same phone is the same visit (a double tap, a reload), with another phone it
 * is refused, so a script cannot create check-ins for many numbers with one opened page. Remembered for
 * the token's lifetime. In memory and per process, bounded like the per-IP limits: it raises the cost of
 * a script (a page per check-in), it is not a ledger.
 */
export class UsedTokens {
  private readonly used = new Map<string, { phone: string; until: number }>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly max = 100_000,
  ) {}

  /** Marks `token` used by `phone`; false when another phone used it already. */
  claim(token: string, phone: string, now: number): boolean {
    const seen = this.used.get(token);
    if (seen && seen.until > now) return seen.phone === phone;
    this.used.set(token, { phone, until: now + this.lifetimeMs });
    if (this.used.size > this.max) this.forget(now);
    return true;
  }

  private forget(now: number): void {
    for (const [token, entry] of this.used) {
      if (entry.until <= now || this.used.size > this.max) this.used.delete(token);
    }
  }
}
