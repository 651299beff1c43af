/** Webhook authentication for the Zalo Bot Platform. */
import { createHash, timingSafeEqual } from "node:crypto";

/** Header carrying the `secret_token` given to `setWebhook` (zalo.md §2). Node lower-cases header names. */
export const ZALO_BOT_SECRET_HEADER = "x-bot-api-secret-token";

/**
 * Checks the `X-Bot-Api-Secret-Token` header against the configured secret in constant time. The Bot
 * Platform signs nothing else, so this header is the only proof a request comes from Zalo.
 *
 * Both values are hashed to fixed-length SHA-256 digests before `timingSafeEqual`, which throws on
 * unequal lengths and would otherwise leak the secret's length through an early return. A missing,
 * repeated (array) or empty header, or an empty expected secret (misconfiguration), is rejected.
 */
export function verifyZaloBotSecret(
  headerValue: string | readonly string[] | null | undefined,
  expected: string,
): boolean {
  if (typeof headerValue !== "string" || headerValue.length === 0 || expected.length === 0) return false;
  const got = createHash("sha256").update(headerValue, "utf8").digest();
  const want = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(got, want);
}
