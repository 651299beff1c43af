import {
  type Button,
  chunkRows,
  type Outbound,
  say,
  type Text,
  type TextParam,
  t,
} from "../../core/messages";
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

const v = (key: string, params?: Record<string, TextParam>) => t(`venues:${key}`, params);

/** The question for a step, with its buttons. */
export function askStep(step: Step, draft: Draft, district: District): Outbound[] {
  switch (step) {
    case "name":
      return [say(v("flow.askName"))];
    case "category":
      return [say(v("flow.askCategory"), categoryButtons())];
    case "commune":
      return [say(communeQuestion(district, new Date(draft.startedAt)), communeButtons(district, draft))];
    case "address":
      return [say(v("flow.askAddress"))];
    case "contactName":
      return [say(v("flow.askContactName"))];
    case "phone":
      return [
        { type: "text", text: { lines: [v("flow.askPhone"), v("flow.askPhoneShare")] }, requestPhone: true },
      ];
  }
}

function categoryButtons(): Button[][] {
  const buttons = VENUE_CATEGORIES.map((c) => ({
    label: v(venueCategoryLabelKey(c)),
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
  return { lines: [v("flow.askCommune"), ...units.map((unit) => unitLine(district, unit))] };
}

function unitLine(district: District, unit: AdminUnit): Text {
  return v("unit.bullet", { unit: unitWithFormer(district, unit) });
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
    v("flow.summary", {
      name: draft.name ?? "",
      category:
        draft.category && isVenueCategory(draft.category) ? v(venueCategoryLabelKey(draft.category)) : "",
      commune: communeName,
      address: draft.address ?? "",
      contactName: draft.contactName ?? "",
      phone: draft.contactPhone ? formatPhoneForDisplay(draft.contactPhone) : "",
    }),
    [
      [{ label: v("flow.confirm"), payload: "venue:confirm", answers: "yes" }],
      [{ label: v("flow.edit"), payload: "venue:edit" }],
    ],
  );
}

/** Buttons to pick the one field to change. */
export function fieldPicker(): Outbound {
  const fields: Step[] = [...STEPS];
  const buttons = fields.map((f) => ({ label: v(`flow.field.${f}`), payload: `venue:field:${f}` }));
  return say(v("flow.pickField"), chunkRows(buttons));
}

export { v as venueText };
