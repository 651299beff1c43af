import type { ChannelId, Language } from "./messages";
import type { RenderedMessage } from "./rendered-message";

/** How a row is settled when whether the platform got it cannot be known; broadcast reports count these. */
export const DELIVERY_UNKNOWN = "interrupted while sending; delivery unknown";

/** The outcome of one delivery attempt, classified so the dispatcher can act without platform knowledge. */
export type SendResult =
  /**
   * `quotaType`: what paid for it where the platform says (Zalo OA `quota.quota_type`; "none" = billed,
   * "template" = an approved template message), kept on the delivery record.
   */
  | { status: "sent"; quotaType?: string }
  /**
   * Not sent on purpose, and the person stays reachable: outside the platform's messaging window (Zalo OA,
   * 7 days after their last interaction). The next message after they write goes out as usual.
   */
  | { status: "skipped"; reason: string }
  /** The person blocked the bot or left; stop sending to them. */
  | { status: "blocked"; reason: string }
  /** The platform asked us to slow down; try again after this many milliseconds. */
  | { status: "retry"; afterMs: number; reason: string }
  /**
   * A transient failure (network, 5xx); retry with backoff. `maybeDelivered`: the call may have reached
   * the platform before it failed (connection lost mid-call, timeout), so sending again may send twice.
   */
  | { status: "transient"; reason: string; maybeDelivered?: boolean }
  /** A permanent failure for this message (bad request); do not retry. */
  | { status: "failed"; reason: string };

/** A person on one channel, as the conversation core sees them. */
export interface ContactRecord {
  id: string;
  channel: ChannelId;
  externalId: string;
  displayName: string | null;
  language: Language;
  /** True once the person picked a language; then platform hints no longer change it. */
  languageSet: boolean;
  reachable: boolean;
  /** The choices last offered, so "2" or a typed label can answer them on any channel. */
  choices: RenderedChoice[];
}

export interface RenderedChoice {
  label: string;
  payload: string;
  /** The choice answers "yes" or "no": typed yes/no ("ko", "dc", "ừ") picks it. */
  answers?: "yes" | "no";
}

/** Where a contact is in a multi-step flow. */
export interface DialogRecord {
  flow: string;
  step: string;
  data: Record<string, unknown>;
  updatedAt: Date;
}

/**
 * Why a message is sent when nobody asked for it. Platforms with a messaging window (Zalo OA) pick an
 * approved template by it when the person is outside the window; a reply has none.
 */
export type OutboxPurpose = "broadcast" | "reminder" | "alert";

/** An outbound message queued for one recipient. */
export interface OutboxItem {
  channel: ChannelId;
  externalId: string;
  contactId: string | null;
  message: RenderedMessage;
  broadcastId?: string;
  /** The platform's id of the inbound message this answers (Zalo OA replies by message id). */
  replyTo?: string;
  purpose?: OutboxPurpose;
  /**
   * A row queued by a turn outside its own transaction (a message to an officer about a ticket) carries the
   * turn's effect id (src/core/effect-id.ts): the turn run again queues it once.
   */
  effectId?: string;
}

/**
 * How a message nobody asked for would reach one person now, on a channel with a messaging window (Zalo OA):
 * `free` inside it, `billed` in its paid part, `template` by an approved template message, `outside` not at
 * all until the person writes again.
 */
export type WindowVerdict = "free" | "billed" | "template" | "outside";

/** A channel's messaging window, as previews, alerts and its sender decide with it. */
export interface MessagingWindow {
  verdict(lastInboundAt: Date | null, purpose: OutboxPurpose | undefined, now: Date): WindowVerdict;
}

/** What a sender may need to know about a row beyond its message. */
export interface SendContext {
  /**
   * The outbox row being delivered: a channel whose "send" is a database write (the web chat) keys it by
   * this, so delivering the row again after a crash adds nothing (docs/adr/016-scale-out.md).
   */
  outboxId?: number;
  replyTo?: string;
  purpose?: OutboxPurpose;
}

/** Everything one processed update changes, written atomically. */
export interface TurnCommit {
  inboxId: number;
  contact: ContactRecord;
  /** `null` clears the dialog; `undefined` leaves it as it was. */
  dialog: DialogRecord | null | undefined;
  outbox: OutboxItem[];
  /** When the person's event happened (platform time when known): the contact's last interaction. */
  interactionAt?: Date;
}

/**
 * Conversation state storage: plain SQL in src/db/sql-conversation-store.ts (it runs for every message) and
 * `FakeConversationStore` (fake-conversation-store.ts) for dialog tests, held to one spec by
 * test/contracts/conversation-store.contract.ts.
 */
export interface ConversationStore {
  /** Finds the contact or creates it with the given defaults. */
  upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }): Promise<ContactRecord>;
  getDialog(contactId: string): Promise<DialogRecord | null>;
  /**
   * Stores the turn's outcome and marks its update done, all or nothing. Throws {@link TurnAlreadyCommitted}
   * (and stores nothing) when the update was no longer pending: another process processed it meanwhile.
   */
  commitTurn(turn: TurnCommit): Promise<void>;
}

/** The update of a turn was processed by someone else first (several processes on one database). */
export class TurnAlreadyCommitted extends Error {
  constructor(readonly inboxId: number) {
    super(`inbox update ${inboxId} was already processed`);
    this.name = "TurnAlreadyCommitted";
  }
}

/** A stored webhook update waiting to be processed. */
export interface InboxRecord {
  id: number;
  channel: ChannelId;
  updateKey: string;
  conversationKey: string;
  payload: string;
  attempts: number;
}

/** The durable inbox: webhooks are acknowledged only after `append` returns. */
export interface InboxStore {
  /** Stores the update; returns `duplicate` when the platform's id was seen before (a replay). */
  append(input: {
    channel: ChannelId;
    updateKey: string;
    conversationKey: string;
    payload: string;
  }): Promise<{ id: number; duplicate: boolean }>;
  /** Pending updates of one conversation, oldest first. */
  pendingFor(conversationKey: string, limit: number): Promise<InboxRecord[]>;
  /**
   * Conversations that still have pending updates (used at start-up and by the sweeper); with
   * `receivedBefore`, only those with an update waiting since before then.
   */
  pendingConversations(limit: number, receivedBefore?: Date): Promise<string[]>;
  markFailed(id: number, error: string, final: boolean): Promise<void>;
  /** Marks an update done without a turn (ignored events). */
  markDone(id: number): Promise<void>;
  status(id: number): Promise<string | null>;
}

/** A queued outbox row as the dispatcher sees it. */
export interface OutboxRecord extends OutboxItem {
  id: number;
  attempts: number;
  /** This claim's token: only its holder may move the row to "sending". */
  claim: string;
  /** When it was queued: the rows of one turn share it (one insert), which tells a turn's first message. */
  queuedAt?: Date;
}

/**
 * Which rows one claim may take (the dispatcher's lanes). "replies": replies, and the broadcast rows a
 * waiting reply's recipient must get first (order is kept per recipient); "broadcasts": the other broadcast
 * rows. Without a filter, everything due, the former first.
 */
export interface ClaimFilter {
  kind: "replies" | "broadcasts";
  /** Only rows to these channels. */
  channels?: ChannelId[];
  /** No rows to these channels. */
  otherThan?: ChannelId[];
}

/** The durable outbox drained by the dispatcher. */
export interface OutboxStore {
  enqueue(items: OutboxItem[]): Promise<void>;
  /**
   * Claims due rows for sending with a lease, at most one in-flight row per recipient, each recipient's
   * oldest first, replies before broadcast rows. A row is claimed by exactly one worker even when several
   * processes share the database.
   */
  claimDue(
    workerId: string,
    limit: number,
    leaseMs: number,
    now: Date,
    filter?: ClaimFilter,
  ): Promise<OutboxRecord[]>;
  /**
   * Moves claimed rows to "sending" right before their platform calls; per row false when its claim was
   * lost (expired and taken over), in which case the caller must not send it.
   */
  markSending(rows: { id: number; claim: string }[], leaseMs: number, now: Date): Promise<boolean[]>;
  /** Marks rows sent (the common outcome, written in batches). */
  completeSent(ids: number[], now: Date): Promise<void>;
  complete(id: number, result: SendResult, now: Date, nextAttemptAt?: Date): Promise<void>;
  /** Rows still to send for one recipient (web chat waits for these). */
  pendingCount(channel: ChannelId, externalId: string): Promise<number>;
  /** Marks a contact unreachable after a "blocked" result. */
  markUnreachable(channel: ChannelId, externalId: string): Promise<void>;
  /**
   * Settles rows whose lease ran out: "claimed" ones go back to the queue, "sending" ones (a worker died
   * mid-call) are failed as delivery unknown, never resent (docs/adr/004-outbox-delivery.md).
   */
  settleAbandoned(now: Date): Promise<void>;
}

/** Binary files (QR images, posters) kept for a while and served at an unguessable URL. */
export interface MediaStore {
  put(input: { data: Buffer; filename: string; contentType: string; ttlMs: number }): Promise<string>;
  get(id: string, now: Date): Promise<{ data: Buffer; filename: string; contentType: string } | null>;
  deleteExpired(now: Date): Promise<number>;
}

/** Delivers rendered messages on one channel. Adapters map platform errors into {@link SendResult}. */
export interface ChannelSender {
  readonly channel: ChannelId;
  send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult>;
}
