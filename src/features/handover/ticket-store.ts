import type { ChannelId, Language } from "../../core/messages";
import type { RenderedChoice } from "../../core/ports";

/** open = waiting for an officer; waiting = answered, waiting for the person; closed. */
export const TICKET_STATUSES = ["open", "waiting", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A person's request to talk to an officer, as features see it. */
export interface TicketRecord {
  id: string;
  contactId: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  communeCode: string | null;
  status: TicketStatus;
  question: string;
  assigneeId: string | null;
  firstAnsweredAt: Date | null;
  lastCitizenAt: Date;
  closedAt: Date | null;
  rating: "up" | "down" | null;
  ratingComment: string | null;
  remindedOfficersAt: Date | null;
  remindedAdminsAt: Date | null;
  createdAt: Date;
}

export interface TicketMessageRecord {
  id: number;
  author: "citizen" | "officer" | "transcript";
  officerId: string | null;
  text: string;
  createdAt: Date;
}

/** Which tickets a list shows: a scope of commune codes (null = all), a status, older than a moment. */
export interface TicketFilter {
  /** Stored commune codes the viewer may see; null = every ticket (admins, district-wide officers). */
  scope: string[] | null;
  status?: TicketStatus;
  communes?: string[];
  createdBefore?: Date;
  createdAfter?: Date;
  limit?: number;
}

/** Where a contact is reached, for officers' notifications. */
export interface ContactAddress {
  channel: ChannelId;
  externalId: string;
  language: Language;
  lastInboundAt: Date | null;
}

/**
 * Ticket storage (Prisma in src/db/prisma-ticket-store.ts). Changes that two officers or an officer and the
 * person could race on (take, answer, close) are conditional updates: they say whether they happened.
 */
/**
 * Ticket storage. Writes a chat turn makes take an id or `effectId` from the turn (src/core/effect-id.ts):
 * the turn run again (docs/adr/016-scale-out.md) finds them instead of writing them twice.
 */
export interface TicketStore {
  /** Opens it with its transcript; a ticket with this id already there is returned as it is. */
  open(input: {
    id: string;
    contactId: string;
    channel: ChannelId;
    externalId: string;
    language: Language;
    communeCode: string | null;
    question: string;
    transcript: string[];
    now: Date;
  }): Promise<TicketRecord>;
  get(id: string): Promise<TicketRecord | null>;
  /** The person's ticket that is not closed, if any (one at a time). */
  findActive(contactId: string): Promise<TicketRecord | null>;
  /** The person's most recent ticket, whatever its status. */
  findLatest(contactId: string): Promise<TicketRecord | null>;
  messages(ticketId: string): Promise<TicketMessageRecord[]>;
  /** Adds the person's words; a ticket that was waiting for them is open again. False when closed. */
  appendCitizen(ticketId: string, text: string, now: Date, effectId?: string): Promise<boolean>;
  /**
   * Gives the ticket to `officerId` when it is assigned to `expected` (null = nobody) and not closed.
   * False when someone else changed it first.
   */
  assign(ticketId: string, officerId: string | null, expected: string | null): Promise<boolean>;
  /** Records an officer's answer if the ticket is not closed; sets the first-answer time once. */
  recordAnswer(
    ticketId: string,
    officerId: string,
    text: string,
    now: Date,
    effectId?: string,
  ): Promise<boolean>;
  /** Closes it if it is not closed yet. */
  close(ticketId: string, by: string, now: Date): Promise<boolean>;
  /** The person's 👍/👎 and optional comment on a closed ticket. */
  rate(ticketId: string, rating: "up" | "down" | null, comment: string | null): Promise<void>;
  list(filter: TicketFilter): Promise<TicketRecord[]>;
  /** Open tickets nobody answered, created before `cutoff`, not reminded at the given level yet. */
  unansweredBefore(cutoff: Date, level: "officers" | "admins"): Promise<TicketRecord[]>;
  /** Marks a reminder sent; false when another process did first (each is sent once). */
  markReminded(ticketId: string, level: "officers" | "admins", now: Date): Promise<boolean>;
  contactAddress(contactId: string): Promise<ContactAddress | null>;
  /**
   * Makes `choices` the ones a typed answer ("1", a tapped label coming back as text) is read against, for a
   * message sent outside the contact's turn on a channel whose buttons are text (Zalo Bot, Zalo OA).
   */
  offerChoices(contactId: string, choices: RenderedChoice[]): Promise<void>;
  /** Questions the FAQ could not answer for this person (the ticket's transcript, two in a row). */
  recordMiss(contactId: string, text: string, now: Date, effectId?: string): Promise<void>;
  missesSince(contactId: string, since: Date): Promise<string[]>;
  clearMisses(contactId: string): Promise<void>;
  /** Deletes tickets closed before `cutoff` and misses older than `missCutoff`; returns tickets removed. */
  purge(cutoff: Date, missCutoff: Date): Promise<number>;
  /** Deletes every ticket (with its messages) and miss of a contact, for erasure; returns rows removed. */
  eraseContact(contactId: string): Promise<number>;
  /** Tickets and offers kept about the person (an access request). */
  countContact(contactId: string): Promise<number>;
}
