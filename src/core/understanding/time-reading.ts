import { addDays, fullYear, instantOf, isRealDay, type LocalDay, localDay, readWeekday } from "./calendar";
import { prepare } from "./words";

/** A typed date and/or time of the future (a broadcast's send time, a reminder). */
export type TimeReading =
  | {
      ok: true;
      at: Date;
      hasDate: boolean;
      hasTime: boolean;
      /** A time typed without a day that has passed today was moved to tomorrow ("8h" at 9:00): confirm it. */
      rolledToTomorrow: boolean;
    }
  /**
   * `unreadable`: not a time; `invalid`: a day or hour that does not exist (31/2, 25h); `past`: before now
   * (`at` says when it was); `too-far`: more than a year ahead.
   */
  | { ok: false; reason: "unreadable" | "invalid" | "too-far" }
  | { ok: false; reason: "past"; at: Date };

/** Parts of a typed time, filled as words are read. */
interface Parts {
  day?: { day: number; month: number; year?: number };
  offset?: number;
  weekday?: number;
  nextWeek?: boolean;
  hour?: number;
  minute?: number;
  period?: "sang" | "trua" | "chieu" | "toi" | "dem" | "am" | "pm";
}

/** Words that say nothing: "lúc 8h", "vào ngày mai", "8h nhé", "at 8pm on monday". */
const FILLERS = new Set([
  "luc",
  "vao",
  "ngay",
  "hom",
  "buoi",
  "khoang",
  "tam",
  "at",
  "on",
  "nhe",
  "nha",
  "a",
  "di",
  "gui",
]);
const PERIODS: Record<string, NonNullable<Parts["period"]>> = {
  sang: "sang",
  trua: "trua",
  chieu: "chieu",
  dem: "dem",
  am: "am",
  pm: "pm",
  morning: "sang",
  afternoon: "chieu",
  evening: "toi",
  tonight: "toi",
  night: "dem",
};

/**
 * Reads one word (or a few) at `at` into `parts`; returns how many words it used, 0 when it cannot.
 * Shared by {@link readTime} and the past-date reader for the day forms they have in common.
 */
export function readDayWords(words: readonly string[], at: number, parts: Parts): number {
  const w = words[at] ?? "";
  const next = words[at + 1] ?? "";
  const dm = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(w);
  if (dm?.[1] && dm[2]) {
    parts.day = { day: Number(dm[1]), month: Number(dm[2]), ...(dm[3] ? { year: fullYear(dm[3]) } : {}) };
    return 1;
  }
  // "25 tháng 12", "ngày 25 tháng 12 năm 2026"
  if (/^\d{1,2}$/.test(w) && next === "thang" && /^\d{1,2}$/.test(words[at + 2] ?? "")) {
    const hasYear = words[at + 3] === "nam" && /^\d{4}$/.test(words[at + 4] ?? "");
    parts.day = {
      day: Number(w),
      month: Number(words[at + 2]),
      ...(hasYear ? { year: Number(words[at + 4]) } : {}),
    };
    return hasYear ? 5 : 3;
  }
  const weekday = readWeekday(words, at);
  if (weekday) {
    parts.weekday = weekday.weekday;
    return weekday.length;
  }
  return 0;
}

function readClock(words: readonly string[], at: number, parts: Parts): number {
  const w = words[at] ?? "";
  const next = words[at + 1] ?? "";
  // 8h, 8h30, 8g30, 8:30, 20:00, 08h00, 8h30p, 8am, 8:30pm
  const clock = /^(\d{1,2})(?:(?:h|g|:)(\d{1,2})?(?:p|ph)?)?(am|pm)?$/.exec(w);
  if (!clock?.[1]) return 0;
  const marked = w !== clock[1];
  let used = 1;
  let minute = clock[2] ? Number(clock[2]) : 0;
  if (clock[3]) parts.period = clock[3] as "am" | "pm";
  if (!marked) {
    // A bare number is an hour only with "giờ", a period word, "am/pm" or after "lúc" ("lúc 8").
    if (next === "gio" || next === "g" || next === "h") used = 2;
    else if (!(next in PERIODS || next === "toi" || words[at - 1] === "luc" || words[at - 1] === "at"))
      return 0;
  }
  const after = words[at + used] ?? "";
  if ((marked || used === 2) && !clock[2] && /^\d{1,2}$/.test(after)) {
    minute = Number(after);
    used += words[at + used + 1] === "phut" ? 2 : 1;
  } else if (after === "ruoi") {
    minute = 30;
    used += 1;
  }
  parts.hour = Number(clock[1]);
  parts.minute = minute;
  return used;
}

function readPeriod(
  words: readonly string[],
  exactWords: readonly string[],
  at: number,
  parts: Parts,
): number {
  const w = words[at] ?? "";
  const period = PERIODS[w];
  if (period) {
    parts.period = period;
    return 1;
  }
  // "tối" is evening; "tới" (next, as in "tuần tới") folds to the same "toi": only the diacritics tell.
  if (w === "toi" && exactWords[at] !== "tới" && exactWords[at] !== "tôi" && words[at - 1] !== "tuan") {
    parts.period = "toi";
    return 1;
  }
  return 0;
}

function readRelative(words: readonly string[], at: number, parts: Parts): number {
  const w = words[at] ?? "";
  const next = words[at + 1] ?? "";
  if (w === "nay" || w === "today" || w === "tonight") parts.offset = 0;
  else if (w === "mai" || w === "tomorrow") parts.offset = next === "mot" ? 2 : 1;
  else if (w === "mot" || w === "kia") parts.offset = 2;
  else if (w === "tuan" && (next === "sau" || next === "toi")) {
    parts.nextWeek = true;
    return 2;
  } else if (w === "next" && next === "week") {
    parts.nextWeek = true;
    return 2;
  } else if (w === "next" && readWeekday(words, at + 1)) {
    parts.nextWeek = true;
    return 1;
  } else return 0;
  if (w === "tonight") parts.period = "toi";
  return w === "mai" && next === "mot" ? 2 : 1;
}

/** The hour on a 24-hour clock, or undefined when it cannot be one ("25h", "13 giờ sáng"). */
function hour24(hour: number, period: Parts["period"]): number | undefined {
  if (hour > 23) return undefined;
  switch (period) {
    case "am":
      return hour > 12 ? undefined : hour % 12;
    case "pm":
    case "chieu":
    case "toi":
      return hour > 12 ? hour : hour === 12 && period !== "pm" ? 12 : (hour % 12) + 12;
    case "trua":
      return hour >= 1 && hour <= 4 ? hour + 12 : hour;
    case "dem":
      return hour >= 6 && hour <= 11 ? hour + 12 : hour === 12 ? 0 : hour;
    case "sang":
      return hour > 12 ? undefined : hour;
    default:
      return hour;
  }
}

/** Reads the words into parts, or returns false on any word it cannot place. */
export function readParts(text: string, parts: Parts): boolean {
  const { words, exactWords } = prepare(text.slice(0, 100));
  if (words.length === 0) return false;
  for (let at = 0; at < words.length; ) {
    const used =
      readDayWords(words, at, parts) ||
      readClock(words, at, parts) ||
      readPeriod(words, exactWords, at, parts) ||
      readRelative(words, at, parts) ||
      (FILLERS.has(words[at] ?? "") ? 1 : 0);
    if (used === 0) return false;
    at += used;
  }
  return true;
}

/** The day the parts name, or undefined for none; `null` when the day does not exist. */
function dayOf(parts: Parts, today: LocalDay, pastFirst: boolean): LocalDay | null | undefined {
  if (parts.day) {
    const { day, month } = parts.day;
    let year = parts.day.year ?? today.year;
    const before = month < today.month || (month === today.month && day < today.day);
    // A day a few months back is a slip to report as past ("1/11" typed on 1/12), not a plan for next year;
    // further back it is next year's ("5/1" typed on 20/12).
    const monthsBack = (today.month - month + 12) % 12;
    if (parts.day.year === undefined && before && !pastFirst && monthsBack > 3) year += 1;
    if (
      parts.day.year === undefined &&
      !before &&
      pastFirst &&
      !(month === today.month && day === today.day)
    ) {
      year -= 1;
    }
    return isRealDay(year, month, day) ? { year, month, day, weekday: 0 } : null;
  }
  if (parts.weekday !== undefined) {
    const ahead = (parts.weekday - today.weekday + 7) % 7;
    if (!parts.nextWeek) return addDays(today, ahead);
    // The weekday of next week, weeks starting on Monday as Vietnamese calendars do.
    const mondayBased = (d: number) => (d + 6) % 7;
    return addDays(today, 7 - mondayBased(today.weekday) + mondayBased(parts.weekday));
  }
  if (parts.offset !== undefined) return addDays(today, parts.offset);
  return undefined;
}

/**
 * Reads a date and/or time of the future as people type it in Vietnam (UTC+7): "8h", "8h30", "8 giờ 30",
 * "8g30", "20:00", "8:30 tối", "8 giờ rưỡi", "mai 8h", "thứ 2 8h", "chủ nhật", "t7", "cn", "25/12",
 * "25/12 8h", "25-12-2026 20:30", "tomorrow 8am", "8pm". Any word it cannot place makes the text unreadable
 * rather than half-read. A day without a year is this year's, or next year's when this year's is more than three months
 * gone (5/1 typed on 20/12); a day up to three months back reads as past (a slip, explained and asked again);
 * a weekday is the next one (today when the time is still ahead); a time alone is today, or tomorrow once it
 * has passed (`rolledToTomorrow`). A day without a time reads as its midnight with `hasTime: false`.
 */
export function readTime(text: string, now: Date): TimeReading {
  const parts: Parts = {};
  if (!readParts(text, parts)) return { ok: false, reason: "unreadable" };
  const hasTime = parts.hour !== undefined;
  const today = localDay(now);
  const day = dayOf(parts, today, false);
  if (day === null) return { ok: false, reason: "invalid" };
  if (!hasTime && !day) return { ok: false, reason: "unreadable" };
  const hour = hasTime ? hour24(parts.hour ?? 0, parts.period) : 0;
  if (hour === undefined || (parts.minute ?? 0) > 59) return { ok: false, reason: "invalid" };
  const on = day ?? today;
  let at = instantOf(on.year, on.month, on.day, hour, parts.minute ?? 0);
  let rolledToTomorrow = false;
  if (hasTime && at <= now) {
    if (!day) {
      const tomorrow = addDays(today, 1);
      at = instantOf(tomorrow.year, tomorrow.month, tomorrow.day, hour, parts.minute ?? 0);
      rolledToTomorrow = true;
    } else if (parts.weekday !== undefined && !parts.nextWeek) {
      at = new Date(at.getTime() + 7 * 86_400_000);
    }
  }
  const dayStart = hasTime ? at : new Date(at.getTime() + 86_400_000);
  if (dayStart <= now) return { ok: false, reason: "past", at };
  if (at.getTime() - now.getTime() > 366 * 86_400_000) return { ok: false, reason: "too-far" };
  return { ok: true, at, hasDate: day !== undefined, hasTime, rolledToTomorrow };
}
