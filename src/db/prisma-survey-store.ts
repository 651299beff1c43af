import type { ChannelId, Language } from "../core/messages";
import { type Audience, parseAudience } from "../features/broadcasts/audience";
import { parseQuestions } from "../features/surveys/survey-model";
import { countRecipients } from "../features/surveys/survey-results";
import type {
  AskedQuestion,
  RecipientCounts,
  RecipientStatus,
  SurveyAnswerRow,
  SurveyRecipientRecord,
  SurveyRecord,
  SurveyStatus,
  SurveyStore,
  SurveyTarget,
} from "../features/surveys/survey-store";
import type { Survey } from "../generated/sqlite/client";
import { queueBatch } from "./cursor-batches";
import type { Db, Tx } from "./database";

/** Prisma implementation of {@link SurveyStore}. */
export class PrismaSurveyStore implements SurveyStore {
  constructor(private readonly db: Db) {}

  async create(input: Parameters<SurveyStore["create"]>[0]): Promise<SurveyRecord> {
    // The id may be a chat turn's effect id: that turn run again finds the survey its first run made.
    const earlier = await this.db.survey.findUnique({ where: { id: input.id } });
    if (earlier) return toSurvey(earlier);
    const row = await this.db.survey.create({
      data: {
        ...input,
        questions: JSON.stringify(input.questions),
        audience: JSON.stringify(input.audience),
      },
    });
    return toSurvey(row);
  }

  async get(id: string): Promise<SurveyRecord | null> {
    const row = await this.db.survey.findUnique({ where: { id } });
    return row ? toSurvey(row) : null;
  }

  async list(limit: number): Promise<SurveyRecord[]> {
    return (await this.db.survey.findMany({ orderBy: { createdAt: "desc" }, take: limit })).map(toSurvey);
  }

  async reach(audience: Audience): Promise<{ communeCode: string | null; count: number }[]> {
    const counts = new Map<string | null, number>();
    for (let cursor = ""; ; ) {
      const batch = await this.selectBatch(audience, cursor, 2000);
      for (const t of batch.targets) counts.set(t.communeCode, (counts.get(t.communeCode) ?? 0) + 1);
      if (!batch.last) break;
      cursor = batch.last;
    }
    return [...counts].map(([communeCode, count]) => ({ communeCode, count }));
  }

  async listToMaterialise(): Promise<SurveyRecord[]> {
    return (await this.db.survey.findMany({ where: { status: "open", materialisedAt: null } })).map(toSurvey);
  }

  async materialiseNext(
    id: string,
    batchSize: number,
    render: (target: SurveyTarget) => AskedQuestion,
    now: Date,
  ): Promise<"more" | "done" | "stopped"> {
    const survey = await this.db.survey.findUnique({ where: { id } });
    if (survey?.status !== "open" || survey.materialisedAt) return "stopped";
    const batch = await this.selectBatch(parseAudience(survey.audience), survey.cursor, batchSize);
    return queueBatch(
      this.db,
      { last: batch.last, now },
      (tx, step) =>
        tx.survey.updateMany({
          where: { id, cursor: survey.cursor, status: "open", materialisedAt: null },
          data: step,
        }),
      async (tx) => {
        if (batch.targets.length === 0) return;
        await tx.surveyRecipient.createMany({
          data: batch.targets.map((t) => ({
            surveyId: id,
            contactId: t.contactId,
            communeCode: t.communeCode,
            venueId: t.venueId,
          })),
        });
        await queue(tx, batch.targets, render);
      },
    );
  }

  async closeDue(now: Date): Promise<string[]> {
    const due = await this.db.survey.findMany({
      where: { status: "open", closesAt: { lte: now } },
      select: { id: true },
    });
    const closed: string[] = [];
    for (const { id } of due) if (await this.close(id, now)) closed.push(id);
    return closed;
  }

  async close(id: string, now: Date): Promise<SurveyRecord | null> {
    const { count } = await this.db.survey.updateMany({
      where: { id, status: "open" },
      data: { status: "closed", closedAt: now },
    });
    return count === 1 ? this.get(id) : null;
  }

  async remindOnce(
    id: string,
    render: (target: SurveyTarget, current: number) => AskedQuestion,
    now: Date,
  ): Promise<number | null> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.survey.updateMany({
        where: { id, status: "open", remindedAt: null, materialisedAt: { not: null } },
        data: { remindedAt: now },
      });
      if (count !== 1) return null;
      const answered = new Set(
        (await tx.surveyAnswer.findMany({ where: { surveyId: id }, select: { contactId: true } })).map(
          (a) => a.contactId,
        ),
      );
      const open = (await tx.surveyRecipient.findMany({ where: { surveyId: id, status: "open" } })).filter(
        (r) => !answered.has(r.contactId),
      );
      const contacts = await tx.contact.findMany({
        where: { id: { in: open.map((r) => r.contactId) }, reachable: true },
      });
      const byId = new Map(open.map((r) => [r.contactId, r]));
      const targets = contacts.map((c) => ({ ...target(c), current: byId.get(c.id)?.current ?? 0 }));
      for (const t of targets) {
        const asked = render(t, t.current);
        await queue(tx, [t], () => asked);
      }
      return targets.length;
    });
  }

  async recipient(surveyId: string, contactId: string): Promise<SurveyRecipientRecord | null> {
    const row = await this.db.surveyRecipient.findUnique({
      where: { surveyId_contactId: { surveyId, contactId } },
    });
    return row ? { ...row, status: row.status as RecipientStatus } : null;
  }

  async answer(input: Parameters<SurveyStore["answer"]>[0]): Promise<void> {
    const { surveyId, contactId, question, value, now } = input;
    await this.db.$transaction(async (tx) => {
      if (value !== null) {
        await tx.surveyAnswer.upsert({
          where: { surveyId_contactId_question: { surveyId, contactId, question } },
          create: { surveyId, contactId, question, value, answeredAt: now },
          update: { value, answeredAt: now },
        });
      }
      await tx.surveyRecipient.updateMany({
        where: { surveyId, contactId, status: { not: "stopped" } },
        data: { current: input.current, status: input.status, lastEffectId: input.effectId ?? null },
      });
    });
  }

  async stop(surveyId: string, contactId: string): Promise<void> {
    await this.db.surveyRecipient.updateMany({ where: { surveyId, contactId }, data: { status: "stopped" } });
  }

  async answers(surveyId: string, communes: string[] | null): Promise<SurveyAnswerRow[]> {
    const recipients = await this.recipients(surveyId, communes);
    const byId = new Map(recipients.map((r) => [r.contactId, r]));
    const rows = await this.db.surveyAnswer.findMany({
      where: { surveyId, contactId: { in: [...byId.keys()] } },
      orderBy: [{ question: "asc" }, { answeredAt: "asc" }],
    });
    return rows.map((a) => ({
      contactId: a.contactId,
      question: a.question,
      value: a.value,
      answeredAt: a.answeredAt,
      communeCode: byId.get(a.contactId)?.communeCode ?? null,
      venueId: byId.get(a.contactId)?.venueId ?? null,
    }));
  }

  async recipientCounts(surveyId: string, communes: string[] | null): Promise<RecipientCounts[]> {
    const recipients = await this.recipients(surveyId, communes);
    const answered = new Set(
      (
        await this.db.surveyAnswer.findMany({
          where: { surveyId, contactId: { in: recipients.map((r) => r.contactId) } },
          select: { contactId: true },
        })
      ).map((a) => a.contactId),
    );
    return countRecipients(recipients, answered);
  }

  async venueAnswers(venueId: string): Promise<(SurveyAnswerRow & { surveyId: string })[]> {
    const recipients = await this.db.surveyRecipient.findMany({ where: { venueId } });
    const out: (SurveyAnswerRow & { surveyId: string })[] = [];
    for (const r of recipients) {
      const rows = await this.db.surveyAnswer.findMany({
        where: { surveyId: r.surveyId, contactId: r.contactId },
        orderBy: { question: "asc" },
      });
      out.push(...rows.map((a) => ({ ...a, communeCode: r.communeCode, venueId })));
    }
    return out;
  }

  async countContact(contactId: string): Promise<number> {
    return this.db.surveyAnswer.count({ where: { contactId } });
  }

  async eraseContact(contactId: string): Promise<number> {
    const [answers, recipients] = await this.db.$transaction([
      this.db.surveyAnswer.deleteMany({ where: { contactId } }),
      this.db.surveyRecipient.deleteMany({ where: { contactId } }),
    ]);
    return answers.count + recipients.count;
  }

  async purgeClosedBefore(before: Date): Promise<number> {
    const ids = (
      await this.db.survey.findMany({
        where: { status: "closed", closedAt: { lt: before } },
        select: { id: true },
      })
    ).map((s) => s.id);
    if (ids.length === 0) return 0;
    const [answers] = await this.db.$transaction([
      this.db.surveyAnswer.deleteMany({ where: { surveyId: { in: ids } } }),
      this.db.surveyRecipient.deleteMany({ where: { surveyId: { in: ids } } }),
    ]);
    return answers.count;
  }

  private recipients(surveyId: string, communes: string[] | null) {
    return this.db.surveyRecipient.findMany({
      where: { surveyId, ...(communes ? { communeCode: { in: communes } } : {}) },
    });
  }

  /**
   * The next people after `cursor` (by contact id) the audience reaches. Venue owners (the audience's only
   * role): owners of active venues in the audience's communes, each once, tied to their first such venue —
   * the survey asks about the venue, so the venue's commune counts. Everyone else: subscribers, as for
   * broadcasts (active subscription, the subscription's commune).
   */
  private async selectBatch(
    audience: Audience,
    cursor: string,
    size: number,
  ): Promise<{ targets: SurveyTarget[]; last: string | undefined }> {
    const reachable = (ids: string[]) =>
      this.db.contact.findMany({
        where: {
          id: { in: ids },
          reachable: true,
          ...(audience.languages ? { language: { in: audience.languages } } : {}),
        },
        orderBy: { id: "asc" },
      });
    if (audience.roles?.length === 1 && audience.roles[0] === "venue-owner") {
      const venues = await this.db.venue.findMany({
        where: {
          active: true,
          ownerContactId: { gt: cursor },
          ...(audience.communes ? { communeCode: { in: audience.communes } } : {}),
        },
        orderBy: [{ ownerContactId: "asc" }, { createdAt: "asc" }],
        take: size,
        select: { id: true, ownerContactId: true, communeCode: true },
      });
      const first = new Map<string, { id: string; communeCode: string }>();
      for (const v of venues)
        if (v.ownerContactId && !first.has(v.ownerContactId)) first.set(v.ownerContactId, v);
      const contacts = await reachable([...first.keys()]);
      return {
        targets: contacts.map((c) => ({
          ...target(c),
          communeCode: first.get(c.id)?.communeCode ?? null,
          venueId: first.get(c.id)?.id ?? null,
        })),
        last: venues.length === size ? (venues.at(-1)?.ownerContactId ?? undefined) : undefined,
      };
    }
    const subs = await this.db.subscription.findMany({
      where: {
        active: true,
        contactId: { gt: cursor },
        ...(audience.communes ? { communeCode: { in: audience.communes } } : {}),
      },
      orderBy: { contactId: "asc" },
      take: size,
      select: { contactId: true, communeCode: true },
    });
    const commune = new Map(subs.map((s) => [s.contactId, s.communeCode]));
    let contacts = await reachable(subs.map((s) => s.contactId));
    if (audience.roles?.length === 1) {
      const owners = new Set(
        (
          await this.db.venue.findMany({
            where: { ownerContactId: { in: contacts.map((c) => c.id) }, active: true },
            select: { ownerContactId: true },
          })
        ).map((v) => v.ownerContactId),
      );
      contacts = contacts.filter((c) => !owners.has(c.id));
    }
    return {
      targets: contacts.map((c) => ({ ...target(c), communeCode: commune.get(c.id) ?? null })),
      last: subs.length === size ? subs.at(-1)?.contactId : undefined,
    };
  }
}

/** Queues one message per target and makes its buttons the person's open choices ("2", "rồi" answer it). */
async function queue(
  tx: Tx,
  targets: SurveyTarget[],
  render: (target: SurveyTarget) => AskedQuestion,
): Promise<void> {
  for (const t of targets) {
    const { message, choices } = render(t);
    await tx.outboxMessage.create({
      data: {
        channel: t.channel,
        externalId: t.externalId,
        contactId: t.contactId,
        body: JSON.stringify(message),
        purpose: "broadcast",
      },
    });
    await tx.contact.update({
      where: { id: t.contactId },
      data: { choices: JSON.stringify(choices) },
    });
  }
}

function target(c: { id: string; channel: string; externalId: string; language: string }): SurveyTarget {
  return {
    contactId: c.id,
    channel: c.channel as ChannelId,
    externalId: c.externalId,
    language: (c.language === "en" ? "en" : "vi") as Language,
    communeCode: null,
    venueId: null,
  };
}

function toSurvey(row: Survey): SurveyRecord {
  return {
    id: row.id,
    title: row.title,
    questions: parseQuestions(row.questions),
    audience: parseAudience(row.audience),
    status: row.status as SurveyStatus,
    closesAt: row.closesAt,
    createdBy: row.createdBy,
    creatorContactId: row.creatorContactId,
    materialisedAt: row.materialisedAt,
    remindedAt: row.remindedAt,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}
