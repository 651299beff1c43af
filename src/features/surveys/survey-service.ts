import { randomUUID } from "node:crypto";
import { effectIdOf } from "../../core/effect-id";
import type { Logger } from "../../core/logger";
import type { TextRenderer } from "../../core/renderer";
import type { Audience } from "../broadcasts/audience";
import { askedQuestion } from "./survey-messages";
import { type Question, questionsSchema, surveyTitleSchema } from "./survey-model";
import { type SurveyResults, tallyResults } from "./survey-results";
import type { SurveyRecord, SurveyStore } from "./survey-store";

/** Recipients queued per transaction (as broadcasts do). */
export const SURVEY_BATCH = 500;

/** What answering one question did. */
export type AnswerOutcome =
  | { kind: "closed" }
  /** Not asked this survey, or the survey is gone. */
  | { kind: "unknown" }
  /** Recorded; `next` is the question to ask now, or undefined when they are through. */
  | { kind: "recorded"; survey: SurveyRecord; next: number | undefined };

/**
 * Surveys: created by officers (chat, dashboard, API), queued one question per recipient through the
 * outbox (the dispatcher keeps each platform's limits and Zalo's messaging window), answered one question at
 * a time, reminded once to those who gave no answer, closed at their closing time.
 */
export class SurveyService {
  constructor(
    private readonly store: SurveyStore,
    private readonly texts: TextRenderer,
    private readonly logger: Logger,
    private readonly options: {
      /** Hours after the questions went out before the one reminder (SURVEY_REMINDER_HOURS). */
      reminderHours: number;
      /** Days answers of a closed survey are kept (SURVEY_RETENTION_DAYS). */
      retentionDays: number;
      /** Wakes the dispatcher after rows were queued. */
      onQueued: () => void;
    },
  ) {}

  /** Validates and stores a survey; it goes out on the next scheduler tick. */
  async create(input: {
    title: string;
    questions: Question[];
    audience: Audience;
    closesAt: Date;
    createdBy: string;
    creatorContactId?: string | null;
    /** A chat turn's effect id (src/core/effect-id.ts): the survey already there is returned. */
    id?: string;
  }): Promise<SurveyRecord> {
    return this.store.create({
      id: input.id ?? randomUUID(),
      title: surveyTitleSchema.parse(input.title),
      questions: questionsSchema.parse(input.questions),
      audience: input.audience,
      closesAt: input.closesAt,
      createdBy: input.createdBy,
      creatorContactId: input.creatorContactId ?? null,
    });
  }

  /** Who a survey to `audience` would reach now, per commune (the dashboard composer's preview). */
  reach(audience: Audience): Promise<{ communeCode: string | null; count: number }[]> {
    return this.store.reach(audience);
  }

  get(id: string): Promise<SurveyRecord | null> {
    return this.store.get(id);
  }

  list(limit = 50): Promise<SurveyRecord[]> {
    return this.store.list(limit);
  }

  close(id: string, now: Date): Promise<SurveyRecord | null> {
    return this.store.close(id, now);
  }

  /** One scheduler step: close what is due, queue new surveys, send the one reminder, apply retention. */
  async tick(now: Date): Promise<void> {
    for (const id of await this.store.closeDue(now)) this.logger.info({ surveyId: id }, "survey closed");
    for (const survey of await this.store.listToMaterialise()) {
      for (;;) {
        const step = await this.store.materialiseNext(
          survey.id,
          SURVEY_BATCH,
          (target) => askedQuestion(survey, 0, target.language, this.texts),
          now,
        );
        if (step !== "more") break;
      }
      this.logger.info({ surveyId: survey.id }, "survey sent");
      this.options.onQueued();
    }
    const due = now.getTime() - this.options.reminderHours * 3_600_000;
    for (const survey of await this.store.list(100)) {
      if (survey.status !== "open" || survey.remindedAt || !survey.materialisedAt) continue;
      if (survey.materialisedAt.getTime() > due) continue;
      const queued = await this.store.remindOnce(
        survey.id,
        (target, current) => askedQuestion(survey, current, target.language, this.texts, true),
        now,
      );
      if (queued !== null) {
        this.logger.info({ surveyId: survey.id, queued }, "survey reminder queued");
        if (queued > 0) this.options.onQueued();
      }
    }
    await this.store.purgeClosedBefore(new Date(now.getTime() - this.options.retentionDays * 86_400_000));
  }

  /**
   * Records `value` (null: skipped) as the person's answer to question `q`. Answering the question asked now
   * moves them on; answering an earlier one again replaces that answer and leaves them where they are.
   */
  async answer(
    surveyId: string,
    contactId: string,
    q: number,
    value: string | null,
    now: Date,
    turnKey?: string,
  ): Promise<AnswerOutcome> {
    const survey = await this.store.get(surveyId);
    const recipient = survey ? await this.store.recipient(surveyId, contactId) : null;
    if (!survey || !recipient || !survey.questions[q]) return { kind: "unknown" };
    if (survey.status !== "open" || survey.closesAt <= now) return { kind: "closed" };
    const key = effectIdOf(turnKey, "survey-answer");
    // This turn ran before (its process died before the turn committed) and already moved the person on:
    // the answer is stored; answer as the first run did instead of reading it as the next question's.
    if (key && recipient.lastEffectId === key) {
      const moved = recipient.current === q + 1 && recipient.current < survey.questions.length;
      return { kind: "recorded", survey, next: moved && recipient.status === "open" ? q + 1 : undefined };
    }
    const atCurrent = q === recipient.current && recipient.status !== "stopped";
    const current = atCurrent ? q + 1 : recipient.current;
    const through = current >= survey.questions.length;
    await this.store.answer({
      surveyId,
      contactId,
      question: q,
      value,
      current,
      status: recipient.status === "stopped" ? "stopped" : through ? "done" : "open",
      now,
      ...(key ? { effectId: key } : {}),
    });
    return { kind: "recorded", survey, next: atCurrent && !through ? current : undefined };
  }

  /** "Dừng": no more questions of this survey; answers given stay until it closes. */
  async stop(surveyId: string, contactId: string): Promise<SurveyRecord | null> {
    const recipient = await this.store.recipient(surveyId, contactId);
    if (!recipient) return null;
    await this.store.stop(surveyId, contactId);
    return this.store.get(surveyId);
  }

  countContact(contactId: string): Promise<number> {
    return this.store.countContact(contactId);
  }

  eraseContact(contactId: string): Promise<number> {
    return this.store.eraseContact(contactId);
  }

  /** Results, limited to `communes` (an officer's scope; null = the whole district). */
  async results(survey: SurveyRecord, communes: string[] | null): Promise<SurveyResults> {
    const [answers, counts] = await Promise.all([
      this.store.answers(survey.id, communes),
      this.store.recipientCounts(survey.id, communes),
    ]);
    return tallyResults(survey, answers, counts);
  }

  venueAnswers(venueId: string) {
    return this.store.venueAnswers(venueId);
  }
}
