import { randomUUID } from "node:crypto";
import { vietnamDay } from "../../core/vietnam-time";
import { needsAdvice } from "./health-questions";
import type { HealthAnswers, VisitRecord, VisitSource, VisitStore } from "./visit-store";

/** The same person at the same venue within this time is one visit (a re-scan at the door, a reload). */
export const SAME_VISIT_MS = 30 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A check-in as the QR page or the chat records it. */
export interface CheckInInput {
  venueId: string;
  source: VisitSource;
  phone?: string | null;
  name?: string | null;
  contactId?: string | null;
  answers?: HealthAnswers | null;
  now: Date;
  /**
   * The visit's id when the caller has a stable one (a chat turn's, src/core/effect-id.ts): a visit with
   * that id already there is this same check-in run again, answered as the first run was.
   */
  id?: string;
}

/** Check-in rules shared by the QR page and the chat: one visit per person per 30 minutes, flags, retention. */
export class CheckinService {
  constructor(
    private readonly store: VisitStore,
    readonly retentionDays: number,
  ) {}

  /**
   * Records a visit, or completes the person's visit of the last 30 minutes (same phone or same chat
   * contact). `repeat` tells the caller it was the same visit.
   */
  async checkIn(input: CheckInInput): Promise<{ visit: VisitRecord; repeat: boolean }> {
    const earlier = input.id ? await this.store.findById(input.id) : null;
    if (earlier) return { visit: earlier, repeat: false };
    const since = new Date(input.now.getTime() - SAME_VISIT_MS);
    const recent = await this.store.findRecent(
      input.venueId,
      { phone: input.phone ?? null, contactId: input.contactId ?? null },
      since,
    );
    if (recent) {
      const visit = await this.store.update(recent.id, {
        // Fill in what the earlier check-in lacked; never overwrite what the person gave before.
        ...(input.phone && !recent.phone ? { phone: input.phone } : {}),
        ...(input.name && !recent.name ? { name: input.name } : {}),
        ...(input.contactId && !recent.contactId ? { contactId: input.contactId } : {}),
        ...(input.answers
          ? { answers: input.answers, flagged: recent.flagged || needsAdvice(input.answers) }
          : {}),
      });
      return { visit, repeat: true };
    }
    const visit = await this.store.create({
      id: input.id ?? randomUUID(),
      venueId: input.venueId,
      source: input.source,
      phone: input.phone ?? null,
      name: input.name ?? null,
      contactId: input.contactId ?? null,
      visitedAt: input.now,
      answers: input.answers ?? null,
      flagged: needsAdvice(input.answers),
    });
    return { visit, repeat: false };
  }

  /** Stores a chat visitor's answers (and phone, when given); a "yes" flags the visit, for good. */
  async complete(
    visitId: string,
    patch: { answers?: HealthAnswers; phone?: string },
  ): Promise<VisitRecord | null> {
    const visit = await this.store.findById(visitId);
    if (!visit) return null;
    return this.store.update(visitId, {
      ...(patch.answers
        ? { answers: patch.answers, flagged: visit.flagged || needsAdvice(patch.answers) }
        : {}),
      ...(patch.phone ? { phone: patch.phone } : {}),
    });
  }

  /** Check-ins per Vietnamese calendar day for the last `days` days, newest first (for venue owners). */
  async dailyCounts(venueId: string, now: Date, days = 7): Promise<{ day: string; count: number }[]> {
    const today = vietnamDay(now);
    const dayList = Array.from({ length: days }, (_, i) => vietnamDay(new Date(now.getTime() - i * DAY_MS)));
    const counts = new Map(dayList.map((d) => [d, 0]));
    for (const at of await this.store.visitTimes(venueId, new Date(now.getTime() - days * DAY_MS))) {
      const day = vietnamDay(at);
      const current = counts.get(day);
      if (current !== undefined && day <= today) counts.set(day, current + 1);
    }
    return dayList.map((day) => ({ day, count: counts.get(day) ?? 0 }));
  }

  /** Deletes visits older than the retention period; run on a timer by the server. */
  purgeExpiredVisits(now: Date): Promise<number> {
    return this.store.deleteOlderThan(new Date(now.getTime() - this.retentionDays * DAY_MS));
  }
}
