import type { ChannelId, Language } from "../../core/messages";
import { DELIVERY_UNKNOWN } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import type { Audience } from "./audience";
import type { BroadcastCounts, BroadcastRecord, BroadcastStore, ContactAddress } from "./broadcast-store";

/** Someone a broadcast may reach: their contact, their subscription and whether they own an active venue. */
export interface FakeRecipient {
  id: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  reachable: boolean;
  subscribed: boolean;
  communeCode: string | null;
  ownsVenue: boolean;
  /** Their last message to us (Zalo OA's messaging window counts from it). */
  lastInboundAt?: Date | null;
}

/** A broadcast's outbox row: one per recipient, moved on by the dispatcher ({@link FakeBroadcastStore.settle}). */
export interface FakeBroadcastRow {
  broadcastId: string;
  contactId: string;
  message: RenderedMessage;
  status: string;
  lastError: string | null;
}

const UNSENT = ["pending", "claimed", "sending"];

/**
 * In-memory {@link BroadcastStore}; test/contracts/broadcast-store.contract.ts holds it to the Prisma store's
 * promises. It keeps its own recipients and rows where the real store reads contacts, subscriptions, venues
 * and the outbox.
 */
export class FakeBroadcastStore implements BroadcastStore {
  private readonly broadcasts = new Map<string, BroadcastRecord & { cursor: string }>();
  readonly recipients = new Map<string, FakeRecipient>();
  readonly rows: FakeBroadcastRow[] = [];

  addRecipient(recipient: FakeRecipient): void {
    this.recipients.set(recipient.id, { ...recipient });
  }

  /** The dispatcher's outcome for the row to one recipient. */
  settle(broadcastId: string, contactId: string, status: string, lastError: string | null = null): void {
    for (const row of this.rows)
      if (row.broadcastId === broadcastId && row.contactId === contactId)
        Object.assign(row, { status, lastError });
  }

  async create(input: Parameters<BroadcastStore["create"]>[0]): Promise<BroadcastRecord> {
    const { recurringId: _, ...fields } = input;
    const broadcast = {
      ...fields,
      audience: structuredClone(input.audience),
      status: "scheduled" as const,
      materialisedAt: null,
      reported: 0,
      createdAt: new Date(),
      finishedAt: null,
      cursor: "",
    };
    this.broadcasts.set(input.id, broadcast);
    return toRecord(broadcast);
  }

  async get(id: string): Promise<BroadcastRecord | null> {
    const broadcast = this.broadcasts.get(id);
    return broadcast ? toRecord(broadcast) : null;
  }

  async counts(id: string): Promise<BroadcastCounts> {
    const rows = this.rows.filter((r) => r.broadcastId === id);
    const n = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
    return {
      total: rows.length,
      sent: n(["sent"]),
      failed: n(["failed"]),
      unknown: rows.filter((r) => r.status === "failed" && r.lastError === DELIVERY_UNKNOWN).length,
      blocked: n(["blocked"]),
      pending: n(UNSENT),
      skipped: n(["skipped"]),
      cancelled: n(["cancelled"]),
    };
  }

  async countAudience(audience: Audience): Promise<number> {
    return this.batch(audience, "", Number.POSITIVE_INFINITY).recipients.length;
  }

  async audienceReach(audience: Audience): Promise<{ channel: ChannelId; lastInboundAt: Date | null }[]> {
    return this.batch(audience, "", Number.POSITIVE_INFINITY).recipients.map((r) => ({
      channel: r.channel,
      lastInboundAt: r.lastInboundAt ?? null,
    }));
  }

  async startDue(now: Date): Promise<string[]> {
    const due = [...this.broadcasts.values()].filter((b) => b.status === "scheduled" && b.sendAt <= now);
    for (const b of due) b.status = "sending";
    return due.map((b) => b.id);
  }

  async listSending(): Promise<BroadcastRecord[]> {
    return [...this.broadcasts.values()]
      .filter((b) => b.status === "sending")
      .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime())
      .map(toRecord);
  }

  async materialiseNext(
    ...[id, batchSize, render, now]: Parameters<BroadcastStore["materialiseNext"]>
  ): ReturnType<BroadcastStore["materialiseNext"]> {
    const broadcast = this.broadcasts.get(id);
    if (broadcast?.status !== "sending" || broadcast.materialisedAt) return "stopped";
    const batch = this.batch(broadcast.audience, broadcast.cursor, batchSize);
    for (const r of batch.recipients)
      this.rows.push({
        broadcastId: id,
        contactId: r.id,
        message: render(r.language),
        status: "pending",
        lastError: null,
      });
    if (batch.last) broadcast.cursor = batch.last;
    else broadcast.materialisedAt = now;
    return batch.last ? "more" : "done";
  }

  async finishIfDrained(id: string, now: Date): Promise<boolean> {
    if ((await this.counts(id)).pending > 0) return false;
    const broadcast = this.broadcasts.get(id);
    if (broadcast?.status !== "sending" || !broadcast.materialisedAt) return false;
    Object.assign(broadcast, { status: "done", finishedAt: now });
    return true;
  }

  async advanceReported(id: string, from: number, to: number): Promise<boolean> {
    const broadcast = this.broadcasts.get(id);
    if (broadcast?.reported !== from) return false;
    broadcast.reported = to;
    return true;
  }

  async listOpen(filter: { createdBy?: string; limit: number }): Promise<BroadcastRecord[]> {
    return [...this.broadcasts.values()]
      .filter(
        (b) =>
          (b.status === "scheduled" || b.status === "sending") &&
          (!filter.createdBy || b.createdBy === filter.createdBy),
      )
      .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, filter.limit)
      .map(toRecord);
  }

  async update(
    id: string,
    change: { sendAt?: Date; text?: string; textEn?: string | null },
  ): Promise<BroadcastRecord | null> {
    const broadcast = this.broadcasts.get(id);
    if (broadcast?.status !== "scheduled") return null;
    Object.assign(broadcast, change);
    return toRecord(broadcast);
  }

  async cancel(id: string, now: Date): Promise<BroadcastRecord | null> {
    const broadcast = this.broadcasts.get(id);
    if (broadcast?.status !== "scheduled" && broadcast?.status !== "sending") return null;
    Object.assign(broadcast, { status: "cancelled", finishedAt: now });
    for (const row of this.rows)
      if (row.broadcastId === id && (row.status === "pending" || row.status === "claimed"))
        row.status = "cancelled";
    return toRecord(broadcast);
  }

  async contactAddress(contactId: string): Promise<ContactAddress | null> {
    const r = this.recipients.get(contactId);
    return r ? { channel: r.channel, externalId: r.externalId, language: r.language } : null;
  }

  /** As the Prisma store's selectBatch: subscribers after `cursor` by id, and those the audience reaches. */
  private batch(audience: Audience, cursor: string, size: number) {
    const subscribers = [...this.recipients.values()]
      .filter((r) => r.subscribed && r.id > cursor)
      .filter(
        (r) => !audience.communes || (r.communeCode !== null && audience.communes.includes(r.communeCode)),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, size);
    const roles = audience.roles;
    const recipients = subscribers.filter(
      (r) =>
        r.reachable &&
        (!audience.languages || audience.languages.includes(r.language)) &&
        (roles?.length !== 1 || r.ownsVenue === (roles[0] === "venue-owner")),
    );
    return { recipients, last: subscribers.length === size ? subscribers.at(-1)?.id : undefined };
  }
}

function toRecord({ cursor: _, ...broadcast }: BroadcastRecord & { cursor: string }): BroadcastRecord {
  return structuredClone(broadcast);
}
