/**
 * True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, or swap two neighbours:
 * "nahh" for "nhah"). Only the diagonal band of width 2·max+1 is computed, so the cost is
 * O(length × max): linear in the input for the small `max` the readers use.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const width = b.length + 1;
  const big = max + 1;
  // Three rows of the Damerau (optimal string alignment) table; cells outside the band stay `big`.
  let before = new Array<number>(width).fill(big);
  let prev = new Array<number>(width).fill(big);
  let row = new Array<number>(width).fill(big);
  for (let j = 0; j <= Math.min(b.length, max); j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row.fill(big);
    if (i <= max) row[0] = i;
    let best = row[0] ?? big;
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? big) + 1, (row[j - 1] ?? big) + 1, (prev[j - 1] ?? big) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
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
