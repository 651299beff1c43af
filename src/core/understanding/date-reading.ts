import { addDays, fullYear, instantOf, isRealDay, type LocalDay, localDay } from "./calendar";
import { readDayWords } from "./time-reading";
import { prepare } from "./words";

/** A typed day of the past (a last vaccine dose, a visit), to the precision it was given. */
export type DateReading =
  | { ok: true; date: Date; precision: "day" | "month" | "year" }
  /** `future`: after today; `too-old`: before `notBefore`; `invalid`: a day that does not exist (31/2). */
  | { ok: false; reason: "unreadable" | "invalid" | "future" | "too-old" };

const FILLERS = new Set([
  "ngay",
  "vao",
  "luc",
  "hom",
  "khoang",
  "tam",
  "cach",
  "day",
  "nam",
  "on",
  "in",
  "a",
  "nha",
]);
const UNITS: Record<string, "day" | "week" | "month" | "year"> = {
  ngay: "day",
  hom: "day",
  day: "day",
  days: "day",
  tuan: "week",
  week: "week",
  weeks: "week",
  thang: "month",
  month: "month",
  months: "month",
  nam: "year",
  year: "year",
  years: "year",
};

interface Found {
  day?: LocalDay;
  month?: { year: number; month: number };
  year?: number;
}

function monthsAgo(today: LocalDay, n: number): LocalDay {
  const total = today.year * 12 + (today.month - 1) - n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(today.day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return { year, month, day, weekday: 0 };
}

/** Reads one form at `at`; returns the words used, 0 when none fits. `null` in `found.day` = invalid. */
function readPastWords(
  words: readonly string[],
  at: number,
  today: LocalDay,
  found: Found,
): number | "invalid" {
  const w = words[at] ?? "";
  const next = words[at + 1] ?? "";
  // "3 tháng trước", "2 tuần trước", "10 ngày trước", "1 năm trước", "3 months ago"
  const unit = UNITS[next];
  if (/^\d{1,3}$/.test(w) && unit && (words[at + 2] === "truoc" || words[at + 2] === "ago")) {
    const n = Number(w);
    if (unit === "day") found.day = addDays(today, -n);
    else if (unit === "week") found.day = addDays(today, -7 * n);
    else if (unit === "month") found.day = monthsAgo(today, n);
    else found.day = monthsAgo(today, 12 * n);
    return 3;
  }
  if (w === "nay" || w === "today") {
    found.day = today;
    return 1;
  }
  if (w === "qua" || w === "yesterday") {
    found.day = addDays(today, -1);
    return 1;
  }
  if (w === "kia" && words[at - 1] === "hom") {
    found.day = addDays(today, -2);
    return 1;
  }
  // "tháng trước" / "last month", "tuần trước" / "last week", "năm ngoái" / "năm trước" / "last year"
  const lastUnit = w === "last" ? UNITS[next] : next === "truoc" || next === "ngoai" ? UNITS[w] : undefined;
  if (lastUnit && lastUnit !== "day") {
    if (lastUnit === "week") found.day = addDays(today, -7);
    else if (lastUnit === "month") {
      const m = monthsAgo(today, 1);
      found.month = { year: m.year, month: m.month };
    } else found.year = today.year - 1;
    return 2;
  }
  // "3/2022", "tháng 3/2022", "tháng 3 năm 2022", "thang 3"
  if (w === "thang" && /^\d{1,2}[/.-]\d{4}$/.test(next)) return 1;
  const monthYear = /^(\d{1,2})[/.-](\d{4})$/.exec(w);
  if (monthYear?.[1] && monthYear[2]) {
    found.month = { month: Number(monthYear[1]), year: Number(monthYear[2]) };
    return 1;
  }
  if (w === "thang" && /^\d{1,2}$/.test(next)) {
    const month = Number(next);
    const hasYear = words[at + 2] === "nam" && /^\d{2,4}$/.test(words[at + 3] ?? "");
    const year = hasYear ? fullYear(words[at + 3] ?? "") : month > today.month ? today.year - 1 : today.year;
    found.month = { month, year };
    return hasYear ? 4 : 2;
  }
  if (/^(19|20)\d{2}$/.test(w)) {
    found.year = Number(w);
    return 1;
  }
  const parts: { day?: { day: number; month: number; year?: number } } = {};
  const used = readDayWords(words, at, parts);
  if (used > 0 && parts.day) {
    const { day, month } = parts.day;
    let year = parts.day.year ?? today.year;
    // Without a year, the most recent such day: 12/3 typed in February is last year's.
    if (parts.day.year === undefined && (month > today.month || (month === today.month && day > today.day))) {
      year -= 1;
    }
    if (!isRealDay(year, month, day)) return "invalid";
    found.day = { year, month, day, weekday: 0 };
    return used;
  }
  return 0;
}

/**
 * Reads a day of the past as people type it: "12/3", "12/03/2022", "12-3-22", "12 tháng 3", "tháng 3/2022",
 * "3/2022", "3 tháng trước", "2 tuần trước", "hôm qua", "tháng trước", "năm ngoái", "2021". A day without a
 * year is the most recent one; the result is the day's midnight in Vietnam (the month's or year's first day
 * for a coarser precision). Days after today are `future`, days before `notBefore` (default: ten years
 * back) `too-old`.
 */
export function readDate(text: string, now: Date, options: { notBefore?: Date } = {}): DateReading {
  const { words } = prepare(text.slice(0, 100));
  if (words.length === 0) return { ok: false, reason: "unreadable" };
  const today = localDay(now);
  const found: Found = {};
  for (let at = 0; at < words.length; ) {
    const used = readPastWords(words, at, today, found);
    if (used === "invalid") return { ok: false, reason: "invalid" };
    const step = used || (FILLERS.has(words[at] ?? "") ? 1 : 0);
    if (step === 0) return { ok: false, reason: "unreadable" };
    at += step;
  }
  let date: Date;
  let precision: "day" | "month" | "year";
  if (found.day) {
    date = instantOf(found.day.year, found.day.month, found.day.day);
    precision = "day";
  } else if (found.month) {
    if (found.month.month < 1 || found.month.month > 12) return { ok: false, reason: "invalid" };
    date = instantOf(found.month.year, found.month.month, 1);
    precision = "month";
  } else if (found.year !== undefined) {
    date = instantOf(found.year, 1, 1);
    precision = "year";
  } else return { ok: false, reason: "unreadable" };
  if (date > now) return { ok: false, reason: "future" };
  const notBefore = options.notBefore ?? new Date(now.getTime() - 10 * 365.25 * 86_400_000);
  // A month or a year is too old only when all of it is: "2021" stays readable in 2031.
  const end =
    precision === "day"
      ? date
      : precision === "month" && found.month
        ? instantOf(found.month.year, found.month.month + 1, 1)
        : instantOf((found.year ?? 0) + 1, 1, 1);
  if (end < notBefore) return { ok: false, reason: "too-old" };
  return { ok: true, date, precision };
}
