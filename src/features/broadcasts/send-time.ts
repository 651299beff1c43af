import { VIETNAM_OFFSET_MS } from "../../core/vietnam-time";

// Times officers type are Vietnam local time: a fixed UTC+7 offset is exact (no daylight saving).
const DAY_MS = 24 * 60 * 60 * 1000;

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
 * Reads "HH:MM" (today, or tomorrow when that time has passed) or "DD/MM HH:MM" (this year) typed by an
 * officer, in Vietnam time. A date in the past is refused rather than silently moved to next year.
 */
export function parseSendTime(text: string, now: Date): Date | "invalid" | "past" {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const clock = parseClock(trimmed);
  if (clock) {
    const { y, m, d } = local(now);
    const today = instant(y, m, d, clock.hh, clock.mm);
    return today > now ? today : new Date(today.getTime() + DAY_MS);
  }
  const full = /^(\d{1,2})[/-](\d{1,2}) (\S+)$/.exec(trimmed);
  const time = full?.[3] ? parseClock(full[3]) : undefined;
  if (!full || !time) return "invalid";
  const day = Number(full[1]);
  const month = Number(full[2]) - 1;
  const { y } = local(now);
  const at = instant(y, month, day, time.hh, time.mm);
  // Date.UTC rolls 31/02 over into March: refuse dates that do not exist.
  if (local(at).d !== day || local(at).m !== month) return "invalid";
  return at.getTime() < now.getTime() - 60_000 ? "past" : at;
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
