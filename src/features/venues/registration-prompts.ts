import { type Button, type Outbound, say, type TextParam, t } from "../../core/messages";
import { isVenueCategory, VENUE_CATEGORIES, venueCategoryLabelKey } from "./categories";
import type { District } from "./district";
import { formatPhoneForDisplay } from "./phone";
import type { Draft } from "./venue-draft";

export type { Draft } from "./venue-draft";

/** The steps of the registration dialog, in order. */
export const STEPS = ["name", "category", "commune", "address", "contactName", "phone"] as const;
export type Step = (typeof STEPS)[number];

/** Communes per page: keeps Zalo OA (≤ 5 buttons per message is its own concern) and phones readable. */
export const COMMUNES_PER_PAGE = 8;

const v = (key: string, params?: Record<string, TextParam>) => t(`venues:${key}`, params);

/** The question for a step, with its buttons. */
export function askStep(step: Step, draft: Draft, district: District): Outbound[] {
  switch (step) {
    case "name":
      return [say(v("flow.askName"))];
    case "category":
      return [say(v("flow.askCategory"), categoryButtons())];
    case "commune":
      return [say(v("flow.askCommune"), communeButtons(district, draft.communePage ?? 0))];
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
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

function communeButtons(district: District, page: number): Button[][] {
  const pages = Math.ceil(district.units.length / COMMUNES_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const units = district.units.slice(current * COMMUNES_PER_PAGE, (current + 1) * COMMUNES_PER_PAGE);
  const rows: Button[][] = [];
  for (let i = 0; i < units.length; i += 2) {
    rows.push(
      units.slice(i, i + 2).map((u) => ({ label: { raw: u.name }, payload: `venue:commune:${u.code}` })),
    );
  }
  const nav: Button[] = [];
  if (current > 0) nav.push({ label: v("flow.prevCommunes"), payload: `venue:communes:${current - 1}` });
  if (current < pages - 1)
    nav.push({ label: v("flow.moreCommunes"), payload: `venue:communes:${current + 1}` });
  if (nav.length) rows.push(nav);
  return rows;
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
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return say(v("flow.pickField"), rows);
}

export { v as venueText };
