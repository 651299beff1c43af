import { type Button, namespace, type Text } from "../../core/messages";

/** How often a reminder repeats, as the composer collects it (`weekday`: 0 = Sunday … 6 = Saturday). */
export interface RepeatRule {
  every: "daily" | "weekly";
  weekday?: number;
  time?: string;
}

const broadcastText = namespace("broadcasts");

/** Monday first, as Vietnamese calendars show the week (Thứ Hai … Chủ nhật). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** Daily, or one day of the week. */
export function repeatButtons(): Button[][] {
  const day = (d: number): Button => ({
    label: broadcastText(`repeat.weekday.${d}`),
    payload: `broadcast:every:${d}`,
  });
  return [
    [{ label: broadcastText("repeat.daily"), payload: "broadcast:every:daily" }],
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
    ? broadcastText("repeat.describe.daily", { time: rule.time })
    : broadcastText("repeat.describe.weekly", {
        day: broadcastText(`repeat.weekday.${rule.weekday ?? 1}`),
        time: rule.time,
      });
}
