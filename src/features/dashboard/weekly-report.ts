import { vietnamDay } from "../../core/vietnam-time";
import { codesCoveredBy, type District, unitsInForce } from "../venues/district";
import { toCsv } from "./csv";
import type { DashboardStore } from "./dashboard-store";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One commune's line of the report. */
export interface ReportRow {
  communeCode: string;
  communeName: string;
  /** Venues registered within the window. */
  newVenues: number;
  /** All venues registered up to the end of the window (the bar chart), and the commune's target. */
  venuesTotal: number;
  target: number | null;
  checkins: number;
  /** Active subscribers of the commune now (the count has no history). */
  subscribers: number;
  /** Broadcasts sent in the window that reached the commune (aimed at it, or district-wide). */
  broadcasts: number;
}

/** The weekly-style report: one row per commune and the check-ins per day of the window. */
export interface WeeklyReport {
  district: string;
  from: string;
  to: string;
  rows: ReportRow[];
  days: { day: string; checkins: number }[];
  /** Distinct broadcasts sent in the window (a district-wide one counts once, not once per commune). */
  broadcastsTotal: number;
}

/** A report window from Vietnam calendar days, `to` inclusive. */
export function reportWindow(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(Date.parse(`${to}T00:00:00+07:00`) + DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start)
    throw new RangeError("the window must be --from YYYY-MM-DD --to YYYY-MM-DD with from ≤ to");
  return { start, end };
}

/** Builds the report for `communes` (null = every commune of the district) from the dashboard read model. */
export async function buildWeeklyReport(
  store: DashboardStore,
  district: District,
  window: { from: string; to: string },
  communes: string[] | null,
): Promise<WeeklyReport> {
  const { start, end } = reportWindow(window.from, window.to);
  // One row per unit in force at the end of the window; records stored with a former unit count in the unit
  // it became part of.
  const units = unitsInForce(district, end).filter(
    (u) => !communes || codesCoveredBy(district, u.code, end).some((c) => communes.includes(c)),
  );
  const covered = new Map(units.map((u) => [u.code, codesCoveredBy(district, u.code, end)]));
  const scope = [...new Set([...covered.values()].flat())];
  const [newVenues, allVenues, targets, visits, subscribers, broadcasts] = await Promise.all([
    store.venuesRegistered(scope, start, end),
    store.venuesRegistered(scope, new Date(0), end),
    store.targets(),
    store.visitTimes(scope, start, end),
    store.subscribersPerCommune(scope),
    store.listBroadcasts(scope, 10_000, start, end),
  ]);
  const sent = broadcasts.filter((b) => b.status !== "cancelled" && b.status !== "scheduled");
  const checkins = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) perDay.set(vietnamDay(new Date(t)), 0);
  for (const v of visits) {
    checkins.set(v.communeCode, (checkins.get(v.communeCode) ?? 0) + 1);
    const day = vietnamDay(v.at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return {
    district: district.district.name,
    from: window.from,
    to: window.to,
    rows: units.map((u) => ({
      communeCode: u.code,
      communeName: u.name,
      newVenues: sumOver(newVenues, covered.get(u.code)),
      venuesTotal: sumOver(allVenues, covered.get(u.code)),
      target: targets.get(u.code) ?? null,
      checkins: sumOver(checkins, covered.get(u.code)),
      subscribers: sumOver(subscribers, covered.get(u.code)),
      broadcasts: sent.filter((b) => !b.communes || b.communes.some((c) => covered.get(u.code)?.includes(c)))
        .length,
    })),
    days: [...perDay.entries()].map(([day, n]) => ({ day, checkins: n })),
    broadcastsTotal: sent.length,
  };
}

/** The report as CSV (UTF-8 with BOM), headers in the given labels' language. */
export function weeklyReportCsv(report: WeeklyReport, label: (key: string) => string): string {
  const keys = ["newVenues", "venuesTotal", "target", "checkins", "subscribers", "broadcasts"] as const;
  return toCsv([
    ["from", "to", "communeCode", "commune", ...keys].map((k) => label(k)),
    ...report.rows.map((r) => [
      report.from,
      report.to,
      r.communeCode,
      r.communeName,
      ...keys.map((k) => (k === "target" ? (r.target ?? "") : r[k])),
    ]),
  ]);
}

function sumOver(counts: Map<string, number>, codes: string[] | undefined): number {
  return (codes ?? []).reduce((total, code) => total + (counts.get(code) ?? 0), 0);
}
