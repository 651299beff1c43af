import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares secrets in constant time. Both sides are hashed first so that neither the content nor the
 * length of the expected secret leaks through timing (timingSafeEqual itself needs equal lengths).
 */
export function safeEqual(received: string | undefined, expected: string): boolean {
  if (received === undefined) return false;
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
