import { vietnamDay } from "../../core/vietnam-time";
import { type AdminUnit, codesCoveredBy, type District, unitsInForce } from "./district";

/** One row of a per-commune table: a unit in force and the stored codes whose records count in it. */
export interface PeriodUnit {
  code: string;
  name: string;
  /** The unit's own code and those of the former units it took in. */
  covers: string[];
}

/** The rows of a per-commune table for a period, and whether the period spans a reorganisation. */
export interface PeriodUnits {
  units: PeriodUnit[];
  /**
   * The first day of the units of the period's end when the period began under other units (1/7/2025 for
   * Bình Sơn); null when one set of units was in force throughout.
   */
  changedOn: string | null;
  /** Units in force at the start of the period that are grouped under another unit by its end. */
  grouped: AdminUnit[];
}

/**
 * The units a report or a dashboard table lists for a period of Vietnam days (both included): those in force
 * on its last day, each counting the records stored under the former units it was formed from. A period
 * before 1/7/2025 lists the 22 units of the former district; one after, or spanning, lists the 5 xã. The codes
 * the reorganisation reused (21040 …) always passed to the xã that kept them, so a stored code is never split.
 */
export function unitsForPeriod(district: District, fromDay: string, toDay: string): PeriodUnits {
  const atEnd = unitsInForce(district, toDay);
  const units = atEnd.map((u) => ({
    code: u.code,
    name: u.name,
    covers: codesCoveredBy(district, u.code, toDay),
  }));
  const grouped = unitsInForce(district, fromDay).filter((u) => !atEnd.includes(u));
  // The latest start among the units at the end: the day the reorganisation took effect.
  const changedOn = grouped.length
    ? (atEnd
        .map((u) => u.validFrom)
        .sort()
        .at(-1) ?? null)
    : null;
  return { units, changedOn, grouped };
}

/** The units of today's tables (the dashboard's overview counts everything registered up to now). */
export function unitsToday(district: District, now: Date = new Date()): PeriodUnits {
  const today = vietnamDay(now);
  return unitsForPeriod(district, today, today);
}
