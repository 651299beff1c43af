/**
 * `text` on one line, cut to at most `max` characters on a word boundary with "…" (a Vietnamese word cut in
 * half reads as another word: "thông báo tiêm" → "thông báo ti"). A single word longer than `max` is cut.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 3 ? head.slice(0, space) : head).trimEnd()}…`;
}
