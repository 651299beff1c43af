/**
 * Folds text for comparison: lower case, Vietnamese diacritics removed, đ → d, spacing collapsed.
 * "Tiếng Việt", "tieng viet" and "TIẾNG  VIỆT" all fold to "tieng viet".
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
