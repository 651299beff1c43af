import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Audience } from "../../src/features/broadcasts/audience";
import type { FakeSurveyPerson } from "../../src/features/surveys/fake-survey-store";
import type { Question } from "../../src/features/surveys/survey-model";
import type { SurveyStore, SurveyTarget } from "../../src/features/surveys/survey-store";
import { freshWorld, type Opened } from "./fresh-world";

/** A survey store with the people it may reach and the questions it queued. */
export interface SurveyWorld {
  store: SurveyStore;
  /** Someone with a contact, maybe a subscription, maybe venues (in the order they registered them). */
  person(person: FakeSurveyPerson): Promise<void>;
  /** Who got a queued question, in the order queued, with its text. */
  rows(): Promise<{ contactId: string; text: string }[]>;
}

const QUESTIONS: Question[] = [
  { kind: "yesno", text: "Cơ sở của bạn đã niêm yết mã QR chưa?" },
  { kind: "choice", text: "Bạn cần hỗ trợ gì thêm?", options: ["In lại mã QR", "Không cần"] },
];
const HOUR = 3_600_000;

/** What every {@link SurveyStore} promises the survey service, the fake as much as the Prisma store. */
export function surveyStoreContract(subject: string, open: () => Promise<Opened<SurveyWorld>>): void {
  describe(`${subject} asks officers' surveys to the people they aim at`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const now = new Date();
    let n = 0;
    const person = async (p: Partial<FakeSurveyPerson> = {}) => {
      const id = randomUUID();
      n++;
      await world().person({
        id,
        channel: "webchat",
        externalId: `chat-${n}`,
        language: "vi",
        reachable: true,
        subscription: null,
        venues: [],
        ...p,
      });
      return id;
    };
    const venue = (communeCode: string, active = true) => ({ id: randomUUID(), communeCode, active });
    const survey = (audience: Audience, closesAt = new Date(now.getTime() + 24 * HOUR)) =>
      store().create({
        id: randomUUID(),
        title: "Niêm yết mã QR tháng 12",
        questions: QUESTIONS,
        audience,
        closesAt,
        createdBy: "dashboard:officer-1",
        creatorContactId: null,
      });
    const render = (t: SurveyTarget) => ({
      message: { kind: "text" as const, text: `${t.language}:${t.communeCode}:${t.venueId ?? "-"}` },
      choices: [],
    });
    const queueAll = async (id: string, batch = 500) => {
      while ((await store().materialiseNext(id, batch, render, now)) === "more");
    };
    const owners: Audience = { communes: ["21040"], roles: ["venue-owner"] };

    it("asks each owner of an active venue in the commune once, for their first venue there; reach counts the same", async () => {
      const first = venue("21040");
      const owner = await person({ venues: [first, venue("21040")] });
      await person({ venues: [venue("21040", false)] });
      await person({ venues: [venue("21061")] });
      await person({ venues: [venue("21040")], reachable: false });
      const english = await person({ venues: [venue("21040")], language: "en" });
      expect(await store().reach(owners)).toEqual([{ communeCode: "21040", count: 2 }]);
      const s = await survey(owners);
      await queueAll(s.id, 1);
      const rows = await world().rows();
      expect(rows.map((r) => r.contactId).sort()).toEqual([owner, english].sort());
      expect(rows.find((r) => r.contactId === owner)?.text).toBe(`vi:21040:${first.id}`);
      expect(await store().recipient(s.id, owner)).toMatchObject({
        current: 0,
        status: "open",
        venueId: first.id,
      });
      // Queued once: the cursor is done, a second pass asks nobody again.
      expect(await store().materialiseNext(s.id, 500, render, now)).toBe("stopped");
      expect((await store().get(s.id))?.materialisedAt).not.toBeNull();
      expect(await store().listToMaterialise()).toEqual([]);
    });

    it("asks subscribers by their subscription's commune; citizens only leaves venue owners out", async () => {
      const citizen = await person({ subscription: { communeCode: "21040", active: true } });
      const owner = await person({
        subscription: { communeCode: "21040", active: true },
        venues: [venue("21040")],
      });
      await person({ subscription: { communeCode: "21040", active: false } });
      await person({ subscription: { communeCode: "21061", active: true } });
      expect(await store().reach({ communes: ["21040"] })).toEqual([{ communeCode: "21040", count: 2 }]);
      const s = await survey({ communes: ["21040"], roles: ["citizen"] });
      await queueAll(s.id);
      expect((await world().rows()).map((r) => r.contactId)).toEqual([citizen]);
      expect(await store().recipient(s.id, owner)).toBeNull();
    });

    it("keeps one answer per person and question, replaced until closing; 'dừng' keeps what was answered", async () => {
      const a = await person({ venues: [venue("21040")] });
      const b = await person({ venues: [venue("21040")] });
      const s = await survey(owners);
      await queueAll(s.id);
      await store().answer({
        surveyId: s.id,
        contactId: a,
        question: 0,
        value: "no",
        current: 1,
        status: "open",
        now,
      });
      await store().answer({
        surveyId: s.id,
        contactId: a,
        question: 0,
        value: "yes",
        current: 1,
        status: "open",
        now,
      });
      await store().answer({
        surveyId: s.id,
        contactId: a,
        question: 1,
        value: null,
        current: 2,
        status: "done",
        now,
      });
      await store().answer({
        surveyId: s.id,
        contactId: b,
        question: 0,
        value: "no",
        current: 1,
        status: "open",
        now,
      });
      await store().stop(s.id, b);
      // Stopped stays stopped whatever answer comes late.
      await store().answer({
        surveyId: s.id,
        contactId: b,
        question: 1,
        value: "0",
        current: 2,
        status: "done",
        now,
      });
      expect(await store().recipient(s.id, a)).toMatchObject({ current: 2, status: "done" });
      expect((await store().recipient(s.id, b))?.status).toBe("stopped");
      const answers = await store().answers(s.id, ["21040"]);
      // By question; people answering the same question at the same moment come in either order.
      expect(answers.map((x) => x.question)).toEqual([0, 0, 1]);
      expect(answers.map((x) => `${x.contactId === a ? "a" : "b"}${x.question}=${x.value}`).sort()).toEqual([
        "a0=yes",
        "b0=no",
        "b1=0",
      ]);
      expect(await store().answers(s.id, ["21061"])).toEqual([]);
      expect(await store().recipientCounts(s.id, null)).toEqual([
        { communeCode: "21040", recipients: 2, responded: 2 },
      ]);
      expect(await store().countContact(a)).toBe(1);
      const venueRows = await store().venueAnswers(answers.find((x) => x.contactId === a)?.venueId ?? "");
      expect(venueRows.map((r) => [r.surveyId, r.question, r.value])).toEqual([[s.id, 0, "yes"]]);
    });

    it("reminds once, only those still open with no answer at all", async () => {
      const answered = await person({ venues: [venue("21040")] });
      const silent = await person({ venues: [venue("21040")] });
      const stopped = await person({ venues: [venue("21040")] });
      const s = await survey(owners);
      await queueAll(s.id);
      await store().answer({
        surveyId: s.id,
        contactId: answered,
        question: 0,
        value: "yes",
        current: 1,
        status: "open",
        now,
      });
      await store().stop(s.id, stopped);
      const before = (await world().rows()).length;
      expect(await store().remindOnce(s.id, render, now)).toBe(1);
      expect(await store().remindOnce(s.id, render, now)).toBeNull();
      expect((await world().rows()).slice(before).map((r) => r.contactId)).toEqual([silent]);
    });

    it("closes at its closing time once; retention and erasure remove answers and recipients", async () => {
      const a = await person({ venues: [venue("21040")] });
      const s = await survey(owners, new Date(now.getTime() + HOUR));
      await queueAll(s.id);
      await store().answer({
        surveyId: s.id,
        contactId: a,
        question: 0,
        value: "yes",
        current: 1,
        status: "open",
        now,
      });
      expect(await store().closeDue(now)).toEqual([]);
      const later = new Date(now.getTime() + 2 * HOUR);
      expect(await store().closeDue(later)).toEqual([s.id]);
      expect(await store().closeDue(later)).toEqual([]);
      expect(await store().close(s.id, later)).toBeNull();
      expect((await store().get(s.id))?.status).toBe("closed");
      expect(await store().purgeClosedBefore(now)).toBe(0);
      expect(await store().purgeClosedBefore(new Date(later.getTime() + HOUR))).toBe(1);
      expect(await store().recipient(s.id, a)).toBeNull();

      const t = await survey(owners);
      await queueAll(t.id);
      await store().answer({
        surveyId: t.id,
        contactId: a,
        question: 0,
        value: "no",
        current: 1,
        status: "open",
        now,
      });
      expect(await store().eraseContact(a)).toBe(2);
      expect(await store().countContact(a)).toBe(0);
      expect(await store().recipient(t.id, a)).toBeNull();
    });
  });
}
