import { namespace, type Text } from "../../core/messages";
import { type AdminUnit, type District, findUnit, successorOf, type UnitMatch } from "./district";

const venueText = namespace("venues");

/** "1/7/2025" from "2025-07-01": the day a unit came into force, as people write it. */
export function sinceDay(unit: AdminUnit): string {
  const [year, month, day] = unit.validFrom.split("-").map(Number);
  return `${day}/${month}/${year}`;
}

/** "Xã Bình Hải" → "xã Bình Hải": a unit's name inside a sentence. */
function inSentence(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** A unit as a picker line: "Xã Vạn Tường (gồm các xã cũ: Bình Thuận, …)" when it was formed from others. */
export function unitWithFormer(district: District, unit: AdminUnit): Text {
  const former = unit.formedFrom
    .map((code) =>
      district.units.find((u) => u.code === code && u.validTo !== null && u.validFrom < unit.validFrom),
    )
    .filter((u): u is AdminUnit => u !== undefined);
  // Châu Ổ was a thị trấn, not a xã: "gồm các xã, thị trấn cũ" then.
  const town = former.some((u) => !u.name.startsWith("Xã "));
  const names = former.map((u) => u.name.replace(/^(Xã|Thị trấn|Phường) /u, ""));
  return names.length > 0
    ? venueText(town ? "unit.includesTown" : "unit.includes", { name: unit.name, former: names.join(", ") })
    : { raw: unit.name };
}

/**
 * The name of the unit a stored code means, said so that a former unit is not mistaken for a current one:
 * "Xã Bình Hải (nay thuộc Xã Vạn Tường)". `storedAt` is when the code was stored (it decides reused codes).
 */
export function storedUnitName(district: District, code: string, storedAt?: Date, now = new Date()): Text {
  const unit = findUnit(district, code, storedAt ?? now);
  if (!unit) return { raw: code };
  const current = successorOf(district, unit, now);
  if (!current || current === unit) return { raw: unit.name };
  return venueText("unit.formerIn", { name: unit.name, current: current.name });
}

/**
 * What the reply says about a typed commune that is not simply a unit in force (nothing when it is).
 * `forVenue`: the registration adds where the venue is recorded; elsewhere (reminders, a ticket) only the
 * mapping is said.
 */
export function unitMatchNote(match: UnitMatch, typed: string, forVenue = false): Text | undefined {
  if (match.kind === "former") {
    return venueText(forVenue ? "flow.communeMapped" : "flow.communeMappedOnly", {
      typed: typed.trim(),
      former: inSentence(match.former.name),
      current: inSentence(match.unit.name),
      since: sinceDay(match.unit),
    });
  }
  if (match.kind === "ambiguous") {
    return venueText("flow.communeAmbiguous", {
      typed: typed.trim(),
      names: match.units.map((u) => u.name).join(", "),
    });
  }
  return undefined;
}
