/**
 * Venue categories offered to owners, in menu order. No official dropdown of the 2021 national form is
 * known, so this is the bot's own list built from the places named in Vietnamese QR guidance.
 * Labels live in `locales/<lng>/venues.json` under `categories.<code>`; the codes are stored, so never
 * rename one.
 */
export const VENUE_CATEGORIES = [
  "government",
  "school",
  "health",
  "business",
  "shop",
  "supermarket",
  "bookshop",
  "market",
  "food-service",
  "lodging",
  "entertainment",
  "transport",
  "religious",
  "checkpoint",
  "other",
] as const;

/** One of {@link VENUE_CATEGORIES}. */
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];

/** Narrows a stored or received string (e.g. a button payload) to a {@link VenueCategory}. */
export function isVenueCategory(value: string): value is VenueCategory {
  return (VENUE_CATEGORIES as readonly string[]).includes(value);
}

/** The i18n key (namespace `venues`) of a category's label. */
export function venueCategoryLabelKey(category: VenueCategory): `categories.${VenueCategory}` {
  return `categories.${category}`;
}
