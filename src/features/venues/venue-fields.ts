import type { Text } from "../../core/messages";
import { isVenueCategory } from "./categories";
import { type District, findUnitByName } from "./district";
import { isNoAnswer } from "./no-answer";
import { normaliseVietnamesePhone } from "./phone";
import { unitMatchNote } from "./unit-texts";
import type { VenueDetails } from "./venue-store";

/** The fields of a venue as entered, in the order the chat asks for them. */
export const VENUE_FIELDS = [
  "name",
  "category",
  "communeCode",
  "address",
  "contactName",
  "contactPhone",
] as const;
export type VenueField = (typeof VENUE_FIELDS)[number];

/**
 * A valid value (with a note to show, e.g. that a former commune was mapped to today's), or the locale key
 * (namespace `venues`) that tells the person what is wrong, or the full text when it needs details.
 */
export type FieldResult =
  | { ok: true; value: string; note?: Text }
  | { ok: false; errorKey: string; error?: Text };

/**
 * One set of rules for a venue's fields, used by the chat flow, the officers' API and the CSV import,
 * so a venue accepted by one is accepted by all. Values are trimmed; the phone becomes E.164, the commune
 * may be given by GSO code or by name ("Bình Hải", "xa binh hai").
 */
export function validateVenueField(
  field: VenueField,
  raw: string,
  district: District,
  at: Date = new Date(),
): FieldResult {
  const text = raw.trim();
  switch (field) {
    case "name":
      // "ok", "dc", "có" typed at the name step answer a question nobody asked; stored, they print a poster.
      if (isNoAnswer(text)) return { ok: false, errorKey: "flow.notAName" };
      return between(text, 2, 120) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badName" };
    case "category":
      return isVenueCategory(text) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badCategory" };
    case "communeCode": {
      // A venue is stored with a unit in force today; a former unit's name or code is mapped and the note says so.
      const match = findUnitByName(district, text, at);
      const note = unitMatchNote(match, text, true);
      if (match.kind === "unit") return { ok: true, value: match.unit.code };
      if (match.kind === "former" && note) return { ok: true, value: match.unit.code, note };
      if (match.kind === "ambiguous" && note) return { ok: false, errorKey: "flow.badCommune", error: note };
      return { ok: false, errorKey: "flow.badCommune" };
    }
    case "address":
      // "ko biet dia chi", "chưa có số nhà": the person needs to hear what is good enough, not a poster with it.
      if (isNoAnswer(text)) return { ok: false, errorKey: "flow.addressUnknown" };
      return between(text, 3, 200) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badAddress" };
    case "contactName":
      if (isNoAnswer(text)) return { ok: false, errorKey: "flow.notAPersonName" };
      return between(text, 2, 80) && !/\d/.test(text)
        ? { ok: true, value: text }
        : { ok: false, errorKey: "flow.badContactName" };
    case "contactPhone": {
      // "không có sđt", "ko có": told why a number is needed and that any reachable one will do.
      if (isNoAnswer(text)) return { ok: false, errorKey: "flow.phoneNeeded" };
      const phone = normaliseVietnamesePhone(text, { allowLandline: true });
      return phone.ok
        ? { ok: true, value: phone.e164 }
        : { ok: false, errorKey: `flow.phone.${phone.reason}` };
    }
  }
}

/** Validates every field; returns the details or the error key of each bad field. */
export function validateVenueDetails(
  input: Partial<Record<VenueField, unknown>>,
  district: District,
): { ok: true; details: VenueDetails } | { ok: false; errors: Partial<Record<VenueField, string>> } {
  const values: Partial<Record<VenueField, string>> = {};
  const errors: Partial<Record<VenueField, string>> = {};
  for (const field of VENUE_FIELDS) {
    const raw = input[field];
    const result = validateVenueField(field, typeof raw === "string" ? raw : "", district);
    if (result.ok) values[field] = result.value;
    else errors[field] = result.errorKey;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { name, category, communeCode, address, contactName, contactPhone } = values;
  if (
    !name ||
    !category ||
    !isVenueCategory(category) ||
    !communeCode ||
    !address ||
    !contactName ||
    !contactPhone
  ) {
    return { ok: false, errors };
  }
  return { ok: true, details: { name, category, communeCode, address, contactName, contactPhone } };
}

function between(text: string, min: number, max: number): boolean {
  return text.length >= min && text.length <= max;
}
