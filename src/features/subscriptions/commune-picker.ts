import type { Button } from "../../core/messages";
import { chunkRows, t } from "../../core/messages";
import type { AdminUnit } from "../venues/district";

/** Communes per page: fits a phone screen and Zalo's numbered list. */
export const COMMUNES_PER_PAGE = 8;

/**
 * A page of commune buttons (`<pick><code>`), with previous/next buttons (`<page><n>`) when there are more.
 * `extra` rows go first (e.g. "all communes").
 */
export function communePage(
  units: AdminUnit[],
  page: number,
  prefixes: { pick: string; page: string },
  extra: Button[][] = [],
): Button[][] {
  const pages = Math.max(1, Math.ceil(units.length / COMMUNES_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = units.slice(current * COMMUNES_PER_PAGE, (current + 1) * COMMUNES_PER_PAGE);
  const rows: Button[][] = [
    ...extra,
    ...chunkRows(slice.map((u) => ({ label: { raw: u.name }, payload: `${prefixes.pick}${u.code}` }))),
  ];
  const nav: Button[] = [];
  if (current > 0) nav.push({ label: t("common.previous"), payload: `${prefixes.page}${current - 1}` });
  if (current < pages - 1) nav.push({ label: t("common.next"), payload: `${prefixes.page}${current + 1}` });
  if (nav.length) rows.push(nav);
  return rows;
}
