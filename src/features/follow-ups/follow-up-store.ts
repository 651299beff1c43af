import type { ChannelId, Language } from "../../core/messages";
import type { RenderedChoice } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";

/** The built-in follow-up: "remind me about my next vaccine dose". */
export const DOSE_FOLLOW_UP = "dose";

/** What starts a follow-up for a person: an exposure alert that reached them (the day of their visit). */
export type FollowUpTrigger = "exposure";

/**
 * A follow-up: remind `offsetDays` after a person's event date (null: the person gives the day, as for the
 * next dose), with `earlyDays` before it a first reminder. The dose one is built in (its `text` is a locale
 * key); officers define "exposure" ones on the dashboard, in their own words.
 */
export interface FollowUpDefinition {
  id: string;
  name: string;
  text: string;
  offsetDays: number | null;
  earlyDays: number | null;
  active: boolean;
  trigger: FollowUpTrigger | null;
}

/** A stored definition: who made it and when (exposure follow-ups start with alerts after that). */
export interface StoredFollowUp extends FollowUpDefinition {
  createdBy: string;
  createdAt: Date;
}

/** Someone an exposure alert reached, not yet scheduled for a follow-up: the alert, and when they were there. */
export interface ExposedPerson {
  contactId: string;
  alertId: string;
  /** Their chat check-in at the venue within the alert's window (null: none found, e.g. erased). */
  visitedAt: Date | null;
  windowTo: Date;
}

export type FollowUpStatus = "active" | "done" | "stopped";

/** One scheduled follow-up of one person. */
export interface FollowUpReminderRecord {
  id: string;
  followUpId: string;
  contactId: string;
  communeCode: string | null;
  eventDate: string | null;
  detail: string | null;
  dueDate: string;
  earlyAt: Date | null;
  earlySentAt: Date | null;
  dueAt: Date;
  dueSentAt: Date | null;
  status: FollowUpStatus;
}

/** Where a reminder goes, and the message for it. */
export interface ReminderDelivery {
  channel: ChannelId;
  externalId: string;
  language: Language;
}

/** A reminder message, with the choices it leaves open ("đã tiêm", "dừng" typed answer its buttons). */
export interface ReminderMessage {
  message: RenderedMessage;
  choices: RenderedChoice[];
}

/**
 * Follow-up storage port: Prisma in src/db/prisma-follow-up-store.ts. Sending is a claim: the row's
 * `earlySentAt`/`dueSentAt` moves from null in the same transaction as its outbox row, so each reminder is
 * queued exactly once, across restarts and processes.
 */
export interface FollowUpStore {
  /** Stores a definition unless one with its id exists (the built-in dose one is ensured at every start). */
  ensureDefinition(definition: FollowUpDefinition, createdBy: string): Promise<void>;
  /** Oldest first. */
  definitions(): Promise<StoredFollowUp[]>;
  /**
   * People exposure alerts reached since `since` who have no reminder of follow-up `followUpId` for that
   * alert yet (the alert id is the reminder's `detail`), at most `limit`.
   */
  exposedSince(followUpId: string, since: Date, limit: number): Promise<ExposedPerson[]>;
  /** Schedules a reminder; an active one of the same follow-up for the person is replaced (stopped). */
  schedule(input: {
    id: string;
    followUpId: string;
    contactId: string;
    eventDate: string | null;
    detail: string | null;
    dueDate: string;
    earlyAt: Date | null;
    dueAt: Date;
  }): Promise<FollowUpReminderRecord>;
  active(contactId: string): Promise<FollowUpReminderRecord[]>;
  /** Ends the person's active reminders ("done": "đã tiêm"; "stopped": "dừng"); returns how many. */
  end(contactId: string, status: "done" | "stopped", id?: string): Promise<number>;
  /**
   * Queues every reminder due by `now` not queued yet (early, then on the day), each claimed in one
   * transaction with its outbox row; returns how many were queued.
   */
  sendDue(
    now: Date,
    render: (
      reminder: FollowUpReminderRecord,
      which: "early" | "due",
      to: ReminderDelivery,
    ) => ReminderMessage,
  ): Promise<number>;
  /** Active reminders per commune (the person's subscription commune; null when they have none). */
  countsByCommune(): Promise<{ communeCode: string | null; count: number }[]>;
  /** Removes a person's reminders (erasure on request). */
  eraseContact(contactId: string): Promise<number>;
  /** Reminders kept for the person (an access request). */
  countContact(contactId: string): Promise<number>;
  /** Deletes reminders that ended (or whose day passed) before `before` (retention). */
  purgeEndedBefore(before: Date): Promise<number>;
}
