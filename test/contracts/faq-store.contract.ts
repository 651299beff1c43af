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
