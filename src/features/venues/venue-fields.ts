import { foldText } from "../../core/fold-text";
import { isVenueCategory } from "./categories";
import type { District } from "./district";
import { normaliseVietnamesePhone } from "./phone";
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

/** A valid value, or the locale key (namespace `venues`) that tells the person what is wrong. */
export type FieldResult = { ok: true; value: string } | { ok: false; errorKey: string };

/**
 * One set of rules for a venue's fields, used by the chat flow, the officers' API and the CSV import,
 * so a venue accepted by one is accepted by all. Values are trimmed; the phone becomes E.164, the commune
 * may be given by GSO code or by name ("Bình Hải", "xa binh hai").
 */
export function validateVenueField(field: VenueField, raw: string, district: District): FieldResult {
  const text = raw.trim();
  switch (field) {
    case "name":
      return between(text, 2, 120) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badName" };
    case "category":
      return isVenueCategory(text) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badCategory" };
    case "communeCode": {
      const code = district.units.some((u) => u.code === text) ? text : findCommuneByName(district, text);
      return code ? { ok: true, value: code } : { ok: false, errorKey: "flow.badCommune" };
    }
    case "address":
      return between(text, 3, 200) ? { ok: true, value: text } : { ok: false, errorKey: "flow.badAddress" };
    case "contactName":
      return between(text, 2, 80) && !/\d/.test(text)
        ? { ok: true, value: text }
        : { ok: false, errorKey: "flow.badContactName" };
    case "contactPhone": {
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

/** "binh hai", "Bình Hải" or "xa binh hai" all find Xã Bình Hải; an ambiguous or unknown name finds nothing. */
function findCommuneByName(district: District, text: string): string | undefined {
  const wanted = foldText(text).replace(/^(xa|thi tran|tt)\s+/, "");
  if (!wanted) return undefined;
  const hits = district.units.filter((u) => foldText(u.name).replace(/^(xa|thi tran)\s+/, "") === wanted);
  return hits.length === 1 ? hits[0]?.code : undefined;
}
