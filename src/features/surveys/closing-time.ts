import { readTime } from "../../core/understanding/time-reading";

/**
 * A survey's closing time typed as people type it ("mai 17h", "20/12", "thứ 6 17h"), in Vietnam time, read
 * the same way in chat and on the dashboard. A day without a time closes at the end of that day, not at its
 * midnight start; a time already past is refused rather than moved.
 */
export function readClosingTime(text: string, now: Date): Date | "invalid" | "past" {
  const at = readTime(text, now);
  if (!at.ok) return at.reason === "past" ? "past" : "invalid";
  const closesAt = at.hasTime ? at.at : new Date(at.at.getTime() + 86_400_000 - 60_000);
  return closesAt > now ? closesAt : "past";
}
