import { readTime } from "../../core/understanding/time-reading";
import { VIETNAM_OFFSET_MS } from "../../core/vietnam-time";

// Times officers type are Vietnam local time: a fixed UTC+7 offset is exact (no daylight saving).

/** Local wall-clock parts of an instant in Vietnam. */
function local(now: Date): { y: number; m: number; d: number; weekday: number } {
  const t = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), weekday: t.getUTCDay() };
}

function instant(y: number, m: number, d: number, hh: number, mm: number): Date {
  return new Date(Date.UTC(y, m, d, hh, mm) - VIETNAM_OFFSET_MS);
}

/** "HH:MM" → hours and minutes, or undefined. */
export function parseClock(text: string): { hh: number; mm: number } | undefined {
  const m = /^(\d{1,2})[:h.](\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const hh = Number(m[1]);
  const mm = Number(m[2]);
  return hh < 24 && mm < 60 ? { hh, mm } : undefined;
}

/**
 * Reads a send time typed as people write it, in Vietnam time ("8h", "20h30", "8 giờ tối", "mai 8h", "thứ 2
 * 7:30", "25/12 8h", "21:30"): a time alone is today, or tomorrow when it has passed. A date in the past is
 * refused rather than silently moved to next year. Chat and dashboard share this reading.
 */
export function parseSendTime(text: string, now: Date): Date | "invalid" | "past" {
  const reading = readTime(text, now);
  // A day without an hour ("ngày mai") is not a send time yet: ask again for the hour.
  if (reading.ok) return reading.hasTime ? reading.at : "invalid";
  return reading.reason === "past" ? "past" : "invalid";
}

/** A time of day for a recurring reminder ("7h30", "19:00", "7 giờ tối") as "HH:MM"; a date makes no sense there. */
export function parseTimeOfDay(text: string, now: Date): string | undefined {
  const reading = readTime(text, now);
  if (!reading.ok || reading.hasDate || !reading.hasTime) return undefined;
  const local = new Date(reading.at.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** A date and time in Vietnam for messages, e.g. "08:30 25/12". */
export function formatLocal(at: Date): string {
  const t = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}`;
}

/** The next run of a recurring reminder strictly after `after` (daily, or weekly on `weekday`, 0 = Sunday). */
export function nextRun(
  rule: { every: "daily" | "weekly"; weekday?: number | null; time: string },
  after: Date,
): Date {
  const clock = parseClock(rule.time);
  if (!clock) throw new Error(`bad reminder time ${rule.time}`);
  const { y, m, d } = local(after);
  for (let i = 0; i <= 8; i++) {
    const candidate = instant(y, m, d + i, clock.hh, clock.mm);
    if (candidate <= after) continue;
    if (rule.every === "weekly" && local(candidate).weekday !== rule.weekday) continue;
    return candidate;
  }
  throw new Error("no next run within a week");
}
