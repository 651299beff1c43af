import type { ChannelId, Language } from "../../core/messages";
import type { RenderedMessage } from "../../core/rendered-message";
import type { Audience } from "./audience";

export type BroadcastStatus = "scheduled" | "sending" | "done" | "cancelled";

/** A broadcast as features see it. */
export interface BroadcastRecord {
  id: string;
  text: string;
  textEn: string | null;
  audience: Audience;
  status: BroadcastStatus;
  sendAt: Date;
  createdBy: string;
  creatorContactId: string | null;
  materialisedAt: Date | null;
  /** Last progress milestone (percent) reported to the officer. */
  reported: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * Delivery counts from the outbox. `failed` includes `unknown`: rows a crashed worker was sending, whose
 * delivery nobody can confirm (settled failed so nobody gets the message twice, see ADR 004).
 */
export interface BroadcastCounts {
  total: number;
  sent: number;
  failed: number;
  unknown: number;
  blocked: number;
  pending: number;
  cancelled: number;
  /** Not sent, the person outside a messaging window (Zalo OA after 7 days); they stay reachable. */
  skipped: number;
  /** Zalo OA deliveries by window (free / billed / template sent, outside = skipped); absent without any. */
  zaloOa?: WindowSplit;
}

/** Zalo OA recipients by how their message goes (or would go) out. */
export interface WindowSplit {
  free: number;
  billed: number;
  template: number;
  outside: number;
}

/** Where and in which language to write to a contact. */
export interface ContactAddress {
  channel: ChannelId;
  externalId: string;
  language: Language;
}

/** Broadcast storage port: Prisma in src/db, `FakeBroadcastStore` (fake-broadcast-store.ts) for tests, one contract for both. */
export interface BroadcastStore {
  create(input: {
    id: string;
    text: string;
    textEn: string | null;
    audience: Audience;
    sendAt: Date;
    createdBy: string;
    creatorContactId: string | null;
    recurringId?: string;
  }): Promise<BroadcastRecord>;
  get(id: string): Promise<BroadcastRecord | null>;
  counts(id: string): Promise<BroadcastCounts>;
  /** Reachable subscribers the audience would reach now. */
  countAudience(audience: Audience): Promise<number>;
  /** The same people's channels and last interactions, for the preview's per-channel and window counts. */
  audienceReach(audience: Audience): Promise<{ channel: ChannelId; lastInboundAt: Date | null }[]>;
  /** Moves scheduled broadcasts whose time has come to "sending" (conditionally: one process wins each). */
  startDue(now: Date): Promise<string[]>;
  listSending(): Promise<BroadcastRecord[]>;
  /**
   * Queues the next batch of recipients (one outbox row each) and advances the cursor in the same
   * transaction, conditionally on the cursor read: a crash or a second process can never queue a batch
   * twice. "done" once every subscriber was looked at; "stopped" when cancelled or another process moved on.
   */
  materialiseNext(
    id: string,
    batchSize: number,
    render: (lang: Language) => RenderedMessage,
    now: Date,
  ): Promise<"more" | "done" | "stopped">;
  /** Marks a fully queued broadcast done when none of its rows is still unsent; true if this call did it. */
  finishIfDrained(id: string, now: Date): Promise<boolean>;
  /** Moves the reported milestone from `from` to `to`; true if this call did it (one report per milestone). */
  advanceReported(id: string, from: number, to: number): Promise<boolean>;
  /** Broadcasts not finished yet (scheduled or sending), soonest first; `createdBy` narrows to one author. */
  listOpen(filter: { createdBy?: string; limit: number }): Promise<BroadcastRecord[]>;
  /**
   * Changes the time and/or text of a broadcast that is still scheduled, conditionally on that status: one
   * the scheduler started a moment ago is left as it is (null), never changed while it is being queued.
   */
  update(
    id: string,
    change: { sendAt?: Date; text?: string; textEn?: string | null },
  ): Promise<BroadcastRecord | null>;
  /** Cancels a scheduled or sending broadcast and its unsent rows; sent rows stay sent. */
  cancel(id: string, now: Date): Promise<BroadcastRecord | null>;
  contactAddress(contactId: string): Promise<ContactAddress | null>;
}
