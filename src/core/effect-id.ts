import { createHash } from "node:crypto";

/**
 * The id of something a turn creates outside its own transaction (a venue, a visit, a ticket): derived from
 * the turn's update, so a turn run again — its process died before committing, a storage failure was
 * retried — finds what the first run created instead of creating it twice (docs/adr/016-scale-out.md).
 * `what` tells a turn's effects apart. Shaped as a version-4-like UUID, as the random ids it replaces.
 */
export function effectId(turnKey: string, what: string): string {
  const hex = createHash("sha256").update(`${turnKey}\u0000${what}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? "0", 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** {@link effectId} when there is a turn (`turnKey`), else undefined: the same service serves the dashboard. */
export function effectIdOf(turnKey: string | undefined, what: string): string | undefined {
  return turnKey === undefined ? undefined : effectId(turnKey, what);
}
