import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import i18next, { type i18n, type Resource } from "i18next";
import { LANGUAGES, type Language, type Text } from "../core/messages";
import type { TextRenderer } from "../core/renderer";

/** Loads every `locales/<lng>/<namespace>.json` and returns a renderer. Vietnamese is the fallback. */
export async function createTextRenderer(localesDir: string): Promise<TextRenderer & { i18n: i18n }> {
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
  const render = (text: Text, lang: Language): string => {
    if ("raw" in text) return text.raw;
    if ("lines" in text) return text.lines.map((line) => render(line, lang)).join("\n");
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.params ?? {})) {
      params[name] = typeof value === "object" ? render(value, lang) : value;
    }
    return instance.t(text.key, { ...params, lng: lang });
  };
  return { render, i18n: instance };
}
