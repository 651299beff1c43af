import { vietnamDay } from "../vietnam-time";
import { isRealDay } from "./calendar";
import { readDate } from "./date-reading";

/** A day typed in a form field: the local day "YYYY-MM-DD", or why it cannot be read. */
export type FormDay = { ok: true; day: string } | { ok: false; reason: "unreadable" | "invalid" | "future" };

/**
 * Reads a day typed in a dashboard field: "26/11/2026" as officers write it, "2026-11-26" as a browser's
 * date input sends it, and whatever else the chat understands for a past day ("hôm qua", "26/11").
 */
export function readFormDay(text: string, now: Date): FormDay {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isRealDay(y, m, d)) return { ok: false, reason: "invalid" };
    return { ok: true, day: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
  }
  const reading = readDate(text, now);
  if (!reading.ok) return { ok: false, reason: reading.reason === "too-old" ? "invalid" : reading.reason };
  if (reading.precision !== "day") return { ok: false, reason: "unreadable" };
  return { ok: true, day: vietnamDay(reading.date) };
}
