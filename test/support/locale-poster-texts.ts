import { readFileSync } from "node:fs";
import { buildPosterTexts, type PosterTexts } from "../../src/features/venues/render/poster-texts";

/** A namespace file as stored in locales/<lng>/venues.json. */
export type VenuesLocale = { categories: Record<string, string>; poster: Record<string, string> };

/** Reads locales/<lng>/venues.json from the project root. */
export function readVenuesLocale(lng: "vi" | "en"): VenuesLocale {
  return JSON.parse(readFileSync(new URL(`../../locales/${lng}/venues.json`, import.meta.url), "utf8"));
}

/** Poster texts straight from the locale files, the way the i18n layer would fill them. */
export function posterTextsFromLocales(): PosterTexts {
  const locales = { vi: readVenuesLocale("vi"), en: readVenuesLocale("en") };
  return buildPosterTexts((lng, key) => {
    const value = locales[lng].poster[key.slice("poster.".length)];
    if (value === undefined) throw new Error(`locales/${lng}/venues.json lacks ${key}`);
    return value;
  });
}
