import { createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../safe-equal";

/** The cookie holding the browser's random nonce (double submit: the form carries a token bound to it). */
export const CHECKIN_COOKIE = "ck_nonce";

/** A form may be submitted this long after the page was opened (a queue at a market gate can be slow). */
export const FORM_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * CSRF protection for the no-JavaScript check-in form: a signed double submit. The page sets a random
 * nonce in an HttpOnly cookie and puts `issuedAt.HMAC(venue code, nonce, issuedAt)` in a hidden field.
 * A forged cross-site post cannot read the cookie, so it cannot produce a matching token; a token copied
 * from one venue's page does not work on another's, and an old one expires.
 */
export class CheckinCsrf {
  constructor(
    private readonly secret: string,
    private readonly ttlMs = FORM_TTL_MS,
  ) {}

  newNonce(): string {
    return randomBytes(16).toString("base64url");
  }

  /** A nonce from a cookie, if it looks like one we issued (else the caller issues a new one). */
  validNonce(value: string | undefined): string | undefined {
    return value && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : undefined;
  }

  token(code: string, nonce: string, now: Date): string {
    const issuedAt = String(now.getTime());
    return `${issuedAt}.${this.sign(code, nonce, issuedAt)}`;
  }

  verify(token: unknown, code: string, nonce: string | undefined, now: Date): boolean {
    if (typeof token !== "string" || !nonce || !this.validNonce(nonce)) return false;
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match?.[1] || !match[2]) return false;
    const age = now.getTime() - Number(match[1]);
    // A little slack for clock steps between processes; never a token from the far future.
    if (age > this.ttlMs || age < -60_000) return false;
    return safeEqual(match[2], this.sign(code, nonce, match[1]));
  }

  private sign(code: string, nonce: string, issuedAt: string): string {
    return createHmac("sha256", this.secret)
      .update(`checkin|${code}|${nonce}|${issuedAt}`)
      .digest("base64url");
  }
}
