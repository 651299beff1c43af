import type { Language } from "./messages";

/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset gives local calendar days. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The local calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Made once per language: building a formatter with a time zone costs about half a millisecond. */
const formatters = new Map<Language, Intl.DateTimeFormat>();

function formatter(lang: Language): Intl.DateTimeFormat {
  let format = formatters.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      hour: "2-digit",
      minute: "2-digit",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hourCycle: "h23",
    });
    formatters.set(lang, format);
  }
  return format;
}

/** "14:05 26/11/2026": time first, as Vietnamese notices write it; the same shape in English. */
export function formatVietnamTime(at: Date, lang: Language): string {
  const parts = formatter(lang).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${get("day")}/${get("month")}/${get("year")}`;
}

/** "2026-11-16" → "16/11": a day on a chart's axis, as Vietnamese write it. */
export function dayMonth(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** "26/11/2026": the Vietnam calendar day of an instant, as dashboard pages and CSV files write dates. */
export function formatVietnamDate(at: Date): string {
  return formatDay(vietnamDay(at));
}

/** "2026-11-26" (a stored local day) as "26/11/2026". */
export function formatDay(isoDay: string): string {
  return isoDay.split("-").reverse().join("/");
}
