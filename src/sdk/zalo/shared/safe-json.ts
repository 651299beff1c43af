/**
 * Bigint-safe JSON parsing.
 *
 * Zalo ids (`user_id`, `oa_id`, `app_id`) are 18–19 digit numbers above `Number.MAX_SAFE_INTEGER`
 * (zalo.md §1.1). Zalo documents them as strings, but if a response or webhook ever carries one as a bare
 * JSON number, `JSON.parse` silently rounds it (2468458835296117922 → 2468458835296118000). Node 20 has no
 * `JSON.parse` source-text access, so we quote such integer literals *before* parsing: an unsafe integer
 * becomes the string of its exact digits, everything else parses exactly as `JSON.parse` would.
 */

/** Parses JSON text; integers outside the safe range come back as strings of their exact digits. */
export function parseZaloJson(text: string): unknown {
  // Fast path: an unsafe integer needs at least 16 digits in a row.
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(quoteUnsafeIntegers(text));
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Wraps every integer literal outside strings that is not a safe integer in double quotes. */
function quoteUnsafeIntegers(text: string): string {
  let out = "";
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
      continue;
    }
    if (code === 34) {
      inString = true;
      continue;
    }
    if (code !== 45 /* - */ && !isDigit(code)) continue;
    let end = code === 45 ? i + 1 : i;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    const next = text[end];
    const isInteger = next !== "." && next !== "e" && next !== "E";
    if (isInteger && !Number.isSafeInteger(Number(text.slice(i, end)))) {
      out += `${text.slice(copiedUpTo, i)}"${text.slice(i, end)}"`;
      copiedUpTo = end;
    } else {
      // Skip the rest of a fraction/exponent so its digits are not read as a new number.
      while (end < text.length && /[0-9.eE+-]/.test(text[end] ?? "")) end++;
    }
    i = end - 1;
  }
  return out + text.slice(copiedUpTo);
}
