import { randomUUID } from "node:crypto";
import type { Logger } from "../../core/logger";
import { type Language, namespace, t } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import { addDays, instantOf, type LocalDay, localDay } from "../../core/understanding/calendar";
import {
  DOSE_FOLLOW_UP,
  type FollowUpReminderRecord,
  type FollowUpStore,
  type ReminderMessage,
} from "./follow-up-store";

const followUpText = namespace("followups");

/** Local hour reminders go out at (morning: people read them before the health station opens). */
export const REMINDER_HOUR = 8;
/** Days before the due day of the early reminder. */
export const EARLY_DAYS = 7;

/** A local day as "YYYY-MM-DD" and as "15/08/2026". */
export const isoDay = (d: LocalDay) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
export const shownDay = (iso: string) => iso.split("-").reverse().join("/");

/** Payloads of a reminder's buttons. */
export const followUpPayload = {
  done: (id: string) => `followup:done:${id}`,
  stop: (id: string) => `followup:stop:${id}`,
};

/**
 * Follow-ups timed from a person's own date: scheduling (a week before and on the day, at 08:00 Vietnam
 * time), the scheduler job that queues them exactly once, and ending them ("đã tiêm", "dừng").
 */
export class FollowUpService {
  constructor(
    private readonly store: FollowUpStore,
    private readonly texts: TextRenderer,
    private readonly logger: Logger,
    private readonly options: { retentionDays: number; onQueued: () => void },
  ) {}

  /** Makes sure the built-in dose follow-up exists (officers' own ones are rows of the same table). */
  async ensureBuiltIns(): Promise<void> {
    await this.store.ensureDefinition(
      {
        id: DOSE_FOLLOW_UP,
        name: "Nhắc tiêm mũi tiếp theo",
        text: "followups:reminder.due",
        offsetDays: null,
        earlyDays: EARLY_DAYS,
        active: true,
      },
      "system",
    );
  }

  /** Schedules the dose reminder on `due` (a local day after today); the early one only if still ahead. */
  async scheduleDose(input: {
    contactId: string;
    lastDose: string;
    vaccine: string | null;
    due: LocalDay;
    now: Date;
    /** A chat turn's effect id (src/core/effect-id.ts): scheduled once however often the turn runs. */
    id?: string;
  }): Promise<FollowUpReminderRecord> {
    await this.ensureBuiltIns();
    const dueAt = instantOf(input.due.year, input.due.month, input.due.day, REMINDER_HOUR);
    const early = addDays(input.due, -EARLY_DAYS);
    const earlyAt = instantOf(early.year, early.month, early.day, REMINDER_HOUR);
    return this.store.schedule({
      id: input.id ?? randomUUID(),
      followUpId: DOSE_FOLLOW_UP,
      contactId: input.contactId,
      eventDate: input.lastDose,
      detail: input.vaccine,
      dueDate: isoDay(input.due),
      earlyAt: earlyAt > input.now ? earlyAt : null,
      dueAt,
    });
  }

  active(contactId: string): Promise<FollowUpReminderRecord[]> {
    return this.store.active(contactId);
  }

  end(contactId: string, status: "done" | "stopped", id?: string): Promise<number> {
    return this.store.end(contactId, status, id);
  }

  countsByCommune() {
    return this.store.countsByCommune();
  }

  countContact(contactId: string): Promise<number> {
    return this.store.countContact(contactId);
  }

  eraseContact(contactId: string): Promise<number> {
    return this.store.eraseContact(contactId);
  }

  async tick(now: Date): Promise<void> {
    const queued = await this.store.sendDue(now, (r, which, to) => this.message(r, which, to.language));
    if (queued > 0) {
      this.logger.info({ queued }, "follow-up reminders queued");
      this.options.onQueued();
    }
    await this.store.purgeEndedBefore(new Date(now.getTime() - this.options.retentionDays * 86_400_000));
  }

  private message(r: FollowUpReminderRecord, which: "early" | "due", lang: Language): ReminderMessage {
    const text = this.texts.render(followUpText(`reminder.${which}`, { date: shownDay(r.dueDate) }), lang);
    const buttons = [
      [
        { label: this.texts.render(followUpText("done"), lang), payload: followUpPayload.done(r.id) },
        { label: this.texts.render(followUpText("stop"), lang), payload: followUpPayload.stop(r.id) },
      ],
    ];
    return {
      message: {
        kind: "text",
        text,
        buttons,
        choiceHint: this.texts.render(t("common.replyWithNumber"), lang),
      },
      choices: buttons.flat(),
    };
  }
}

/** Today in Vietnam, for flows that compare days. */
export const today = (now: Date) => localDay(now);
