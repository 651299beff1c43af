import { formatDay, vietnamDay } from "../../core/vietnam-time";
import { codesCoveredBy, type District, findUnitByName } from "../venues/district";
import { unitsForPeriod } from "../venues/units-for-period";

/**
 * A report request that cannot be run, with the message key (`dashboard:report.errors.*`) and its
 * parameters: the command prints it as one line, in the reader's language, and exits 2.
 */
export class ReportInputError extends Error {
  override readonly name = "ReportInputError";
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

/**
 * A Vietnam calendar day typed as 2026-11-16 or as Vietnamese write it, 16/11/2026 (or 16-11-2026, 16.11.2026).
 * Returns YYYY-MM-DD; a day that does not exist (30/02) is refused rather than rolled into March.
 */
export function parseReportDay(typed: string, option: "from" | "to"): string {
  const text = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    !y ||
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    throw new ReportInputError("badDay", { option: `--${option}`, typed: text || "…" });
  return date.toISOString().slice(0, 10);
}

/** The report's period; `to` before `from` is refused (a swapped pair is the usual slip). */
export function parseReportPeriod(from: string, to: string): { from: string; to: string } {
  const period = { from: parseReportDay(from, "from"), to: parseReportDay(to, "to") };
  if (period.to < period.from)
    throw new ReportInputError("toBeforeFrom", {
      from: formatDay(period.from),
      to: formatDay(period.to),
    });
  return period;
}

/** A commune asked for with `--commune`: the name the title shows and the stored codes its rows cover. */
export interface CommuneChoice {
  name: string;
  codes: string[];
  /** Why the report shows another unit than the one typed (`dashboard:report.notes.*`), if it does. */
  note?: { key: string; params: Record<string, string> };
}

/**
 * Reads a `--commune` value — a GSO code or a name typed with or without "xã" and diacritics ("binh hai") — as
 * meant in the period reported. The name of a unit that was merged before the period means the xã it became
 * part of; the name of an xã that did not exist yet means the former units it was formed from.
 */
export function chooseCommune(district: District, typed: string, toDay: string, now: Date): CommuneChoice {
  const match = findUnitByName(district, typed, toDay);
  if (match.kind === "unit")
    return { name: match.unit.name, codes: codesCoveredBy(district, match.unit.code, toDay) };
  if (match.kind === "former")
    return {
      name: match.unit.name,
      codes: codesCoveredBy(district, match.unit.code, toDay),
      note: {
        key: "merged",
        params: {
          former: match.former.name,
          unit: match.unit.name,
          date: formatDay(match.unit.validFrom),
        },
      },
    };
  if (match.kind === "ambiguous")
    throw new ReportInputError("ambiguousCommune", {
      typed,
      options: match.units.map((u) => `${u.name} (${u.code})`).join(", "),
    });
  const today = vietnamDay(now);
  const later = findUnitByName(district, typed, today);
  if (later.kind === "unit" && later.unit.validFrom > toDay)
    return {
      name: later.unit.name,
      codes: codesCoveredBy(district, later.unit.code, today),
      note: { key: "notYet", params: { unit: later.unit.name, date: formatDay(later.unit.validFrom) } },
    };
  const known = unitsForPeriod(district, toDay, toDay).units.map((u) => `${u.name} (${u.code})`);
  throw new ReportInputError("unknownCommune", { typed, options: known.join(", ") });
}
