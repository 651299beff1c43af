import type { ChannelId } from "../core/messages";
import type { OutboxItem, OutboxPurpose, OutboxRecord } from "../core/ports";
import type { RenderedMessage } from "../core/rendered-message";
import { parseStoredDate } from "./sql-session";

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
    createdAt?: string | null;
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
    ...(r.createdAt ? { queuedAt: parseStoredDate(r.createdAt) } : {}),
  };
}

/** What a claim reads of an unsent row to decide whether it may go out now. */
export interface HeadRow {
  id: number;
  channel: string;
  externalId: string;
  status: string;
  nextAttemptAt: Date;
  broadcastId: string | null;
}

/**
 * The rows to claim: only each recipient's oldest unsent row may go out, so a person's messages arrive in
 * order and no two workers ever send to one chat at once; and only when it is due. Replies come first, and
 * with them a broadcast row that a waiting reply's recipient must get before it: ordered by id alone, a
 * broadcast's older rows filled every claim and a `/help` waited for the whole broadcast (issue 16).
 * `kind` keeps only one of the two groups (the dispatcher's lanes).
 */
export function recipientHeads(
  rows: HeadRow[],
  limit: number,
  now: Date,
  kind?: "replies" | "broadcasts",
): number[] {
  const key = (row: HeadRow) => `${row.channel}:${row.externalId}`;
  const replyWaiting = new Set(rows.filter((r) => r.broadcastId === null).map(key));
  const seen = new Set<string>();
  const urgent: number[] = [];
  const bulk: number[] = [];
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const recipient = key(row);
    if (seen.has(recipient)) continue;
    seen.add(recipient);
    if (row.status !== "pending" || row.nextAttemptAt > now) continue;
    (replyWaiting.has(recipient) ? urgent : bulk).push(row.id);
  }
  const heads = kind === "replies" ? urgent : kind === "broadcasts" ? bulk : [...urgent, ...bulk];
  return heads.slice(0, limit);
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
    effectId: o.effectId ?? null,
  };
}
