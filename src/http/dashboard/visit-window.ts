import { readFormDay } from "../../core/understanding/form-day";
import { formatVietnamTime } from "../../core/vietnam-time";
import { parseWindow, type TimeWindow } from "../../features/checkin/tracing-service";

/** How far back the visits page looks when no window is typed: one incubation period (14 days). */
export const DEFAULT_WINDOW_DAYS = 14;

export type WindowError = "fromUnreadable" | "toUnreadable" | "reversed" | "tooLong";

/**
 * A point typed in a window field: "26/11/2026", "26/11/2026 08:30", "08:30 26/11/2026" (as the pages print
 * times) or "2026-11-26". A day without a time is its start for `from` and its end for `to`.
 */
function readPoint(text: string, edge: "from" | "to", now: Date): Date | undefined {
  const clock = /(?:^|\s)(\d{1,2})[:h](\d{2})(?:\s|$)/.exec(` ${text} `);
  const dayText = clock ? ` ${text} `.replace(clock[0], " ").trim() : text.trim();
  const day = readFormDay(dayText, now);
  if (!day.ok) return undefined;
  const [hh, mm] = clock ? [Number(clock[1]), Number(clock[2])] : [0, 0];
  if (hh > 23 || mm > 59) return undefined;
  const at = new Date(`${day.day}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00+07:00`);
  return edge === "to" && !clock ? new Date(at.getTime() + 86_400_000) : at;
}

/**
 * The tracing window typed on the visits page, checked by the tracing service's own rules (`parseWindow`:
 * from before to, at most MAX_WINDOW_DAYS), so the page and the API refuse the same windows.
 */
export function readVisitWindow(
  typed: { from: string; to: string },
  now: Date,
): { ok: true; window: TimeWindow } | { ok: false; error: WindowError } {
  const from = typed.from
    ? readPoint(typed.from, "from", now)
    : new Date(now.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (!from) return { ok: false, error: "fromUnreadable" };
  const to = typed.to ? readPoint(typed.to, "to", now) : now;
  if (!to) return { ok: false, error: "toUnreadable" };
  const checked = parseWindow(from.toISOString(), to.toISOString());
  if (checked.ok) return checked;
  return { ok: false, error: from >= to ? "reversed" : "tooLong" };
}

/** A window's ends as the fields show them again. */
export function typedWindow(window: TimeWindow, lang: "vi" | "en"): { from: string; to: string } {
  const shown = (d: Date) => formatVietnamTime(d, lang).split(" ").reverse().join(" ");
  return { from: shown(window.from), to: shown(window.to) };
}
