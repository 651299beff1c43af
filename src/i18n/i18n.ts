import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import i18next, { type i18n, type Resource } from "i18next";
import { LANGUAGES, type Language, type Text, type TextParam } from "../core/messages";
import type { TextRenderer } from "../core/renderer";

/**
 * The body that signs messages ({{org}} in any string) when the deployment names none (ORG_NAME). The district
 * level was abolished on 1/7/2025, so "UBND huyện Bình Sơn" no longer exists; the province is the one body whose
 * territory covers all five communes that were the district.
 */
export const DEFAULT_ORG_NAME: Record<Language, string> = {
  vi: "UBND tỉnh Quảng Ngãi",
  en: "Quảng Ngãi Provincial People's Committee",
};

/** The sending body from ORG_NAME / ORG_NAME_EN (English falls back to the Vietnamese name, then the default). */
export function orgNameOf(env: {
  ORG_NAME?: string | undefined;
  ORG_NAME_EN?: string | undefined;
}): Record<Language, string> {
  return {
    vi: env.ORG_NAME ?? DEFAULT_ORG_NAME.vi,
    en: env.ORG_NAME_EN ?? env.ORG_NAME ?? DEFAULT_ORG_NAME.en,
  };
}

/**
 * Loads every `locales/<lng>/<namespace>.json` and returns a renderer. Vietnamese is the fallback.
 * `org` is the name of the sending body, available to every string as {{org}} in the reader's language.
 */
export async function createTextRenderer(
  localesDir: string,
  options: { org?: Record<Language, string> } = {},
): Promise<TextRenderer & { i18n: i18n }> {
  const org = options.org ?? DEFAULT_ORG_NAME;
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    for (const file of readdirSync(join(localesDir, lng)).filter((f) => f.endsWith(".json"))) {
      const ns = basename(file, ".json");
      namespaces.add(ns);
      resources[lng][ns] = JSON.parse(readFileSync(join(localesDir, lng, file), "utf8"));
    }
  }
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: "vi",
    fallbackLng: "vi",
    supportedLngs: [...LANGUAGES],
    ns: [...namespaces],
    defaultNS: "common",
    // Messages go to chat apps as plain text, never HTML: nothing to escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The resources never change after init, so a text without parameters renders the same every time: menus
  // and buttons are most of a turn's texts, and i18next's lookup was 3 % of the server's time under load.
  // The keys are the locale files' own (a finite set); the bound only guards against a caller inventing keys.
  const plain = new Map<string, string>();
  const render = (text: Text, lang: Language): string => {
    if ("raw" in text) return text.raw;
    if ("lines" in text) return text.lines.map((line) => render(line, lang)).join("\n");
    if (text.params) return translate(text.key, text.params, lang);
    const cacheKey = `${lang}\u0000${text.key}`;
    let rendered = plain.get(cacheKey);
    if (rendered === undefined) {
      rendered = translate(text.key, {}, lang);
      if (plain.size < 10_000) plain.set(cacheKey, rendered);
    }
    return rendered;
  };
  const translate = (key: string, given: Record<string, TextParam>, lang: Language): string => {
    const params: Record<string, string | number> = { org: org[lang] };
    for (const [name, value] of Object.entries(given)) {
      params[name] = typeof value === "object" ? render(value, lang) : value;
    }
    return instance.t(key, { ...params, lng: lang });
  };
  return { render, i18n: instance };
}
