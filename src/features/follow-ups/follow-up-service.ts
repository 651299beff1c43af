import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../../core/logger";
import { type Language, namespace, t } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import { addDays, instantOf, type LocalDay, localDay } from "../../core/understanding/calendar";
import {
  DOSE_FOLLOW_UP,
  type FollowUpReminderRecord,
  type FollowUpStore,
  type ReminderMessage,
  type StoredFollowUp,
} from "./follow-up-store";

const followUpText = namespace("followups");

/** An officer's follow-up after an exposure: a name, the text people get, and days after the visit. */
export const exposureFollowUpSchema = z
  .object({
    name: z.string().trim().min(3).max(80),
    text: z.string().trim().min(10).max(1000),
    days: z.coerce.number().int().min(1).max(30),
  })
  .strict();
export type ExposureFollowUpInput = z.input<typeof exposureFollowUpSchema>;

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
        trigger: null,
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

  /** Every follow-up defined, the built-in dose one included, oldest first. */
  definitions(): Promise<StoredFollowUp[]> {
    return this.store.definitions();
  }

  /**
   * An officer's follow-up for people an exposure alert reached: `days` after the day of their visit, their
   * text, once. It applies to alerts sent from now on (not to those sent before it existed).
   */
  async defineAfterExposure(input: ExposureFollowUpInput, createdBy: string): Promise<string> {
    const { name, text, days } = exposureFollowUpSchema.parse(input);
    const id = randomUUID();
    await this.store.ensureDefinition(
      { id, name, text, offsetDays: days, earlyDays: null, active: true, trigger: "exposure" },
      createdBy,
    );
    return id;
  }

  /**
   * Schedules every exposure follow-up for the people alerts reached since it was defined: due at 08:00 on
   * the visit's day plus its days (the alert's last day when no chat check-in is found); an alert sent
   * after that day is followed up at once rather than never.
   */
  async scheduleExposures(now: Date): Promise<number> {
    let scheduled = 0;
    for (const f of await this.store.definitions()) {
      if (f.trigger !== "exposure" || !f.active || f.offsetDays === null) continue;
      for (const p of await this.store.exposedSince(f.id, f.createdAt, 500)) {
        const event = localDay(p.visitedAt ?? p.windowTo);
        const due = addDays(event, f.offsetDays);
        const at = instantOf(due.year, due.month, due.day, REMINDER_HOUR);
        await this.store.schedule({
          id: randomUUID(),
          followUpId: f.id,
          contactId: p.contactId,
          eventDate: isoDay(event),
          detail: p.alertId,
          dueDate: isoDay(due),
          earlyAt: null,
          dueAt: at > now ? at : now,
        });
        scheduled++;
      }
    }
    if (scheduled > 0) this.logger.info({ scheduled }, "exposure follow-ups scheduled");
    return scheduled;
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
    await this.scheduleExposures(now);
    const defined = new Map((await this.store.definitions()).map((f) => [f.id, f]));
    const queued = await this.store.sendDue(now, (r, which, to) =>
      this.message(r, which, to.language, defined.get(r.followUpId)),
    );
    if (queued > 0) {
      this.logger.info({ queued }, "follow-up reminders queued");
      this.options.onQueued();
    }
    await this.store.purgeEndedBefore(new Date(now.getTime() - this.options.retentionDays * 86_400_000));
  }

  private message(
    r: FollowUpReminderRecord,
    which: "early" | "due",
    lang: Language,
    defined: StoredFollowUp | undefined,
  ): ReminderMessage {
    const stop = {
      label: this.texts.render(followUpText("stop"), lang),
      payload: followUpPayload.stop(r.id),
    };
    // An officer's follow-up says what the officer wrote (their words, in one language), and only "stop".
    if (defined?.trigger === "exposure") {
      const text = `${this.texts.render(followUpText("exposureHead", { name: defined.name }), lang)}\n${defined.text}`;
      return {
        message: {
          kind: "text",
          text,
          buttons: [[stop]],
          choiceHint: this.texts.render(t("common.replyWithNumber"), lang),
        },
        choices: [stop],
      };
    }
    const text = this.texts.render(followUpText(`reminder.${which}`, { date: shownDay(r.dueDate) }), lang);
    const buttons = [
      [{ label: this.texts.render(followUpText("done"), lang), payload: followUpPayload.done(r.id) }, stop],
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
