import type { ChannelId, Language } from "../core/messages";
import { DELIVERY_UNKNOWN } from "../core/ports";
import type { RenderedMessage } from "../core/rendered-message";
import { type Audience, parseAudience } from "../features/broadcasts/audience";
import type {
  BroadcastCounts,
  BroadcastRecord,
  BroadcastStatus,
  BroadcastStore,
  ContactAddress,
} from "../features/broadcasts/broadcast-store";
import type { Broadcast } from "../generated/sqlite/client";
import { queueBatch } from "./cursor-batches";
import type { Db } from "./database";
import { UNSENT } from "./outbox-rows";

/** Prisma implementation of {@link BroadcastStore}. */
export class PrismaBroadcastStore implements BroadcastStore {
  constructor(private readonly db: Db) {}

  async create(input: Parameters<BroadcastStore["create"]>[0]): Promise<BroadcastRecord> {
    const row = await this.db.broadcast.create({
      data: { ...input, audience: JSON.stringify(input.audience) },
    });
    return toBroadcast(row);
  }

  async get(id: string): Promise<BroadcastRecord | null> {
    const row = await this.db.broadcast.findUnique({ where: { id } });
    return row ? toBroadcast(row) : null;
  }

  async counts(id: string): Promise<BroadcastCounts> {
    const groups = await this.db.outboxMessage.groupBy({
      by: ["status", "channel", "quotaType"],
      where: { broadcastId: id },
      _count: { _all: true },
    });
    const n = (statuses: string[]) =>
      groups.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
    const zalo = groups.filter((g) => g.channel === "zalo-oa");
    const z = (status: string, quota?: (q: string | null) => boolean) =>
      zalo
        .filter((g) => g.status === status && (quota ? quota(g.quotaType) : true))
        .reduce((sum, g) => sum + g._count._all, 0);
    const unknown = await this.db.outboxMessage.count({
      where: { broadcastId: id, status: "failed", lastError: DELIVERY_UNKNOWN },
    });
    return {
      total: n(["pending", "claimed", "sending", "sent", "failed", "blocked", "cancelled", "skipped"]),
      sent: n(["sent"]),
      failed: n(["failed"]),
      unknown,
      blocked: n(["blocked"]),
      pending: n(UNSENT),
      cancelled: n(["cancelled"]),
      skipped: n(["skipped"]),
      ...(zalo.length > 0
        ? {
            zaloOa: {
              // "none" is Zalo's "no quota object": billed (see the Zalo OA sender).
              free: z("sent", (q) => q !== "none" && q !== "template"),
              billed: z("sent", (q) => q === "none"),
              template: z("sent", (q) => q === "template"),
              outside: z("skipped"),
            },
          }
        : {}),
    };
  }

  async countAudience(audience: Audience): Promise<number> {
    let cursor = "";
    let total = 0;
    for (;;) {
      const batch = await this.selectBatch(audience, cursor, 2000);
      total += batch.recipients.length;
      if (!batch.last) return total;
      cursor = batch.last;
    }
  }

  async audienceReach(audience: Audience): Promise<{ channel: ChannelId; lastInboundAt: Date | null }[]> {
    const reach: { channel: ChannelId; lastInboundAt: Date | null }[] = [];
    for (let cursor = ""; ; ) {
      const batch = await this.selectBatch(audience, cursor, 2000);
      reach.push(...batch.recipients.map((r) => ({ channel: r.channel, lastInboundAt: r.lastInboundAt })));
      if (!batch.last) return reach;
      cursor = batch.last;
    }
  }

  async startDue(now: Date): Promise<string[]> {
    const due = await this.db.broadcast.findMany({
      where: { status: "scheduled", sendAt: { lte: now } },
      select: { id: true },
      take: 50,
    });
    const started: string[] = [];
    for (const { id } of due) {
      const { count } = await this.db.broadcast.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "sending" },
      });
      if (count === 1) started.push(id);
    }
    return started;
  }

  async listSending(): Promise<BroadcastRecord[]> {
    return (
      await this.db.broadcast.findMany({ where: { status: "sending" }, orderBy: { sendAt: "asc" } })
    ).map(toBroadcast);
  }

  async materialiseNext(
    id: string,
    batchSize: number,
    render: (lang: Language) => RenderedMessage,
    now: Date,
  ): Promise<"more" | "done" | "stopped"> {
    const broadcast = await this.db.broadcast.findUnique({ where: { id } });
    if (broadcast?.status !== "sending" || broadcast.materialisedAt) return "stopped";
    const batch = await this.selectBatch(parseAudience(broadcast.audience), broadcast.cursor, batchSize);
    const rows = batch.recipients.map((c) => ({
      channel: c.channel,
      externalId: c.externalId,
      contactId: c.id,
      broadcastId: id,
      body: JSON.stringify(render(c.language)),
      purpose: broadcast.recurringId ? "reminder" : "broadcast",
    }));
    return queueBatch(
      this.db,
      { last: batch.last, now },
      (tx, step) =>
        tx.broadcast.updateMany({
          where: { id, cursor: broadcast.cursor, status: "sending", materialisedAt: null },
          data: step,
        }),
      async (tx) => {
        if (rows.length > 0) await tx.outboxMessage.createMany({ data: rows });
      },
    );
  }

  async finishIfDrained(id: string, now: Date): Promise<boolean> {
    const unsent = await this.db.outboxMessage.count({ where: { broadcastId: id, status: { in: UNSENT } } });
    if (unsent > 0) return false;
    const { count } = await this.db.broadcast.updateMany({
      where: { id, status: "sending", materialisedAt: { not: null } },
      data: { status: "done", finishedAt: now },
    });
    return count === 1;
  }

  async advanceReported(id: string, from: number, to: number): Promise<boolean> {
    const { count } = await this.db.broadcast.updateMany({
      where: { id, reported: from },
      data: { reported: to },
    });
    return count === 1;
  }

  async listOpen(filter: { createdBy?: string; limit: number }): Promise<BroadcastRecord[]> {
    const rows = await this.db.broadcast.findMany({
      where: {
        status: { in: ["scheduled", "sending"] },
        ...(filter.createdBy ? { createdBy: filter.createdBy } : {}),
      },
      orderBy: [{ sendAt: "asc" }, { id: "asc" }],
      take: filter.limit,
    });
    return rows.map(toBroadcast);
  }

  async update(
    id: string,
    change: { sendAt?: Date; text?: string; textEn?: string | null },
  ): Promise<BroadcastRecord | null> {
    const { count } = await this.db.broadcast.updateMany({
      where: { id, status: "scheduled" },
      data: change,
    });
    return count === 1 ? this.get(id) : null;
  }

  async cancel(id: string, now: Date): Promise<BroadcastRecord | null> {
    const { count } = await this.db.broadcast.updateMany({
      where: { id, status: { in: ["scheduled", "sending"] } },
      data: { status: "cancelled", finishedAt: now },
    });
    if (count !== 1) return null;
    // After the status change: a materialisation committed before it is caught here, one after it fails
    // its conditional cursor update. Claimed rows waiting for a slot cannot move on to "sending" any more.
    await this.db.outboxMessage.updateMany({
      where: { broadcastId: id, status: { in: ["pending", "claimed"] } },
      data: { status: "cancelled", lockedBy: null, lockedUntil: null },
    });
    return this.get(id);
  }

  async contactAddress(contactId: string): Promise<ContactAddress | null> {
    const c = await this.db.contact.findUnique({ where: { id: contactId } });
    return c
      ? { channel: c.channel as ChannelId, externalId: c.externalId, language: lang(c.language) }
      : null;
  }

  /**
   * The next subscribers after `cursor` (by contact id) and those of them the audience reaches: active
   * subscription, reachable contact, and the audience's filters. `last` is the cursor to go on from, or
   * undefined when every subscriber has been looked at.
   */
  private async selectBatch(audience: Audience, cursor: string, size: number) {
    const subs = await this.db.subscription.findMany({
      where: {
        active: true,
        contactId: { gt: cursor },
        ...(audience.communes ? { communeCode: { in: audience.communes } } : {}),
      },
      orderBy: { contactId: "asc" },
      take: size,
      select: { contactId: true },
    });
    const ids = subs.map((s) => s.contactId);
    const contacts = ids.length
      ? await this.db.contact.findMany({
          where: {
            id: { in: ids },
            reachable: true,
            ...(audience.languages ? { language: { in: audience.languages } } : {}),
          },
          orderBy: { id: "asc" },
        })
      : [];
    let recipients = contacts.map((c) => ({
      id: c.id,
      channel: c.channel as ChannelId,
      externalId: c.externalId,
      language: lang(c.language),
      lastInboundAt: c.lastInboundAt,
    }));
    const roles = audience.roles;
    if (roles && roles.length === 1) {
      // Venue owners are derived from the venues they registered (active ones), not stored as a tag.
      const owners = new Set(
        (
          await this.db.venue.findMany({
            where: { ownerContactId: { in: recipients.map((r) => r.id) }, active: true },
            select: { ownerContactId: true },
          })
        ).map((v) => v.ownerContactId),
      );
      const wantOwners = roles[0] === "venue-owner";
      recipients = recipients.filter((r) => owners.has(r.id) === wantOwners);
    }
    return { recipients, last: subs.length === size ? ids.at(-1) : undefined };
  }
}

function lang(value: string): Language {
  return value === "en" ? "en" : "vi";
}

function toBroadcast(row: Broadcast): BroadcastRecord {
  return {
    id: row.id,
    text: row.text,
    textEn: row.textEn,
    audience: parseAudience(row.audience),
    status: row.status as BroadcastStatus,
    sendAt: row.sendAt,
    createdBy: row.createdBy,
    creatorContactId: row.creatorContactId,
    materialisedAt: row.materialisedAt,
    reported: row.reported,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
