import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { FakeFollowUpPerson } from "../../src/features/follow-ups/fake-follow-up-store";
import type { FollowUpReminderRecord, FollowUpStore } from "../../src/features/follow-ups/follow-up-store";
import { freshWorld, type Opened } from "./fresh-world";

/** A follow-up store with the people it may remind and the messages it queued. */
export interface FollowUpWorld {
  store: FollowUpStore;
  person(person: FakeFollowUpPerson): Promise<void>;
  /** An exposure alert at a venue, `windowTo` its end, that reached `contactId`, who checked in at `visitedAt`. */
  exposure(input: { contactId: string; visitedAt: Date; windowTo: Date }): Promise<string>;
  rows(): Promise<{ contactId: string; text: string }[]>;
}

const DAY = 86_400_000;

/** What every {@link FollowUpStore} promises the follow-up service, the fake as much as the Prisma store. */
export function followUpStoreContract(subject: string, open: () => Promise<Opened<FollowUpWorld>>): void {
  describe(`${subject} reminds people on their own dates, once each`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const now = new Date();
    let n = 0;
    const person = async (p: Partial<FakeFollowUpPerson> = {}) => {
      const id = randomUUID();
      n++;
      await world().person({
        id,
        channel: "telegram",
        externalId: `${7000 + n}`,
        language: "vi",
        reachable: true,
        communeCode: "21040",
        ...p,
      });
      return id;
    };
    const define = async (id: string, trigger: "exposure" | null = null) => {
      await store().ensureDefinition(
        {
          id,
          name: "Nhắc tiêm mũi tiếp theo",
          text: "followups:reminder.due",
          offsetDays: trigger ? 3 : null,
          earlyDays: 7,
          active: true,
          trigger,
        },
        "system",
      );
    };
    const schedule = (
      contactId: string,
      dueAt: Date,
      earlyAt: Date | null,
      followUpId = "dose",
      detail: string | null = null,
    ) =>
      store().schedule({
        id: randomUUID(),
        followUpId,
        contactId,
        eventDate: "2026-11-01",
        detail,
        dueDate: "2026-12-20",
        earlyAt,
        dueAt,
      });
    const render = (r: FollowUpReminderRecord, which: "early" | "due") => ({
      message: { kind: "text" as const, text: `${which}:${r.dueDate}` },
      choices: [],
    });

    it("keeps one active reminder per person and follow-up; a definition is stored once", async () => {
      await define("dose");
      await define("dose");
      expect((await store().definitions()).map((d) => [d.id, d.trigger, d.createdBy])).toEqual([
        ["dose", null, "system"],
      ]);
      const a = await person();
      await schedule(a, new Date(now.getTime() + 20 * DAY), null);
      const second = await schedule(a, new Date(now.getTime() + 30 * DAY), null);
      expect((await store().active(a)).map((r) => r.id)).toEqual([second.id]);
      expect(second.communeCode).toBe("21040");
      expect(await store().countsByCommune()).toEqual([{ communeCode: "21040", count: 1 }]);
      expect(await store().countContact(a)).toBe(2);
    });

    it("queues the early reminder and the day's once each; on the day only the day's; ended ones never", async () => {
      await define("dose");
      const a = await person();
      const late = await person();
      const ended = await person();
      const away = await person({ reachable: false });
      const due = new Date(now.getTime() + 7 * DAY);
      await schedule(a, due, new Date(now.getTime() - 1000));
      await schedule(late, new Date(now.getTime() - 1000), new Date(now.getTime() - 8 * DAY));
      await schedule(ended, new Date(now.getTime() - 1000), null);
      await schedule(away, new Date(now.getTime() - 1000), null);
      expect(await store().end(ended, "stopped")).toBe(1);
      expect(await store().sendDue(now, render)).toBe(2);
      expect(await store().sendDue(now, render)).toBe(0);
      const rows = (await world().rows()).map((r) => [r.contactId, r.text.split(":")[0]]);
      expect(rows.sort()).toEqual(
        [
          [a, "early"],
          [late, "due"],
        ].sort(),
      );
      expect(await store().active(away)).toEqual([]);
      await store().sendDue(new Date(due.getTime() + 1000), render);
      expect(
        (await world().rows()).filter((r) => r.contactId === a).map((r) => r.text.split(":")[0]),
      ).toEqual(["early", "due"]);
      expect(await store().active(a)).toEqual([]);
    });

    it("lists people an exposure alert reached since a follow-up began, until they are scheduled for it", async () => {
      await define("symptoms", "exposure");
      const a = await person();
      const visitedAt = new Date(now.getTime() - 2 * DAY);
      const alertId = await world().exposure({
        contactId: a,
        visitedAt,
        windowTo: new Date(now.getTime() - DAY),
      });
      const since = new Date(now.getTime() - 60_000);
      const [exposed, ...rest] = await store().exposedSince("symptoms", since, 10);
      expect(rest).toEqual([]);
      expect(exposed).toMatchObject({ contactId: a, alertId });
      expect(exposed?.visitedAt?.getTime()).toBe(visitedAt.getTime());
      expect(await store().exposedSince("symptoms", new Date(now.getTime() + 60_000), 10)).toEqual([]);
      await schedule(a, new Date(now.getTime() + DAY), null, "symptoms", alertId);
      expect(await store().exposedSince("symptoms", since, 10)).toEqual([]);
      expect(await store().exposedSince("another", since, 10)).toHaveLength(1);
    });

    it("erasure removes a person's reminders; retention those ended or past", async () => {
      const a = await person();
      const b = await person();
      await schedule(a, new Date(now.getTime() + DAY), null);
      await schedule(b, new Date(now.getTime() - 3 * DAY), null);
      expect(await store().eraseContact(a)).toBe(1);
      expect(await store().countContact(a)).toBe(0);
      expect(await store().purgeEndedBefore(new Date(now.getTime() - 2 * DAY))).toBe(1);
      expect(await store().countContact(b)).toBe(0);
    });
  });
}
