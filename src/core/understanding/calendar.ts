import { VIETNAM_OFFSET_MS } from "../vietnam-time";

/** A calendar day in Vietnam. `weekday`: 0 Sunday … 6 Saturday, as `Date.getUTCDay`. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** The Vietnam calendar day of an instant. */
export function localDay(at: Date): LocalDay {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

/** The instant of a Vietnam wall-clock time. */
export function instantOf(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VIETNAM_OFFSET_MS);
}

/** The day `days` after `from` (negative: before). */
export function addDays(from: LocalDay, days: number): LocalDay {
  return localDay(new Date(instantOf(from.year, from.month, from.day).getTime() + days * 86_400_000));
}

/** True when the day exists (no 31/2, no 29/2 outside leap years). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "22" → 2022, "2022" → 2022. */
export function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** "thứ 2" … "chủ nhật", "t2", "cn", "monday": the weekday number, for the word(s) at `at`. */
export function readWeekday(
  words: readonly string[],
  at: number,
): { weekday: number; length: number } | undefined {
  const w = words[at] ?? "";
  const next = words[at + 1] ?? "";
  const short = /^t([2-7])$/.exec(w);
  if (short?.[1]) return { weekday: Number(short[1]) - 1, length: 1 };
  if (w === "cn" || w === "sunday" || w === "sun") return { weekday: 0, length: 1 };
  if (w === "chu" && next === "nhat") return { weekday: 0, length: 2 };
  if (w === "thu") {
    const n = /^[2-7]$/.test(next) ? Number(next) : VIETNAMESE_ORDINALS.indexOf(next) + 2;
    if (n >= 2 && n <= 7) return { weekday: n - 1, length: 2 };
  }
  const english = ENGLISH_DAYS.indexOf(w);
  return english >= 0 ? { weekday: (english % 6) + 1, length: 1 } : undefined;
}

const VIETNAMESE_ORDINALS = ["hai", "ba", "tu", "nam", "sau", "bay"];
// Monday … Saturday, then their short forms: index % 6 + 1 is the weekday.
const ENGLISH_DAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
];
