import type { ChannelId, Language } from "../../core/messages";
import type { RenderedChoice } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import type { Audience } from "../broadcasts/audience";
import type { Question } from "./survey-model";

export type SurveyStatus = "open" | "closed";

/** A survey as features see it. */
export interface SurveyRecord {
  id: string;
  title: string;
  questions: Question[];
  audience: Audience;
  status: SurveyStatus;
  closesAt: Date;
  createdBy: string;
  creatorContactId: string | null;
  materialisedAt: Date | null;
  remindedAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
}

export type RecipientStatus = "open" | "done" | "stopped";

/** One person asked a survey. */
export interface SurveyRecipientRecord {
  surveyId: string;
  contactId: string;
  communeCode: string | null;
  venueId: string | null;
  /** The question asked now; `questions.length` once they went through all. */
  current: number;
  status: RecipientStatus;
  /** The effect id of the turn that answered last (src/core/effect-id.ts): that turn run again is known. */
  lastEffectId: string | null;
}

/** A recipient about to be queued: who, where, and on which channel in which language. */
export interface SurveyTarget {
  contactId: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  communeCode: string | null;
  venueId: string | null;
}

/**
 * A question as queued: the message, and the choices it leaves open (its buttons; for a number or text
 * question, a marker that says a survey question waits, so the typed answer reaches the survey).
 */
export interface AskedQuestion {
  message: RenderedMessage;
  choices: RenderedChoice[];
}

/** One stored answer, with the commune and venue it counts for (results and CSV). */
export interface SurveyAnswerRow {
  contactId: string;
  question: number;
  value: string;
  communeCode: string | null;
  venueId: string | null;
  answeredAt: Date;
}

/** Recipients per commune, and how many of them answered at least one question. */
export interface RecipientCounts {
  communeCode: string | null;
  recipients: number;
  responded: number;
}

/**
 * Survey storage port: Prisma in src/db/prisma-survey-store.ts. Every step that sends something is a
 * conditional update in the same transaction as its outbox rows, so a crash or a second process never asks
 * a person twice.
 */
export interface SurveyStore {
  create(input: {
    id: string;
    title: string;
    questions: Question[];
    audience: Audience;
    closesAt: Date;
    createdBy: string;
    creatorContactId: string | null;
  }): Promise<SurveyRecord>;
  get(id: string): Promise<SurveyRecord | null>;
  /** Newest first. */
  list(limit: number): Promise<SurveyRecord[]>;
  /**
   * Who the audience reaches now, per commune: the same selection as sending (venue owners tied to their
   * venue's commune; subscribers by their subscription's), for the composer's preview.
   */
  reach(audience: Audience): Promise<{ communeCode: string | null; count: number }[]>;
  /** Open surveys whose recipients were not all queued yet. */
  listToMaterialise(): Promise<SurveyRecord[]>;
  /**
   * Queues the next batch of recipients (a recipient row and an outbox row each, rendered per language) and
   * advances the cursor in one transaction, conditionally on the cursor read. The question becomes the
   * person's open choices, so "2" or "rồi" typed next answers it.
   */
  materialiseNext(
    id: string,
    batchSize: number,
    render: (target: SurveyTarget) => AskedQuestion,
    now: Date,
  ): Promise<"more" | "done" | "stopped">;
  /** Open surveys past their closing time become closed; returns the ids this call closed. */
  closeDue(now: Date): Promise<string[]>;
  close(id: string, now: Date): Promise<SurveyRecord | null>;
  /**
   * Claims the survey's one reminder (remindedAt null → now) and, in the same transaction, queues a message
   * to each recipient still open without any answer; returns how many were queued, or null if another
   * process had claimed it.
   */
  remindOnce(
    id: string,
    render: (target: SurveyTarget, current: number) => AskedQuestion,
    now: Date,
  ): Promise<number | null>;
  recipient(surveyId: string, contactId: string): Promise<SurveyRecipientRecord | null>;
  /** Writes (or replaces) one answer and, when it answered the question asked now, moves the person on. */
  answer(input: {
    surveyId: string;
    contactId: string;
    question: number;
    value: string | null;
    /** The question the person is asked after this one. */
    current: number;
    status: RecipientStatus;
    now: Date;
    /** The answering turn's effect id, kept as the recipient's `lastEffectId`. */
    effectId?: string;
  }): Promise<void>;
  /** Records "dừng": asks nothing more; answers given stay. */
  stop(surveyId: string, contactId: string): Promise<void>;
  answers(surveyId: string, communes: string[] | null): Promise<SurveyAnswerRow[]>;
  recipientCounts(surveyId: string, communes: string[] | null): Promise<RecipientCounts[]>;
  /** Answers of venue-owner surveys about one venue (shown on the venue's page). */
  venueAnswers(venueId: string): Promise<(SurveyAnswerRow & { surveyId: string })[]>;
  /** Removes a person's recipient rows and answers (erasure on request). */
  eraseContact(contactId: string): Promise<number>;
  /** Answers kept from the person (an access request). */
  countContact(contactId: string): Promise<number>;
  /** Deletes answers and recipients of surveys closed before `before` (retention). */
  purgeClosedBefore(before: Date): Promise<number>;
}
