import { formatDay, vietnamDay } from "../../core/vietnam-time";
import type { DashboardStore } from "../dashboard/dashboard-store";
import { type District, unitsInForce } from "../venues/district";
import { unitsForPeriod } from "../venues/units-for-period";
import type { CommuneChoice } from "./report-input";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The counted columns of a report row, in the order the CSV and the PDF table show them. */
export const REPORT_COLUMNS = [
  "newVenues",
  "venuesTotal",
  "target",
  "checkins",
  "subscribers",
  "broadcasts",
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** One commune's line of the report (and the total line, with the district's name). */
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

/** A report for a period: one row per commune, their total, and the check-ins per day. */
export interface Report {
  district: string;
  from: string;
  to: string;
  /** Names of the communes asked for (the title names them); null = the whole area. */
  communes: string[] | null;
  rows: ReportRow[];
  /**
   * Sums of the rows, except broadcasts: distinct broadcasts sent in the window (one sent to every commune
   * counts once, not once per row). `target` is null when no row has one.
   */
  total: ReportRow;
  days: { day: string; checkins: number }[];
  /** Notes the report prints under its title (`dashboard:report.notes.*`). */
  notes: { key: string; params: Record<string, string | number> }[];
}

/** A report window from Vietnam calendar days, `to` inclusive. */
export function reportWindow(from: string, to: string): { start: Date; end: Date } {
  return {
    start: new Date(`${from}T00:00:00+07:00`),
    end: new Date(Date.parse(`${to}T00:00:00+07:00`) + DAY_MS),
  };
}

/**
 * Builds the report from the dashboard read model, over the units in force for the period
 * ({@link unitsForPeriod}); `communes` (null = all) narrows it to the rows covering their codes.
 */
export async function buildReport(
  store: DashboardStore,
  district: District,
  period: { from: string; to: string },
  communes: CommuneChoice[] | null,
): Promise<Report> {
  const { start, end } = reportWindow(period.from, period.to);
  const wanted = communes && new Set(communes.flatMap((c) => c.codes));
  const all = unitsForPeriod(district, period.from, period.to);
  const units = all.units.filter((u) => !wanted || u.covers.some((c) => wanted.has(c)));
  const scope = [...new Set(units.flatMap((u) => u.covers))];
  const [newVenues, allVenues, targets, visits, subscribers, broadcasts] = await Promise.all([
    store.venuesRegistered(scope, start, end),
    store.venuesRegistered(scope, new Date(0), end),
    store.targets(),
    store.visitTimes(scope, start, end),
    store.subscribersPerCommune(scope),
    store.listBroadcasts(scope, 10_000, start, end),
  ]);
  // Targets are set on the dashboard for today's units, by code: in an older period a reused code (21040) meant
  // another unit, whose target this is not.
  const targeted = new Set(
    unitsInForce(district, period.to)
      .filter((u) => u.validTo === null)
      .map((u) => u.code),
  );
  const sent = broadcasts.filter((b) => b.status !== "cancelled" && b.status !== "scheduled");
  const checkins = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) perDay.set(vietnamDay(new Date(t)), 0);
  for (const v of visits) {
    checkins.set(v.communeCode, (checkins.get(v.communeCode) ?? 0) + 1);
    const day = vietnamDay(v.at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const rows = units.map((u) => ({
    communeCode: u.code,
    communeName: u.name,
    newVenues: sumOver(newVenues, u.covers),
    venuesTotal: sumOver(allVenues, u.covers),
    target: targeted.has(u.code) ? (targets.get(u.code) ?? null) : null,
    checkins: sumOver(checkins, u.covers),
    subscribers: sumOver(subscribers, u.covers),
    broadcasts: sent.filter((b) => !b.communes || b.communes.some((c) => u.covers.includes(c))).length,
  }));
  const sum = (k: Exclude<ReportColumn, "target">) => rows.reduce((total, r) => total + r[k], 0);
  const withTarget = rows.filter((r) => r.target !== null);
  const notes: Report["notes"] = [];
  if (all.changedOn)
    notes.push({ key: "spanning", params: { date: formatDay(all.changedOn), count: all.grouped.length } });
  for (const c of communes ?? []) if (c.note) notes.push(c.note);
  const total: ReportRow = {
    communeCode: "",
    communeName: communes ? communes.map((c) => c.name).join(", ") : district.district.name,
    newVenues: sum("newVenues"),
    venuesTotal: sum("venuesTotal"),
    target: withTarget.length ? withTarget.reduce((t, r) => t + (r.target ?? 0), 0) : null,
    checkins: sum("checkins"),
    subscribers: sum("subscribers"),
    broadcasts: sent.length,
  };
  if (rows.length > 1 && total.broadcasts !== sum("broadcasts"))
    notes.push({ key: "broadcastsOnce", params: {} });
  return {
    district: district.district.name,
    from: period.from,
    to: period.to,
    communes: communes ? [...new Set(communes.map((c) => c.name))] : null,
    rows,
    total,
    days: [...perDay.entries()].map(([day, n]) => ({ day, checkins: n })),
    notes,
  };
}

function sumOver(counts: Map<string, number>, codes: string[]): number {
  return codes.reduce((total, code) => total + (counts.get(code) ?? 0), 0);
}
