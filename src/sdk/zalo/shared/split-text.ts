/**
 * Splits long replies into several messages. Both Zalo surfaces cap text at 2,000 characters
 * (Bot `sendMessage` 1–2,000, OA cs text 2,000; zalo.md §3).
 */

/** The documented text limit of both Zalo APIs (zalo.md §3). */
export const ZALO_MAX_TEXT_LENGTH = 2000;

/**
 * Splits `text` into chunks of at most `maxLength` UTF-16 code units, cutting at the last paragraph
 * break, else line break, else space that keeps the chunk at least half full; only a single unbroken
 * run is cut mid-word, and never inside a surrogate pair or before a combining mark. Zalo does not say
 * whether it counts code units or code points; code units are never fewer, so chunks are safe either way.
 * Whitespace at the cut is dropped; blank input yields no chunks.
 */
export function splitText(text: string, maxLength: number = ZALO_MAX_TEXT_LENGTH): string[] {
  if (!Number.isInteger(maxLength) || maxLength < 2) throw new RangeError("maxLength must be an integer ≥ 2");
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > maxLength) {
    const cut = findCut(rest, maxLength);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

function findCut(text: string, maxLength: number): number {
  // Look one past the limit: a separator right at the limit still allows a full-length chunk.
  const window = text.slice(0, maxLength + 1);
  const floor = Math.floor(maxLength / 2);
  for (const separator of ["\n\n", "\n"]) {
    const at = window.lastIndexOf(separator);
    if (at >= floor) return at;
  }
  const space = lastWhitespace(window);
  if (space > 0) return space;
  return safeHardCut(text, maxLength);
}

function lastWhitespace(window: string): number {
  for (let i = window.length - 1; i > 0; i--) {
    if (/\s/.test(window[i] ?? "")) return i;
  }
  return -1;
}

/** Backs off so a cut never splits a surrogate pair or separates a base letter from its combining marks. */
function safeHardCut(text: string, maxLength: number): number {
  let cut = maxLength;
  while (cut > 1) {
    const code = text.charCodeAt(cut);
    const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
    if (!isLowSurrogate && !/\p{M}/u.test(text[cut] ?? "")) break;
    cut--;
  }
  return cut;
}
