import type { ChannelId, Language } from "../../core/messages";
import type { OutboxItem } from "../../core/ports";

/** The three yes/no questions asked at check-in. */
export interface HealthAnswers {
  /** Fever, cough or difficulty breathing now. */
  symptoms: boolean;
  /** Close contact with a confirmed case (F0) in the last 14 days. */
  closeContact: boolean;
  /** Came from an outbreak area. */
  travel: boolean;
}

/** Where a check-in came from: the QR page or a chat channel. */
export type VisitSource = "web" | ChannelId;

/** One check-in at a venue. */
export interface VisitRecord {
  id: string;
  venueId: string;
  /** E.164, or null for a chat check-in without a number. */
  phone: string | null;
  name: string | null;
  /** The chat contact who checked in, so an alert can reach them directly. */
  contactId: string | null;
  source: VisitSource;
  visitedAt: Date;
  answers: HealthAnswers | null;
  flagged: boolean;
}

/** Visit storage port (Prisma in src/db). Visits are personal data: read them only through audited paths. */
export interface VisitStore {
  /** The latest visit at `venueId` since `since` by the same phone or the same chat contact. */
  findRecent(
    venueId: string,
    who: { phone?: string | null; contactId?: string | null },
    since: Date,
  ): Promise<VisitRecord | null>;
  create(visit: VisitRecord): Promise<VisitRecord>;
  update(
    id: string,
    patch: Partial<Pick<VisitRecord, "phone" | "name" | "contactId" | "answers" | "flagged">>,
  ): Promise<VisitRecord>;
  findById(id: string): Promise<VisitRecord | null>;
  /** Visits at these venues with `from <= visitedAt < to`, oldest first. */
  listByVenues(venueIds: string[], from: Date, to: Date): Promise<VisitRecord[]>;
  /** Check-in times only (for the owner's daily counts: no personal data leaves the store). */
  visitTimes(venueId: string, since: Date): Promise<Date[]>;
  /** Deletes visits (and alert recipients) older than `cutoff`; returns how many visits went. */
  deleteOlderThan(cutoff: Date): Promise<number>;
}

/** One row of the audit log. */
export interface AuditEntry {
  actor: string;
  action: AuditAction;
  venueId?: string | null;
  communeCode?: string | null;
  windowFrom?: Date | null;
  windowTo?: Date | null;
  resultCount: number;
  /** What a staff action was about, never personal data: a broadcast, officer, token or venue id. */
  subject?: string | null;
}

/**
 * Reads of visit data; erasures on request; officers' API tokens; and every other staff action, named by
 * where it came from: `chat.<what>` (an officer's chat command), `dashboard <METHOD> <route>`,
 * `api <METHOD> <route>`.
 */
export type AuditAction =
  | "visits.venue"
  | "visits.commune"
  | "alert.venue"
  | "survey.create"
  | "survey.results"
  | "survey.csv"
  | "survey.close"
  | "followups.counts"
  | "followups.define"
  | "faq.edit"
  | "faq.publish"
  | "faq.restore"
  | "faq.import"
  // Handover tickets (src/features/handover): `venueId` holds "ticket:<id>" for these.
  | "ticket.read"
  | "ticket.take"
  | "ticket.reply"
  | "ticket.pass"
  | "ticket.close"
  | "privacy.erase"
  | "apitoken.create"
  | "apitoken.revoke"
  | `chat.${string}`
  | `dashboard ${string}`
  | `api ${string}`;

/** A stored audit row. */
export interface AuditRecord extends AuditEntry {
  id: number;
  createdAt: Date;
}

/**
 * The audit log port. Append-only on purpose: there is no update or delete, so whoever reads visit data
 * cannot hide it afterwards (a test checks that no such method or route exists).
 */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, `from <= createdAt < to`. */
  list(filter: { from: Date; to: Date; limit: number }): Promise<AuditRecord[]>;
}

/** A chat contact as an alert needs it. */
export interface AlertContact {
  id: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  reachable: boolean;
  /** Their last inbound event: on Zalo OA it decides whether a chat message can reach them at all. */
  lastInboundAt?: Date | null;
}

/** Storage of exposure alerts: one alert per venue and window, at most one message per contact. */
export interface AlertStore {
  contacts(ids: string[]): Promise<AlertContact[]>;
  /** The alert for this venue and window, created by `actor` if new. */
  alertFor(input: { venueId: string; from: Date; to: Date; actor: string }): Promise<{ id: string }>;
  /**
   * Queues `messages` for contacts that have not had this alert yet, in one transaction with the recipient
   * rows; returns the contact ids newly queued. A contact already alerted is skipped (idempotent).
   */
  queue(alertId: string, messages: { contactId: string; item: OutboxItem }[]): Promise<string[]>;
}
