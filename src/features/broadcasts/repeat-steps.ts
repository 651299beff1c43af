import { type Button, type Text, type TextParam, t } from "../../core/messages";

/** How often a reminder repeats, as the composer collects it (`weekday`: 0 = Sunday … 6 = Saturday). */
export interface RepeatRule {
  every: "daily" | "weekly";
  weekday?: number;
  time?: string;
}

const b = (key: string, params?: Record<string, TextParam>) => t(`broadcasts:${key}`, params);

/** Monday first, as Vietnamese calendars show the week (Thứ Hai … Chủ nhật). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** Daily, or one day of the week. */
export function repeatButtons(): Button[][] {
  const day = (d: number): Button => ({ label: b(`repeat.weekday.${d}`), payload: `broadcast:every:${d}` });
  return [
    [{ label: b("repeat.daily"), payload: "broadcast:every:daily" }],
    WEEK.slice(0, 4).map(day),
    WEEK.slice(4).map(day),
  ];
}

/** The rule a repeat button's argument (`broadcast:every:<value>`) stands for, or undefined. */
export function repeatChoice(value: string): RepeatRule | undefined {
  if (value === "daily") return { every: "daily" };
  const weekday = /^[0-6]$/.test(value) ? Number(value) : undefined;
  return weekday === undefined ? undefined : { every: "weekly", weekday };
}

/** "hằng ngày lúc 07:30", "vào Thứ Hai hằng tuần lúc 07:30". */
export function describeRepeat(rule: {
  every: "daily" | "weekly";
  weekday?: number | null;
  time: string;
}): Text {
  return rule.every === "daily"
    ? b("repeat.describe.daily", { time: rule.time })
    : b("repeat.describe.weekly", { day: b(`repeat.weekday.${rule.weekday ?? 1}`), time: rule.time });
}
