import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Be Vietnam Pro (OFL) from npm: designed for Vietnamese, with precomposed glyphs for every tone mark
 * (Ổ, ệ, ữ…). It is embedded in each PDF, so posters never depend on fonts installed on a server.
 * The @fontsource packages would not do: they split Latin and Vietnamese glyphs into separate files.
 */
const FONT_FILES = {
  regular: "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf",
  bold: "@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf",
} as const;

/** Weights the poster uses. */
export type PosterFontWeight = keyof typeof FONT_FILES;

const cache = new Map<PosterFontWeight, Buffer>();

/** Returns the TTF bytes of a poster font, read from node_modules once per process. */
export function loadPosterFont(weight: PosterFontWeight): Buffer {
  const cached = cache.get(weight);
  if (cached !== undefined) return cached;
  const path = createRequire(import.meta.url).resolve(FONT_FILES[weight]);
  const bytes = readFileSync(path);
  cache.set(weight, bytes);
  return bytes;
}
