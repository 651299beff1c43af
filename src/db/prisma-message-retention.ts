import type { Db } from "./database";
import { PrismaTicketStore } from "./prisma-ticket-store";

/** What one purge removed. */
export interface MessagePurge {
  /** Raw platform updates (names, texts, shared phone numbers) already processed. */
  inbox: number;
  /** Settled replies (a tracing list sent to an officer holds phone numbers). */
  replies: number;
  /** Settled broadcast rows whose text was blanked; the rows stay so delivery reports still add up. */
  broadcastBodies: number;
  /** Web chat transcript lines. */
  webchat: number;
  /** Questions the FAQ could not answer (UNANSWERED_RETENTION_DAYS): a person's own words, shown to officers. */
  unanswered: number;
  /** 👍/👎 on FAQ answers (FAQ_RATING_RETENTION_DAYS): tied to the contact who gave them. */
  faqRatings: number;
  /** Handover tickets closed more than TICKET_RETENTION_DAYS ago, with their messages. */
  tickets: number;
}

/**
 * How long each kind of personal data that is not a message is kept, in days (one setting each, listed
 * in the README's privacy section). Tickets and transcripts get theirs here when they exist.
 */
export interface RetentionPeriods {
  unansweredDays: number;
  faqRatingDays: number;
  /** Days after closing (tickets still open are kept: someone is still waiting for an answer). */
  ticketDays: number;
}

/** Unanswered questions tied to a person (the handover's "two in a row" and transcript) live a day. */
const HANDOVER_MISS_DAYS = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a settled broadcast row's body becomes: the text itself stays on the broadcast. */
export const REDACTED_BODY = '{"kind":"text","text":"","redacted":true}';

/**
 * Deletes message contents older than the retention period (MESSAGE_RETENTION_DAYS). The inbox and the
 * outbox are delivery machinery, not records: once a message is handled, its text and the personal data in
 * it (a shared phone number, a tracing list) need not outlive the period in which platforms retry and
 * people ask "what did the bot tell me". Pending rows are never touched.
 */
export class PrismaMessageRetention {
  constructor(
    private readonly db: Db,
    private readonly periods: RetentionPeriods,
  ) {}

  /** `cutoff`: messages handled before it go; the other kinds by their own periods as of `now`. */
  async purge(cutoff: Date, now: Date): Promise<MessagePurge> {
    const settled = { in: ["sent", "failed", "blocked", "cancelled", "skipped"] };
    const inbox = await this.db.inboxUpdate.deleteMany({
      where: { status: { not: "pending" }, receivedAt: { lt: cutoff } },
    });
    const replies = await this.db.outboxMessage.deleteMany({
      where: { broadcastId: null, status: settled, createdAt: { lt: cutoff } },
    });
    const broadcastBodies = await this.db.outboxMessage.updateMany({
      where: {
        broadcastId: { not: null },
        status: settled,
        createdAt: { lt: cutoff },
        body: { not: REDACTED_BODY },
      },
      data: { body: REDACTED_BODY },
    });
    const webchat = await this.db.webchatMessage.deleteMany({ where: { createdAt: { lt: cutoff } } });
    const before = (days: number) => ({ createdAt: { lt: new Date(now.getTime() - days * DAY_MS) } });
    const unanswered = await this.db.faqUnanswered.deleteMany({ where: before(this.periods.unansweredDays) });
    // Who was told an answer goes with the questions: kept as long, for the same purpose.
    await this.db.faqAnswerNotice.deleteMany({ where: before(this.periods.unansweredDays) });
    const faqRatings = await this.db.faqFeedback.deleteMany({ where: before(this.periods.faqRatingDays) });
    const tickets = await new PrismaTicketStore(this.db).purge(
      new Date(now.getTime() - this.periods.ticketDays * DAY_MS),
      new Date(now.getTime() - HANDOVER_MISS_DAYS * DAY_MS),
    );
    return {
      tickets,
      unanswered: unanswered.count,
      faqRatings: faqRatings.count,
      inbox: inbox.count,
      replies: replies.count,
      broadcastBodies: broadcastBodies.count,
      webchat: webchat.count,
    };
  }
}
