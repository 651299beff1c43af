import type { Language } from "../../core/messages";

/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset gives local calendar days. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The local calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** "14:05 26/11/2026": time first, as Vietnamese notices write it; the same shape in English. */
export function formatVietnamTime(at: Date, lang: Language): string {
  const parts = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${get("day")}/${get("month")}/${get("year")}`;
}
