import type { ChannelId, Language } from "../../core/messages";
import type { RenderedMessage } from "../../core/rendered-message";
import type { Audience } from "../broadcasts/audience";
import { countRecipients } from "./survey-results";
import type {
  AskedQuestion,
  RecipientCounts,
  SurveyAnswerRow,
  SurveyRecipientRecord,
  SurveyRecord,
  SurveyStore,
  SurveyTarget,
} from "./survey-store";

/** Someone a survey may reach: their contact, their subscription, the venues they own. */
export interface FakeSurveyPerson {
  id: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  reachable: boolean;
  subscription: { communeCode: string | null; active: boolean } | null;
  /** In the order they registered them. */
  venues: { id: string; communeCode: string; active: boolean }[];
}

/** A queued question: to whom, and what. */
export interface FakeSurveyRow {
  contactId: string;
  message: RenderedMessage;
}

type Stored = SurveyRecord & { cursor: string };
type Answer = { surveyId: string; contactId: string; question: number; value: string; answeredAt: Date };

/**
 * In-memory {@link SurveyStore}; test/contracts/survey-store.contract.ts holds it to the Prisma store's
 * promises. It keeps its own people and queued rows where the real store reads contacts, subscriptions,
 * venues and the outbox.
 */
export class FakeSurveyStore implements SurveyStore {
  private readonly surveys = new Map<string, Stored>();
  private readonly recipients: SurveyRecipientRecord[] = [];
  private readonly answerRows: Answer[] = [];
  readonly people = new Map<string, FakeSurveyPerson>();
  readonly rows: FakeSurveyRow[] = [];

  addPerson(person: FakeSurveyPerson): void {
    this.people.set(person.id, structuredClone(person));
  }

  async create(input: Parameters<SurveyStore["create"]>[0]): Promise<SurveyRecord> {
    const survey: Stored = {
      ...structuredClone(input),
      status: "open",
      materialisedAt: null,
      remindedAt: null,
      createdAt: new Date(),
      closedAt: null,
      cursor: "",
    };
    this.surveys.set(input.id, survey);
    return toRecord(survey);
  }

  async get(id: string): Promise<SurveyRecord | null> {
    const survey = this.surveys.get(id);
    return survey ? toRecord(survey) : null;
  }

  async list(limit: number): Promise<SurveyRecord[]> {
    return [...this.surveys.values()]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map(toRecord);
  }

  async reach(audience: Audience): Promise<{ communeCode: string | null; count: number }[]> {
    const counts = new Map<string | null, number>();
    for (const t of this.targets(audience)) counts.set(t.communeCode, (counts.get(t.communeCode) ?? 0) + 1);
    return [...counts].map(([communeCode, count]) => ({ communeCode, count }));
  }

  async listToMaterialise(): Promise<SurveyRecord[]> {
    return [...this.surveys.values()].filter((s) => s.status === "open" && !s.materialisedAt).map(toRecord);
  }

  async materialiseNext(
    id: string,
    batchSize: number,
    render: (target: SurveyTarget) => AskedQuestion,
    now: Date,
  ): Promise<"more" | "done" | "stopped"> {
    const survey = this.surveys.get(id);
    if (survey?.status !== "open" || survey.materialisedAt) return "stopped";
    const batch = this.targets(survey.audience)
      .filter((t) => t.contactId > survey.cursor)
      .slice(0, batchSize);
    const last = batch.length === batchSize ? batch.at(-1)?.contactId : undefined;
    for (const t of batch) {
      this.recipients.push({
        surveyId: id,
        contactId: t.contactId,
        communeCode: t.communeCode,
        venueId: t.venueId,
        current: 0,
        status: "open",
        lastEffectId: null,
      });
      this.rows.push({ contactId: t.contactId, message: render(t).message });
    }
    if (last) survey.cursor = last;
    else survey.materialisedAt = now;
    return last ? "more" : "done";
  }

  async closeDue(now: Date): Promise<string[]> {
    const due = [...this.surveys.values()].filter((s) => s.status === "open" && s.closesAt <= now);
    for (const s of due) await this.close(s.id, now);
    return due.map((s) => s.id);
  }

  async close(id: string, now: Date): Promise<SurveyRecord | null> {
    const survey = this.surveys.get(id);
    if (survey?.status !== "open") return null;
    Object.assign(survey, { status: "closed", closedAt: now });
    return toRecord(survey);
  }

  async remindOnce(
    id: string,
    render: (target: SurveyTarget, current: number) => AskedQuestion,
    now: Date,
  ): Promise<number | null> {
    const survey = this.surveys.get(id);
    if (survey?.status !== "open" || survey.remindedAt || !survey.materialisedAt) return null;
    survey.remindedAt = now;
    const answered = new Set(this.answerRows.filter((a) => a.surveyId === id).map((a) => a.contactId));
    let queued = 0;
    for (const r of this.recipients.filter((x) => x.surveyId === id && x.status === "open")) {
      const person = this.people.get(r.contactId);
      if (answered.has(r.contactId) || !person?.reachable) continue;
      this.rows.push({
        contactId: r.contactId,
        message: render(target(person, r.communeCode, r.venueId), r.current).message,
      });
      queued++;
    }
    return queued;
  }

  async recipient(surveyId: string, contactId: string): Promise<SurveyRecipientRecord | null> {
    const r = this.recipients.find((x) => x.surveyId === surveyId && x.contactId === contactId);
    return r ? { ...r } : null;
  }

  async answer(input: Parameters<SurveyStore["answer"]>[0]): Promise<void> {
    const { surveyId, contactId, question, value, now } = input;
    if (value !== null) {
      const existing = this.answerRows.find(
        (a) => a.surveyId === surveyId && a.contactId === contactId && a.question === question,
      );
      if (existing) Object.assign(existing, { value, answeredAt: now });
      else this.answerRows.push({ surveyId, contactId, question, value, answeredAt: now });
    }
    const r = this.recipients.find((x) => x.surveyId === surveyId && x.contactId === contactId);
    if (r && r.status !== "stopped") Object.assign(r, { current: input.current, status: input.status });
  }

  async stop(surveyId: string, contactId: string): Promise<void> {
    for (const r of this.recipients)
      if (r.surveyId === surveyId && r.contactId === contactId) r.status = "stopped";
  }

  async answers(surveyId: string, communes: string[] | null): Promise<SurveyAnswerRow[]> {
    const byId = new Map(this.scoped(surveyId, communes).map((r) => [r.contactId, r]));
    return this.answerRows
      .filter((a) => a.surveyId === surveyId && byId.has(a.contactId))
      .sort((a, b) => a.question - b.question || a.answeredAt.getTime() - b.answeredAt.getTime())
      .map(({ surveyId: _, ...a }) => ({
        ...a,
        communeCode: byId.get(a.contactId)?.communeCode ?? null,
        venueId: byId.get(a.contactId)?.venueId ?? null,
      }));
  }

  async recipientCounts(surveyId: string, communes: string[] | null): Promise<RecipientCounts[]> {
    const answered = new Set(this.answerRows.filter((a) => a.surveyId === surveyId).map((a) => a.contactId));
    return countRecipients(this.scoped(surveyId, communes), answered);
  }

  async venueAnswers(venueId: string): Promise<(SurveyAnswerRow & { surveyId: string })[]> {
    return this.recipients
      .filter((r) => r.venueId === venueId)
      .flatMap((r) =>
        this.answerRows
          .filter((a) => a.surveyId === r.surveyId && a.contactId === r.contactId)
          .sort((a, b) => a.question - b.question)
          .map((a) => ({ ...a, communeCode: r.communeCode, venueId })),
      );
  }

  async eraseContact(contactId: string): Promise<number> {
    return this.remove((x) => x.contactId === contactId);
  }

  async countContact(contactId: string): Promise<number> {
    return this.answerRows.filter((a) => a.contactId === contactId).length;
  }

  async purgeClosedBefore(before: Date): Promise<number> {
    const ids = new Set(
      [...this.surveys.values()]
        .filter((s) => s.status === "closed" && s.closedAt && s.closedAt < before)
        .map((s) => s.id),
    );
    const answers = this.answerRows.filter((a) => ids.has(a.surveyId)).length;
    this.remove((x) => ids.has(x.surveyId));
    return answers;
  }

  private remove(match: (x: { surveyId: string; contactId: string }) => boolean): number {
    let removed = 0;
    for (const list of [this.answerRows, this.recipients] as { surveyId: string; contactId: string }[][])
      for (let i = list.length - 1; i >= 0; i--) {
        const row = list[i];
        if (row && match(row)) {
          list.splice(i, 1);
          removed++;
        }
      }
    return removed;
  }

  private scoped(surveyId: string, communes: string[] | null): SurveyRecipientRecord[] {
    return this.recipients.filter(
      (r) =>
        r.surveyId === surveyId &&
        (!communes || (r.communeCode !== null && communes.includes(r.communeCode))),
    );
  }

  /**
   * Whom the audience reaches, by contact id (the real store's selection): venue owners of active venues in
   * the communes, tied to their first such venue; otherwise active subscribers, citizens-only leaving out
   * owners of active venues.
   */
  private targets(audience: Audience): SurveyTarget[] {
    const inCommune = (code: string | null) =>
      !audience.communes || (code !== null && audience.communes.includes(code));
    const fits = (p: FakeSurveyPerson) =>
      p.reachable && (!audience.languages || audience.languages.includes(p.language));
    const people = [...this.people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (audience.roles?.length === 1 && audience.roles[0] === "venue-owner") {
      return people.flatMap((p) => {
        const venue = p.venues.find((v) => v.active && inCommune(v.communeCode));
        return venue && fits(p) ? [target(p, venue.communeCode, venue.id)] : [];
      });
    }
    return people.flatMap((p) => {
      const sub = p.subscription;
      if (!sub?.active || !inCommune(sub.communeCode) || !fits(p)) return [];
      if (audience.roles?.length === 1 && p.venues.some((v) => v.active)) return [];
      return [target(p, sub.communeCode, null)];
    });
  }
}

function target(p: FakeSurveyPerson, communeCode: string | null, venueId: string | null): SurveyTarget {
  return {
    contactId: p.id,
    channel: p.channel,
    externalId: p.externalId,
    language: p.language,
    communeCode,
    venueId,
  };
}

function toRecord({ cursor: _, ...survey }: Stored): SurveyRecord {
  return structuredClone(survey);
}
