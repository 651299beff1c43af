import type { Language } from "../../core/messages";
import { VIETNAM_OFFSET_MS } from "../../core/vietnam-time";

/** Office hours in Vietnam time: the weekdays (0 = Sunday) and minute ranges of each day they apply to. */
export interface OfficeHours {
  /** Minute ranges [from, to) after local midnight, per weekday; a day without ranges is closed. */
  readonly days: ReadonlyMap<number, readonly (readonly [number, number])[]>;
  /** The setting as written, shown to officers. */
  readonly source: string;
}

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const MINUTE_MS = 60_000;

/**
 * Reads HANDOVER_OFFICE_HOURS: groups separated by ";", each "<days> <ranges>", days as "Mon-Fri" or
 * "Sat" or "Mon,Wed", ranges as "07:30-11:30,13:30-17:00". Throws a one-line message naming what is wrong
 * (start-up stops on it, src/config.ts).
 */
export function parseOfficeHours(text: string): OfficeHours {
  const days = new Map<number, [number, number][]>();
  for (const group of text
    .split(";")
    .map((g) => g.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z,\- ]+?)\s+(\d.*)$/.exec(group);
    if (!match?.[1] || !match[2])
      throw new Error(`"${group}" should look like "Mon-Fri 07:30-11:30,13:30-17:00"`);
    const weekdays = readDays(match[1]);
    const ranges = match[2].split(",").map((r) => readRange(r.trim()));
    for (const d of weekdays)
      days.set(
        d,
        [...(days.get(d) ?? []), ...ranges].sort((a, b) => a[0] - b[0]),
      );
  }
  if (days.size === 0) throw new Error("no office hours given");
  return { days, source: text.trim() };
}

function readDays(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(",").map((p) => p.trim().toLowerCase())) {
    const [from, to] = part.split("-").map((p) => p.trim().slice(0, 3));
    const a = DAY_NAMES.indexOf(from as (typeof DAY_NAMES)[number]);
    const b = to === undefined ? a : DAY_NAMES.indexOf(to as (typeof DAY_NAMES)[number]);
    if (a < 0 || b < 0) throw new Error(`unknown day "${part}" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
    for (let d = a; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === b) break;
    }
  }
  return out;
}

function readRange(text: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`"${text}" should look like "07:30-11:30"`);
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (from >= to || to > 24 * 60 || Number(m[2]) > 59 || Number(m[4]) > 59)
    throw new Error(`"${text}" is not a range within one day`);
  return [from, to];
}

/** The local weekday and minute of the day of an instant (Vietnam keeps UTC+7 all year). */
function localParts(at: Date): { day: number; minute: number; midnight: number } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const midnight =
    at.getTime() - minute * MINUTE_MS - local.getUTCSeconds() * 1000 - local.getUTCMilliseconds();
  return { day: local.getUTCDay(), minute, midnight };
}

export function isOpen(hours: OfficeHours, at: Date): boolean {
  const { day, minute } = localParts(at);
  return (hours.days.get(day) ?? []).some(([from, to]) => minute >= from && minute < to);
}

/** When officers are next at work: `at` itself while open, else the start of the next range. */
export function nextOpening(hours: OfficeHours, at: Date): Date {
  if (isOpen(hours, at)) return at;
  const { day, minute, midnight } = localParts(at);
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const ranges = hours.days.get((day + ahead) % 7) ?? [];
    const start = ranges.find(([from]) => ahead > 0 || from > minute);
    if (start) return new Date(midnight + (ahead * 24 * 60 + start[0]) * MINUTE_MS);
  }
  return at;
}

const VI_DAYS = ["CN", "Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7"];
const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** "Thứ 2–Thứ 6: 07:30–11:30, 13:30–17:00" — consecutive days with the same hours are joined. */
export function describeHours(hours: OfficeHours, lang: Language): string {
  const names = lang === "vi" ? VI_DAYS : EN_DAYS;
  const order = [1, 2, 3, 4, 5, 6, 0];
  const key = (d: number) => (hours.days.get(d) ?? []).map(([a, b]) => `${hhmm(a)}–${hhmm(b)}`).join(", ");
  const parts: string[] = [];
  for (let i = 0; i < order.length; ) {
    const first = order[i] as number;
    const ranges = key(first);
    let j = i;
    while (j + 1 < order.length && key(order[j + 1] as number) === ranges) j += 1;
    const last = order[j] as number;
    if (ranges) parts.push(`${names[first]}${first === last ? "" : `–${names[last]}`}: ${ranges}`);
    i = j + 1;
  }
  return parts.join("; ");
}

/** "07:30 Thứ 2, 07/12" — when the next answer can be expected, in the person's words. */
export function describeMoment(at: Date, lang: Language): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const day = (lang === "vi" ? VI_DAYS : EN_DAYS)[local.getUTCDay()];
  const date = `${String(local.getUTCDate()).padStart(2, "0")}/${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
  return `${hhmm(local.getUTCHours() * 60 + local.getUTCMinutes())} ${day}, ${date}`;
}
