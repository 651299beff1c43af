import { randomUUID } from "node:crypto";
import type { Logger } from "../../core/logger";
import type { ChannelId } from "../../core/messages";
import { type Language, type Text, t } from "../../core/messages";
import type { MessagingWindow, OutboxPurpose, OutboxStore } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import type { TextRenderer } from "../../core/renderer";
import { shorten } from "../../core/shorten";
import type { Audience } from "./audience";
import type { BroadcastCounts, BroadcastRecord, BroadcastStore, WindowSplit } from "./broadcast-store";

/** Who a broadcast would reach now: per channel, and on channels with a messaging window, how. */
export interface AudienceReach {
  total: number;
  byChannel: Partial<Record<ChannelId, number>>;
  /** Zalo OA recipients by window; absent when the audience has none. */
  zaloOa?: WindowSplit;
}

/** Recipients queued per transaction: small enough to keep a transaction short, large enough to be quick. */
export const MATERIALISE_BATCH = 500;

const MILESTONES = [25, 50, 75];

/**
 * Broadcasts: created by officers (chat or API), started by the scheduler when due, queued one outbox row
 * per recipient in the recipient's language, reported to the officer at 25/50/75 % and when done.
 */
export class BroadcastService {
  constructor(
    private readonly store: BroadcastStore,
    private readonly outbox: OutboxStore,
    private readonly texts: TextRenderer,
    private readonly logger: Logger,
    /** Wakes the dispatcher after rows were queued. */
    private readonly onQueued: () => void = () => {},
    /** Channels with a messaging window (Zalo OA): the preview says how each recipient would be reached. */
    private readonly windows: ReadonlyMap<ChannelId, MessagingWindow> = new Map(),
  ) {}

  /** The audience now, per channel and (Zalo OA) per window, for the composer's preview. */
  async reach(audience: Audience, now: Date, purpose: OutboxPurpose = "broadcast"): Promise<AudienceReach> {
    const people = await this.store.audienceReach(audience);
    const byChannel: Partial<Record<ChannelId, number>> = {};
    const split: WindowSplit = { free: 0, billed: 0, template: 0, outside: 0 };
    const window = this.windows.get("zalo-oa");
    let zalo = 0;
    for (const p of people) {
      byChannel[p.channel] = (byChannel[p.channel] ?? 0) + 1;
      if (p.channel !== "zalo-oa" || !window) continue;
      zalo++;
      split[window.verdict(p.lastInboundAt, purpose, now)]++;
    }
    return { total: people.length, byChannel, ...(zalo > 0 ? { zaloOa: split } : {}) };
  }

  async create(input: {
    text: string;
    textEn?: string | null;
    audience: Audience;
    sendAt: Date;
    createdBy: string;
    creatorContactId?: string | null;
    recurringId?: string;
    /** A stable id (a chat turn's, src/core/effect-id.ts): the broadcast already there is returned. */
    id?: string;
  }): Promise<BroadcastRecord> {
    const earlier = input.id ? await this.store.get(input.id) : null;
    if (earlier) return earlier;
    return this.store.create({
      id: input.id ?? randomUUID(),
      text: input.text,
      textEn: input.textEn ?? null,
      audience: input.audience,
      sendAt: input.sendAt,
      createdBy: input.createdBy,
      creatorContactId: input.creatorContactId ?? null,
      ...(input.recurringId ? { recurringId: input.recurringId } : {}),
    });
  }

  get(id: string): Promise<BroadcastRecord | null> {
    return this.store.get(id);
  }

  countAudience(audience: Audience): Promise<number> {
    return this.store.countAudience(audience);
  }

  /** Counts; before a broadcast starts, `total` and `pending` are the audience as it stands now. */
  async counts(broadcast: BroadcastRecord): Promise<BroadcastCounts> {
    const counts = await this.store.counts(broadcast.id);
    if (broadcast.status === "scheduled") {
      const total = await this.store.countAudience(broadcast.audience);
      return { ...counts, total, pending: total };
    }
    return counts;
  }

  cancel(id: string, now: Date): Promise<BroadcastRecord | null> {
    return this.store.cancel(id, now);
  }

  /**
   * Cancels a broadcast and says what went: sent before the cancel, stopped by it, and still being handed
   * to a platform (those few finish; a message half-sent cannot be called back). "finished" when it was
   * already done or cancelled, "notFound" for an unknown id.
   */
  async stop(id: string, now: Date, actor: string): Promise<StopOutcome> {
    const cancelled = await this.store.cancel(id, now);
    if (!cancelled) return (await this.store.get(id)) ? "finished" : "notFound";
    const counts = await this.store.counts(id);
    this.logger.info(
      { broadcastId: id, actor, sent: counts.sent, stopped: counts.cancelled },
      "broadcast cancelled",
    );
    return { broadcast: cancelled, sent: counts.sent, stopped: counts.cancelled, inFlight: counts.pending };
  }

  /** Broadcasts not finished yet, soonest first; `createdBy` narrows to one officer's. */
  listOpen(filter: { createdBy?: string; limit: number }): Promise<BroadcastRecord[]> {
    return this.store.listOpen(filter);
  }

  /**
   * Moves and/or rewrites a broadcast that has not started; null once it has. A new Vietnamese text without
   * a new English one drops the old English text: a translation of the previous wording would mislead.
   */
  async update(
    id: string,
    change: { sendAt?: Date; text?: string; textEn?: string | null },
    actor: string,
  ): Promise<BroadcastRecord | null> {
    const next =
      change.text !== undefined && change.textEn === undefined ? { ...change, textEn: null } : change;
    const updated = await this.store.update(id, next);
    if (updated)
      this.logger.info(
        { broadcastId: id, actor, sendAt: change.sendAt?.toISOString(), edited: change.text !== undefined },
        "broadcast changed",
      );
    return updated;
  }

  /** One scheduler step: start due broadcasts, queue their recipients, report progress, close finished ones. */
  async tick(now: Date): Promise<void> {
    for (const id of await this.store.startDue(now))
      this.logger.info({ broadcastId: id }, "broadcast started");
    for (const broadcast of await this.store.listSending()) {
      if (!broadcast.materialisedAt) await this.materialise(broadcast, now);
      await this.report(broadcast.id, now);
    }
  }

  private async materialise(broadcast: BroadcastRecord, now: Date): Promise<void> {
    const render = (lang: Language): RenderedMessage => ({
      kind: "text",
      text: `${lang === "en" && broadcast.textEn ? broadcast.textEn : broadcast.text}\n\n${this.texts.render(
        t("broadcasts:footer"),
        lang,
      )}`,
    });
    const started = Date.now();
    for (;;) {
      const result = await this.store.materialiseNext(broadcast.id, MATERIALISE_BATCH, render, now);
      if (result !== "more") break;
    }
    this.logger.debug({ broadcastId: broadcast.id, ms: Date.now() - started }, "broadcast queued");
    this.onQueued();
  }

  private async report(id: string, now: Date): Promise<void> {
    const broadcast = await this.store.get(id);
    if (!broadcast?.materialisedAt || broadcast.status !== "sending") return;
    const counts = await this.store.counts(id);
    if (counts.pending === 0 && (await this.store.finishIfDrained(id, now))) {
      this.logger.info({ broadcastId: id, ...counts }, "broadcast done");
      const done = t("broadcasts:report.done", reportParams(broadcast, counts));
      const zalo = counts.zaloOa ? t("broadcasts:report.zalo", { ...counts.zaloOa }) : undefined;
      return this.tell(broadcast, zalo ? { lines: [done, zalo] } : done);
    }
    if (counts.total === 0) return;
    const percent = Math.floor(((counts.total - counts.pending) * 100) / counts.total);
    const milestone = MILESTONES.filter((m) => m <= percent).at(-1) ?? 0;
    if (
      milestone > broadcast.reported &&
      (await this.store.advanceReported(id, broadcast.reported, milestone))
    ) {
      await this.tell(
        broadcast,
        t("broadcasts:report.progress", { ...reportParams(broadcast, counts), percent: milestone }),
      );
    }
  }

  /** Writes to the officer who created the broadcast (API broadcasts have nobody to tell). */
  private async tell(broadcast: BroadcastRecord, text: Text): Promise<void> {
    if (!broadcast.creatorContactId) return;
    const to = await this.store.contactAddress(broadcast.creatorContactId);
    if (!to) return;
    await this.outbox.enqueue([
      {
        channel: to.channel,
        externalId: to.externalId,
        contactId: broadcast.creatorContactId,
        message: { kind: "text", text: this.texts.render(text, to.language) },
      },
    ]);
    this.onQueued();
  }
}

/** What cancelling a broadcast did. */
export type StopOutcome =
  | { broadcast: BroadcastRecord; sent: number; stopped: number; inFlight: number }
  | "finished"
  | "notFound";

/** A short, recognisable reference to a broadcast in chat: its id's first characters and the text's start. */
export function broadcastRef(broadcast: Pick<BroadcastRecord, "id" | "text">): string {
  return `#${broadcast.id.slice(0, 6)} “${shorten(broadcast.text, 40)}”`;
}

function reportParams(broadcast: BroadcastRecord, c: BroadcastCounts) {
  return {
    ref: broadcastRef(broadcast),
    total: c.total,
    sent: c.sent,
    failed: c.failed,
    unknown: c.unknown,
    blocked: c.blocked,
    cancelled: c.cancelled,
    skipped: c.skipped,
  };
}

/** The preview's lines about channels and the Zalo window (empty for an audience on one plain channel). */
export function reachLines(reach: AudienceReach): Text[] {
  const channels = Object.entries(reach.byChannel);
  const lines: Text[] = [];
  if (channels.length > 1 || reach.zaloOa) {
    const list = channels.map(([channel, n]) => `${CHANNEL_NAMES[channel as ChannelId]} ${n}`).join(", ");
    lines.push(t("broadcasts:compose.previewChannels", { list }));
  }
  if (reach.zaloOa) lines.push(t("broadcasts:compose.previewZalo", { ...reach.zaloOa }));
  return lines;
}

/** Channel names as officers know them. */
export const CHANNEL_NAMES: Record<ChannelId, string> = {
  telegram: "Telegram",
  "zalo-oa": "Zalo OA",
  "zalo-bot": "Zalo Bot",
  webchat: "Web chat",
};
