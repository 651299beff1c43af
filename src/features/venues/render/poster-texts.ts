/**
 * Keys of the translated strings a poster needs, one set per language. The source strings live in
 * `locales/<lng>/venues.json` under `poster.<key>`; the poster itself never touches i18n.
 */
export const POSTER_TEXT_KEYS = [
  "title",
  "codeLabel",
  "stepsHeading",
  "step1",
  "step2",
  "step3",
  "tip",
  "hotline",
] as const;

/** One of {@link POSTER_TEXT_KEYS}. */
export type PosterTextKey = (typeof POSTER_TEXT_KEYS)[number];

/** The i18n key (namespace `venues`) of a poster string, e.g. `poster.step1`. */
export type PosterI18nKey = `poster.${PosterTextKey}`;

/** Poster strings of one language, already translated. */
export type PosterLanguageTexts = Readonly<Record<PosterTextKey, string>>;

/** Languages printed on every poster: Vietnamese first, then English for visitors and foreign workers. */
export const POSTER_LANGUAGES = ["vi", "en"] as const;

/** One of {@link POSTER_LANGUAGES}. */
export type PosterLanguage = (typeof POSTER_LANGUAGES)[number];

/** All strings a poster prints, per language. */
export type PosterTexts = Readonly<Record<PosterLanguage, PosterLanguageTexts>>;

/**
 * Builds {@link PosterTexts} from any translator, e.g.
 * `buildPosterTexts((lng, key) => i18n.getFixedT(lng, "venues")(key))`, so this module stays free of
 * i18next while the caller cannot forget a key.
 */
export function buildPosterTexts(
  translate: (lng: PosterLanguage, key: PosterI18nKey) => string,
): PosterTexts {
  const forLanguage = (lng: PosterLanguage): PosterLanguageTexts => {
    const texts = {} as Record<PosterTextKey, string>;
    for (const key of POSTER_TEXT_KEYS) texts[key] = translate(lng, `poster.${key}`);
    return texts;
  };
  return { vi: forLanguage("vi"), en: forLanguage("en") };
}
