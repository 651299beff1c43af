import type { ChannelId } from "../core/messages";
import type { OutboxItem, OutboxPurpose, OutboxRecord } from "../core/ports";
import type { RenderedMessage } from "../core/rendered";

/**
 * How many unsent rows one claim looks at to find each recipient's oldest message: a few times the rows
 * wanted, at most 1000. Reading more only costs event-loop time, which shows up as irregular send timing.
 */
export const windowFor = (limit: number) => Math.min(1000, Math.max(100, limit * 3));

/**
 * Statuses of a row not yet settled: pending → claimed (leased, waiting for its rate slot) → sending (the
 * platform call is in flight) → sent | failed | blocked | cancelled.
 */
export const UNSENT = ["pending", "claimed", "sending"];

/** A claimed row as the dispatcher sees it. */
export function toOutboxRecord(
  r: {
    id: number;
    channel: string;
    externalId: string;
    contactId: string | null;
    broadcastId: string | null;
    body: string;
    attempts: number;
    replyTo?: string | null;
    purpose?: string | null;
  },
  claim: string,
): OutboxRecord {
  return {
    id: r.id,
    channel: r.channel as ChannelId,
    externalId: r.externalId,
    contactId: r.contactId,
    message: JSON.parse(r.body) as RenderedMessage,
    attempts: r.attempts,
    claim,
    ...(r.broadcastId ? { broadcastId: r.broadcastId } : {}),
    ...(r.replyTo ? { replyTo: r.replyTo } : {}),
    ...(r.purpose ? { purpose: r.purpose as OutboxPurpose } : {}),
  };
}

/**
 * The rows to claim: only each recipient's oldest unsent row may go out, so a person's messages arrive in
 * order and no two workers ever send to one chat at once; and only when it is due.
 */
export function recipientHeads(
  rows: { id: number; channel: string; externalId: string; status: string; nextAttemptAt: Date }[],
  limit: number,
  now: Date,
): number[] {
  const seen = new Set<string>();
  const heads: number[] = [];
  for (const row of rows.sort((a, b) => a.id - b.id)) {
    const key = `${row.channel}:${row.externalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.status === "pending" && row.nextAttemptAt <= now) heads.push(row.id);
    if (heads.length >= limit) break;
  }
  return heads;
}

/** The row of one queued message (also written by the conversation store inside a turn's transaction). */
export function toOutboxRow(o: OutboxItem) {
  return {
    channel: o.channel,
    externalId: o.externalId,
    contactId: o.contactId,
    broadcastId: o.broadcastId ?? null,
    body: JSON.stringify(o.message),
    replyTo: o.replyTo ?? null,
    purpose: o.purpose ?? null,
  };
}
