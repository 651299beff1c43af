import { z } from "zod";
import { foldText } from "../../core/fold-text";
import { vietnamDay } from "../../core/vietnam-time";

// Commune-level unit types in Vietnam: xã (rural commune), phường (urban ward), thị trấn (township).
const UNIT_TYPES = ["xa", "phuong", "thi-tran"] as const;

const namedCodeSchema = z.object({
  code: z.string().regex(/^\d+$/, "GSO codes are digits"),
  name: z.string().trim().min(1),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD");

const unitSchema = z.object({
  code: z.string().regex(/^\d{5}$/, "commune GSO codes have 5 digits"),
  name: z.string().trim().min(1),
  type: z.enum(UNIT_TYPES),
  /** Codes of the units this one was formed from (a reorganisation); may name units of another district. */
  formedFrom: z.array(z.string().regex(/^\d{5}$/)).optional(),
});

const periodSchema = z.object({
  validFrom: isoDay,
  validTo: isoDay.nullable().optional(),
  note: z.string().optional(),
  units: z.array(unitSchema).min(1),
});

const districtSchema = z
  .object({
    province: namedCodeSchema,
    /** The area served: the district as it was named when the product was built. */
    district: namedCodeSchema,
    note: z.string().optional(),
    /** The unit lists one after another, oldest first. */
    periods: z.array(periodSchema).min(1).optional(),
    // A file with one list (the shape before 2025) is one period.
    units: z.array(unitSchema).min(1).optional(),
    validFrom: isoDay.optional(),
    validTo: isoDay.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.periods && !value.units)
      ctx.addIssue({ code: "custom", path: ["periods"], message: "required" });
    const periods = value.periods ?? [{ units: value.units ?? [] }];
    periods.forEach((period, p) => {
      // Within one period a duplicated code would make a stored venue's commune ambiguous. Across periods a
      // code may come back with a new meaning (21040 was Thị trấn Châu Ổ, is Xã Bình Sơn since 1/7/2025).
      const seen = new Set<string>();
      period.units.forEach((unit, index) => {
        if (seen.has(unit.code)) {
          const path = value.periods ? ["periods", p, "units", index, "code"] : ["units", index, "code"];
          ctx.addIssue({ code: "custom", path, message: `duplicate code ${unit.code}` });
        }
        seen.add(unit.code);
      });
    });
  });

/** One commune-level unit (xã, phường or thị trấn), with the days it existed. */
export interface AdminUnit {
  code: string;
  name: string;
  type: (typeof UNIT_TYPES)[number];
  formedFrom: string[];
  /** First day in force (YYYY-MM-DD). */
  validFrom: string;
  /** Last day in force, or null while it is still in force. */
  validTo: string | null;
}

/** A district's configuration: its province, the district itself and its units through time. */
export interface District {
  province: { code: string; name: string };
  district: { code: string; name: string };
  /** Every unit that ever existed in the area, oldest period first. Use {@link unitsInForce} for pickers. */
  units: AdminUnit[];
}

/** Thrown by {@link loadDistrict} when the district file does not match the expected shape. */
export class DistrictDataError extends Error {
  override readonly name = "DistrictDataError";
}

/**
 * Validates parsed district JSON (e.g. `data/districts/binh-son.json`, read from a configurable path so
 * another district can be served) and returns it typed. Throws {@link DistrictDataError} listing every
 * problem, so a bad file stops start-up with a clear message instead of failing mid-conversation.
 */
export function loadDistrict(json: unknown): District {
  const parsed = districtSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new DistrictDataError(`invalid district data: ${problems.join("; ")}`);
  }
  const data = parsed.data;
  const periods = data.periods ?? [
    { validFrom: data.validFrom ?? "0000-01-01", validTo: data.validTo ?? null, units: data.units ?? [] },
  ];
  const units = periods.flatMap((period) =>
    period.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      type: unit.type,
      formedFrom: unit.formedFrom ?? [],
      validFrom: period.validFrom,
      validTo: period.validTo ?? null,
    })),
  );
  return { province: data.province, district: data.district, units };
}

const dayOf = (at: Date | string): string => (typeof at === "string" ? at : vietnamDay(at));

function inForce(unit: AdminUnit, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || day <= unit.validTo);
}

/** The units in force on a day (Vietnam time), in the file's order: what a picker offers. */
export function unitsInForce(district: District, at: Date | string = new Date()): AdminUnit[] {
  const day = dayOf(at);
  return district.units.filter((unit) => inForce(unit, day));
}

/**
 * The unit a stored code means: the one with that code in force on `at` (a venue's registration day, say),
 * else the latest unit that ever had the code. `21040` stored in 2021 is Thị trấn Châu Ổ, stored in 2026 it
 * is Xã Bình Sơn; `21067` is always Xã Bình Hải, which no longer exists.
 */
export function findUnit(
  district: District,
  code: string,
  at: Date | string = new Date(),
): AdminUnit | undefined {
  const day = dayOf(at);
  const withCode = district.units.filter((unit) => unit.code === code);
  return withCode.find((unit) => inForce(unit, day)) ?? withCode.at(-1);
}

/** The unit in force on `at` that a former unit became part of (itself while it is still in force). */
export function successorOf(
  district: District,
  unit: AdminUnit,
  at: Date | string = new Date(),
): AdminUnit | undefined {
  const day = dayOf(at);
  if (inForce(unit, day)) return unit;
  const later = district.units.filter(
    (u) => u.validFrom > unit.validFrom && u.formedFrom.includes(unit.code),
  );
  const next = later.find((u) => inForce(u, day)) ?? later[0];
  return next && next !== unit ? successorOf(district, next, at) : undefined;
}

/**
 * Every code whose stored records lie inside a unit in force on `at`: its own code and those it was formed from.
 * A message to Xã Vạn Tường must also reach people who chose Xã Bình Hải in 2021.
 */
export function codesCoveredBy(district: District, code: string, at: Date | string = new Date()): string[] {
  const unit = findUnit(district, code, at);
  if (!unit) return [code];
  const former = unit.formedFrom.filter((c) =>
    district.units.some((u) => u.code === c && u.validTo !== null),
  );
  return [...new Set([unit.code, ...former])];
}

/** What a typed commune name or code resolved to. */
export type UnitMatch =
  | { kind: "unit"; unit: AdminUnit }
  /** A unit that no longer exists, with the unit in force it is now part of. */
  | { kind: "former"; unit: AdminUnit; former: AdminUnit }
  /** Several places fit (e.g. "binh thanh" without diacritics: Bình Thạnh and Bình Thanh); ask again. */
  | { kind: "ambiguous"; units: AdminUnit[] }
  | { kind: "none" };

const PREFIX = /^(xa|x\.|thi tran|tt\.?|phuong|p\.)\s*/;

/** "Xã Bình Hải" → "bình hải": lower case, prefix removed, diacritics kept (so Bình Thạnh ≠ Bình Thanh). */
function exactKey(text: string): string {
  const lower = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return lower.replace(/^(xã|thị trấn|tt\.?|phường|x\.|p\.)\s*/u, "");
}

/**
 * The words around a commune's name that people type with it: "binh hai commune", "commune of Binh Hai",
 * "em ở Bình Hải ạ". Only those; what is left must still be a name.
 */
function withoutPlaceWords(text: string): string {
  return text
    .replace(/^(?:(?:em|tôi|toi|mình|minh|tui|con|nhà|nha)\s+)?(?:ở|o|tại|tai|thuộc|thuoc)\s+/iu, "")
    .replace(/^(?:the\s+)?(?:commune|ward|township)\s+(?:of\s+)?/iu, "")
    .replace(/[\s,.!]+(?:ạ|a|nha|nhé|nhe|ah|ak)$/iu, "")
    .replace(/[\s,]+(?:commune|ward|township|town)$/iu, "")
    .trim();
}

function foldedKey(text: string): string {
  return foldText(text).replace(PREFIX, "");
}

/**
 * The keys of the units' own names, kept once computed: the names are a few dozen fixed strings, and every
 * typed message that could be a commune is compared with all of them (a profile of the webhook bench had
 * these comparisons at 2 % of the server's time).
 */
const UNIT_KEYS = new Map<string, { exact: string; folded: string }>();

function unitKeys(name: string): { exact: string; folded: string } {
  let keys = UNIT_KEYS.get(name);
  if (!keys) {
    keys = { exact: exactKey(name), folded: foldedKey(name) };
    UNIT_KEYS.set(name, keys);
  }
  return keys;
}

/**
 * Resolves what a person typed — a GSO code, or a commune name with or without "xã", with or without
 * diacritics — to a unit in force on `at`. A name with diacritics that matches exactly wins over matches
 * found by folding, so "Bình Thanh" is Bình Thanh while "binh thanh" is ambiguous. The name of a former unit
 * is accepted and mapped ("Bình Hải" → Xã Vạn Tường, with the former unit so the reply can say so).
 */
export function findUnitByName(district: District, text: string, at: Date | string = new Date()): UnitMatch {
  const typed = withoutPlaceWords(text.trim());
  if (!typed) return { kind: "none" };
  if (/^\d{5}$/.test(typed)) {
    const unit = findUnit(district, typed, at);
    return unit ? resolve(district, [unit], at) : { kind: "none" };
  }
  const typedExact = exactKey(typed);
  const exact = district.units.filter((u) => unitKeys(u.name).exact === typedExact);
  if (exact.length > 0) return resolve(district, exact, at);
  const typedFolded = foldedKey(typed);
  const folded = district.units.filter((u) => unitKeys(u.name).folded === typedFolded);
  return folded.length > 0 ? resolve(district, folded, at) : { kind: "none" };
}

function resolve(district: District, hits: AdminUnit[], at: Date | string): UnitMatch {
  const day = dayOf(at);
  // A name that exists today ("Bình Minh", both the 2020 and the 2025 xã) means today's unit.
  const current = hits.filter((u) => inForce(u, day));
  if (current.length === 1 && current[0]) return { kind: "unit", unit: current[0] };
  if (current.length > 1) return { kind: "ambiguous", units: current };
  const places = new Map<string, AdminUnit>();
  for (const hit of hits) places.set(`${hit.code}@${hit.validFrom}`, hit);
  const former = [...places.values()];
  if (former.length > 1) return { kind: "ambiguous", units: former };
  const only = former[0];
  const successor = only ? successorOf(district, only, at) : undefined;
  return only && successor ? { kind: "former", unit: successor, former: only } : { kind: "none" };
}

/**
 * A commune named inside a sentence: "tôi muốn nhận tin của xã Bình Sơn", "nhan thong bao xa van tuong". The
 * longest unit name found in the folded words, resolved as {@link findUnitByName} resolves a name typed alone;
 * "none" when no name is there, or when one follows "huyện" (the district of the same name is not its xã).
 */
export function findUnitMentioned(
  district: District,
  text: string,
  at: Date | string = new Date(),
): UnitMatch {
  const words = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let best: { length: number; name: string[] } | undefined;
  for (const unit of district.units) {
    const name = unitKeys(unit.name).folded.split(" ");
    if (best && name.length < best.length) continue;
    for (let at = 0; at + name.length <= words.length; at += 1) {
      if (words[at - 1] === "huyen" || !name.every((w, i) => words[at + i] === w)) continue;
      if (!best || name.length > best.length) best = { length: name.length, name };
      break;
    }
  }
  // The folded name, so two units that differ only by diacritics come back ambiguous.
  return best ? findUnitByName(district, best.name.join(" "), at) : { kind: "none" };
}
