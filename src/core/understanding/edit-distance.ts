/** Longest word compared; longer ones are never a typo of a label word. */
const MAX_WORD = 40;

// Three rows of the table, allocated once: the readers are synchronous, so one set serves every call.
let before = new Int32Array(MAX_WORD + 1);
let prev = new Int32Array(MAX_WORD + 1);
let row = new Int32Array(MAX_WORD + 1);

/**
 * True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, or swap two neighbours:
 * "nahh" for "nhah"). Only the diagonal band of width 2·max+1 is computed, so the cost is
 * O(length × max): linear in the input for the small `max` the readers use.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (a.length > MAX_WORD || b.length > MAX_WORD) return false;
  const big = max + 1;
  before.fill(big, 0, b.length + 1);
  prev.fill(big, 0, b.length + 1);
  for (let j = 0; j <= Math.min(b.length, max); j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row.fill(big, 0, b.length + 1);
    if (i <= max) row[0] = i;
    let best = i <= max ? i : big;
    const to = Math.min(b.length, i + max);
    for (let j = Math.max(1, i - max); j <= to; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? big) + 1, (row[j - 1] ?? big) + 1, (prev[j - 1] ?? big) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (before[j - 2] ?? big) + 1);
      }
      row[j] = Math.min(v, big);
      if (v < best) best = v;
    }
    if (best > max) return false;
    [before, prev, row] = [prev, row, before];
  }
  return (prev[b.length] ?? big) <= max;
}

/** How many typos a word of this length forgives: none under 5 letters, one up to 7, two from 8. */
export function typoAllowance(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}
