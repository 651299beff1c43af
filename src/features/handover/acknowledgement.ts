import type { TicketMessageRecord } from "./ticket-store";

/** After this long without a word from the person, their next message is acknowledged again. */
export const QUIET_MINUTES = 30;
const MINUTE_MS = 60_000;

/**
 * Whether the person's new message at an open ticket gets "passed on to the officer". Not every message:
 * people write in bursts of short lines, and an answer to each would bury the officer's reply. So the first
 * message after the opening question, the first after each officer answer, and the first after a quiet
 * spell of QUIET_MINUTES (they came back later and cannot see that the ticket is still open). `before`: the
 * ticket's messages before the new one, oldest first.
 */
export function acknowledges(before: readonly TicketMessageRecord[], now: Date): boolean {
  const last = before.at(-1);
  if (!last) return true;
  if (now.getTime() - last.createdAt.getTime() >= QUIET_MINUTES * MINUTE_MS) return true;
  const lastAnswer = before.findLastIndex((m) => m.author === "officer");
  const citizen = before.slice(lastAnswer + 1).filter((m) => m.author === "citizen");
  // With no answer yet, the first of the person's lines is the question the ticket opened with.
  const since = lastAnswer === -1 ? citizen.slice(1) : citizen;
  return since.length === 0;
}
