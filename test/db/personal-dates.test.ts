import { describe, expect, it } from "vitest";
import { PrismaFollowUpStore } from "../../src/db/prisma-follow-up-store";
import { PrismaSurveyStore } from "../../src/db/prisma-survey-store";
import { useFreshDatabase } from "../helpers/fresh-database";

/** The people behind survey answers and dose dates can be erased, and old rows go by retention. */
describe("survey answers and follow-up dates as personal data", () => {
  const database = useFreshDatabase();

  const seed = async () => {
    const db = database().db;
    const ids = ["c-lan", "c-hung"];
    for (const id of ids) await db.contact.create({ data: { id, channel: "webchat", externalId: id } });
    await db.venue.createMany({
      data: ids.map((id, i) => ({
        id: `v${i}`,
        code: `CODE${i}`,
        name: `Quán ${i}`,
        dedupeKey: `quan ${i}`,
        category: "shop",
        communeCode: "21040",
        address: "Thôn 1",
        contactName: "A",
        contactPhone: "+84905111222",
        ownerContactId: id,
      })),
    });
    return ids;
  };

  it("eraseContact removes one person's answers, recipient rows and reminders, and only theirs", async () => {
    const [lan, hung] = await seed();
    const surveys = new PrismaSurveyStore(database().db);
    const now = new Date("2026-12-01T02:00:00Z");
    await surveys.create({
      id: "s1",
      title: "QR",
      questions: [{ kind: "yesno", text: "Đã niêm yết chưa?" }],
      audience: { roles: ["venue-owner"], communes: ["21040"] },
      closesAt: new Date(now.getTime() + 86_400_000),
      createdBy: "api",
      creatorContactId: null,
    });
    const message = { message: { kind: "text" as const, text: "?" }, choices: [] };
    expect(await surveys.materialiseNext("s1", 500, () => message, now)).toBe("done");
    // A second run (another process, a restart) queues nobody twice.
    expect(await surveys.materialiseNext("s1", 500, () => message, now)).toBe("stopped");
    expect(await database().db.outboxMessage.count()).toBe(2);
    for (const c of [lan, hung])
      await surveys.answer({
        surveyId: "s1",
        contactId: c ?? "",
        question: 0,
        value: "yes",
        current: 1,
        status: "done",
        now,
      });

    const followUps = new PrismaFollowUpStore(database().db);
    for (const c of [lan, hung])
      await followUps.schedule({
        id: `f-${c}`,
        followUpId: "dose",
        contactId: c ?? "",
        eventDate: "2021-08-15",
        detail: null,
        dueDate: "2026-12-20",
        earlyAt: null,
        dueAt: new Date("2026-12-20T01:00:00Z"),
      });

    expect(await surveys.eraseContact(lan ?? "")).toBe(2);
    expect(await followUps.eraseContact(lan ?? "")).toBe(1);
    const db = database().db;
    expect(await db.surveyAnswer.findMany({ select: { contactId: true } })).toEqual([{ contactId: hung }]);
    expect(await db.surveyRecipient.count({ where: { contactId: lan ?? "" } })).toBe(0);
    expect(await db.followUpReminder.findMany({ select: { contactId: true } })).toEqual([
      { contactId: hung },
    ]);

    // Retention: answers of a survey closed long ago go; a reminder whose day is long past goes.
    await surveys.close("s1", now);
    expect(await surveys.purgeClosedBefore(new Date(now.getTime() + 1000))).toBe(1);
    expect(await db.surveyAnswer.count()).toBe(0);
    expect(await followUps.purgeEndedBefore(new Date("2027-02-01T00:00:00Z"))).toBe(1);
    expect(await db.followUpReminder.count()).toBe(0);
  });

  it("a due reminder is queued once even when two schedulers run at the same time", async () => {
    const db = database().db;
    await db.contact.create({ data: { id: "c-mai", channel: "webchat", externalId: "c-mai" } });
    const store = new PrismaFollowUpStore(db);
    await store.schedule({
      id: "f-mai",
      followUpId: "dose",
      contactId: "c-mai",
      eventDate: null,
      detail: null,
      dueDate: "2026-12-20",
      earlyAt: new Date("2026-12-13T01:00:00Z"),
      dueAt: new Date("2026-12-20T01:00:00Z"),
    });
    const render = () => ({ message: { kind: "text" as const, text: "💉" }, choices: [] });
    const at = new Date("2026-12-13T01:05:00Z");
    const queued = await Promise.all([store.sendDue(at, render), store.sendDue(at, render)]);
    expect(queued[0] + queued[1]).toBe(1);
    expect(await db.outboxMessage.count({ where: { contactId: "c-mai" } })).toBe(1);
  });
});
