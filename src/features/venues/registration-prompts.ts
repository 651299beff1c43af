import { type Button, chunkRows, namespace, type Outbound, say, type Text } from "../../core/messages";
import { communePage } from "../subscriptions/commune-picker";
import { isVenueCategory, VENUE_CATEGORIES, venueCategoryLabelKey } from "./categories";
import { type AdminUnit, type District, unitsInForce } from "./district";
import { formatPhoneForDisplay } from "./phone";
import { unitWithFormer } from "./unit-texts";
import type { Draft } from "./venue-draft";

export type { Draft } from "./venue-draft";

/** The steps of the registration dialog, in order. */
export const STEPS = ["name", "category", "commune", "address", "contactName", "phone"] as const;
export type Step = (typeof STEPS)[number];

export const venueText = namespace("venues");

/** The question for a step, with its buttons. */
export function askStep(step: Step, draft: Draft, district: District): Outbound[] {
  switch (step) {
    case "name":
      return [say(venueText("flow.askName"))];
    case "category":
      return [say(venueText("flow.askCategory"), categoryButtons())];
    case "commune":
      return [say(communeQuestion(district, new Date(draft.startedAt)), communeButtons(district, draft))];
    case "address":
      return [say(venueText("flow.askAddress"))];
    case "contactName":
      return [say(venueText("flow.askContactName"))];
    case "phone":
      return [
        {
          type: "text",
          text: venueText("flow.askPhone"),
          requestPhone: true,
        },
      ];
  }
}

function categoryButtons(): Button[][] {
  const buttons = VENUE_CATEGORIES.map((c) => ({
    label: venueText(venueCategoryLabelKey(c)),
    payload: `venue:cat:${c}`,
  }));
  return chunkRows(buttons);
}

/**
 * The units in force on the day the registration started, each with the former units it took in, so someone
 * who knows only the 2021 name finds their commune.
 */
function communeQuestion(district: District, at: Date): Text {
  const units = unitsInForce(district, validOr(at));
  return { lines: [venueText("flow.askCommune"), ...units.map((unit) => unitLine(district, unit))] };
}

function unitLine(district: District, unit: AdminUnit): Text {
  return venueText("unit.bullet", { unit: unitWithFormer(district, unit) });
}

function communeButtons(district: District, draft: Draft): Button[][] {
  const units = unitsInForce(district, validOr(new Date(draft.startedAt)));
  return communePage(units, draft.communePage ?? 0, { pick: "venue:commune:", page: "venue:communes:" });
}

/** A draft from before `startedAt` was kept has no date: today's units then. */
function validOr(at: Date): Date {
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** The summary with Confirm / Edit one field (Cancel is the engine's, under every question). */
export function summary(draft: Draft, communeName: string): Outbound {
  return say(
    venueText("flow.summary", {
      name: draft.name ?? "",
      category:
        draft.category && isVenueCategory(draft.category)
          ? venueText(venueCategoryLabelKey(draft.category))
          : "",
      commune: communeName,
      address: draft.address ?? "",
      contactName: draft.contactName ?? "",
      phone: draft.contactPhone ? formatPhoneForDisplay(draft.contactPhone) : "",
    }),
    [
      [{ label: venueText("flow.confirm"), payload: "venue:confirm", answers: "yes" }],
      // "ko", "sai rồi", "chưa đúng" to "is this right?" mean: let me change something.
      [{ label: venueText("flow.edit"), payload: "venue:edit", answers: "no" }],
    ],
  );
}

/** Buttons to pick the one field to change. */
export function fieldPicker(): Outbound {
  const fields: Step[] = [...STEPS];
  const buttons = fields.map((f) => ({ label: venueText(`flow.field.${f}`), payload: `venue:field:${f}` }));
  return say(venueText("flow.pickField"), chunkRows(buttons));
}
