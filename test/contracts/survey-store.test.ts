import { PrismaSurveyStore } from "../../src/db/prisma-survey-store";
import { FakeSurveyStore } from "../../src/features/surveys/fake-survey-store";
import { onFreshDatabase, outboxTexts } from "./fresh-world";
import { surveyStoreContract } from "./survey-store.contract";

const textOf = (message: { kind: string; text?: string }) => message.text ?? `[${message.kind}]`;

surveyStoreContract("the fake survey store", async () => {
  const store = new FakeSurveyStore();
  return {
    world: {
      store,
      person: async (p) => store.addPerson(p),
      rows: async () => store.rows.map((r) => ({ contactId: r.contactId, text: textOf(r.message) })),
    },
  };
});

surveyStoreContract("the Prisma survey store", () =>
  onFreshDatabase(({ db }) => ({
    store: new PrismaSurveyStore(db),
    person: async (p) => {
      await db.contact.create({
        data: {
          id: p.id,
          channel: p.channel,
          externalId: p.externalId,
          language: p.language,
          reachable: p.reachable,
        },
      });
      if (p.subscription)
        await db.subscription.create({
          data: { contactId: p.id, active: p.subscription.active, communeCode: p.subscription.communeCode },
        });
      let i = 0;
      for (const v of p.venues) {
        i++;
        await db.venue.create({
          data: {
            id: v.id,
            code: `BS${p.externalId}-${i}`,
            name: "Tạp hóa Minh Châu",
            dedupeKey: `minh chau ${p.externalId} ${i}`,
            category: "shop",
            communeCode: v.communeCode,
            address: "12 Phạm Văn Đồng",
            contactName: "Châu",
            contactPhone: "+84905123456",
            ownerContactId: p.id,
            active: v.active,
            // Registered in order, so "their first venue" is the same in both stores.
            createdAt: new Date(Date.now() - 60_000 + i * 1000),
          },
        });
      }
    },
    rows: () => outboxTexts(db),
  })),
);
