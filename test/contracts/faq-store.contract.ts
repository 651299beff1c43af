import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { FaqStore } from "../../src/features/faq/faq-store";
import { freshWorld, type Opened } from "./fresh-world";

/** A FAQ store and the feedback it holds (officers read it with SQL, not through the port). */
export interface FaqWorld {
  store: FaqStore;
  feedback(): Promise<{ topic: string; helpful: boolean; contactId: string }[]>;
}

/** What every {@link FaqStore} promises the FAQ feature and the officers' list, fake and Prisma alike. */
export function faqStoreContract(subject: string, open: () => Promise<Opened<FaqWorld>>): void {
  describe(`${subject} keeps what the FAQ could not answer`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const ask = (text: string, folded: string) =>
      store().recordUnanswered({ text, folded, language: "vi", channel: "zalo-bot" });

    it("nothing asked yet lists nothing", async () => {
      expect(await store().listUnanswered(10)).toEqual([]);
    });

    it("a question typed with and without diacritics counts as one, with one of its wordings", async () => {
      await ask("tiêm mũi 3 ở đâu", "tiem mui 3 o dau");
      await ask("tiem mui 3 o dau", "tiem mui 3 o dau");
      const [only, ...rest] = await store().listUnanswered(10);
      expect(rest).toEqual([]);
      expect(only?.count).toBe(2);
      expect(["tiêm mũi 3 ở đâu", "tiem mui 3 o dau"]).toContain(only?.text);
    });

    it("the most asked comes first, ties in the order of the folded text, at most `limit` of them", async () => {
      for (let i = 0; i < 3; i++) await ask("lam the bhyt", "lam the bhyt");
      await ask("xet nghiem o dau", "xet nghiem o dau");
      await ask("cach ly may ngay", "cach ly may ngay");
      await ask("xet nghiem o dau", "xet nghiem o dau");
      await ask("doi mat khau pc covid", "doi mat khau pc covid");
      const top = await store().listUnanswered(3);
      expect(top.map((q) => [q.text, q.count])).toEqual([
        ["lam the bhyt", 3],
        ["xet nghiem o dau", 2],
        ["cach ly may ngay", 1],
      ]);
    });

    it("says when a question was last asked", async () => {
      await ask("so dien thoai tram y te", "so dien thoai tram y te");
      await sleep(20);
      const before = Date.now();
      await ask("so dien thoai tram y te", "so dien thoai tram y te");
      const after = Date.now();
      const [q] = await store().listUnanswered(1);
      expect(q?.lastAskedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(q?.lastAskedAt.getTime()).toBeLessThanOrEqual(after + 1);
    });

    it("a question written again by the same turn is kept once, under the id it first got", async () => {
      const input = {
        text: "nha van hoa mo cua may gio",
        folded: "nha van hoa mo cua may gio",
        language: "vi",
        channel: "webchat",
        contactId: "c-1",
        effectId: "update-9:unanswered",
      };
      const first = await store().recordUnanswered(input);
      expect(await store().recordUnanswered(input)).toBe(first);
      expect((await store().listUnanswered(10))[0]?.count).toBe(1);
    });

    it("a person's yes/no to being told is kept once, on their own question only", async () => {
      const id = await store().recordUnanswered({
        text: "nha van hoa mo cua may gio",
        folded: "nha van hoa mo cua may gio",
        language: "vi",
        channel: "webchat",
        contactId: "c-1",
        communeCode: "21040",
      });
      expect(await store().setNotifyConsent(id, "c-2", true)).toBe(false);
      expect(await store().setNotifyConsent(id, "c-1", true)).toBe(true);
      expect(await store().setNotifyConsent(id, "c-1", false)).toBe(false);
      expect(await store().setNotifyConsent(id + 1000, "c-1", true)).toBe(false);
      expect(await store().clusterAskers("nha van hoa mo cua may gio", null)).toEqual([
        {
          contactId: "c-1",
          communeCode: "21040",
          question: "nha van hoa mo cua may gio",
          agreed: true,
          told: false,
        },
      ]);
    });

    it("a cluster's askers are one per person, within the scope; each is told once", async () => {
      const folded = "lich hop dan";
      const asked = async (contactId: string, communeCode: string | null, agreed: boolean | null) => {
        const id = await store().recordUnanswered({
          text: folded,
          folded,
          language: "vi",
          channel: "webchat",
          contactId,
          communeCode,
        });
        if (agreed !== null) await store().setNotifyConsent(id, contactId, agreed);
      };
      await asked("c-1", "21040", true);
      await asked("c-1", "21040", null);
      await asked("c-2", "21040", false);
      await asked("c-3", "21061", true);
      await asked("c-4", null, true);
      const ids = async (scope: string[] | null) =>
        (await store().clusterAskers(folded, scope)).map((a) => [a.contactId, a.agreed]).sort();
      expect(await ids(["21040"])).toEqual([
        ["c-1", true],
        ["c-2", false],
      ]);
      expect(await ids(["21099"])).toEqual([]);
      expect((await ids(null)).length).toBe(4);
      expect((await store().awaitingAnswer(["21040"])).get(folded)).toBe(1);
      expect((await store().awaitingAnswer(null)).get(folded)).toBe(3);

      expect(await store().claimAnswerNotice(folded, "c-1", "Lan (officer:1)")).toBe(true);
      expect(await store().claimAnswerNotice(folded, "c-1", "Minh (officer:2)")).toBe(false);
      expect((await store().clusterAskers(folded, ["21040"])).find((a) => a.contactId === "c-1")?.told).toBe(
        true,
      );
      expect((await store().awaitingAnswer(["21040"])).get(folded)).toBeUndefined();
      await store().releaseAnswerNotice(folded, "c-1");
      expect(await store().claimAnswerNotice(folded, "c-1", "Lan (officer:1)")).toBe(true);
    });

    it("keeps every 👍 and 👎 with its topic and who gave it", async () => {
      await store().recordFeedback({ topic: "pc-covid", helpful: true, contactId: "c-1" });
      await store().recordFeedback({ topic: "pc-covid", helpful: false, contactId: "c-2" });
      await store().recordFeedback({ topic: "vaccination", helpful: true, contactId: "c-1" });
      const given = await world().feedback();
      expect(given).toHaveLength(3);
      expect(given).toEqual(
        expect.arrayContaining([
          { topic: "pc-covid", helpful: true, contactId: "c-1" },
          { topic: "pc-covid", helpful: false, contactId: "c-2" },
          { topic: "vaccination", helpful: true, contactId: "c-1" },
        ]),
      );
    });
  });
}
