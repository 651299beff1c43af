import { randomUUID } from "node:crypto";
import { PrismaFollowUpStore } from "../../src/db/prisma-follow-up-store";
import { FakeFollowUpStore } from "../../src/features/follow-ups/fake-follow-up-store";
import { followUpStoreContract } from "./follow-up-store.contract";
import { onFreshDatabase, outboxTexts } from "./fresh-world";

const textOf = (message: { kind: string; text?: string }) => message.text ?? `[${message.kind}]`;

followUpStoreContract("the fake follow-up store", async () => {
  const store = new FakeFollowUpStore();
  return {
    world: {
      store,
      person: async (p) => store.addPerson(p),
      exposure: async ({ contactId, visitedAt, windowTo }) => {
        const alertId = randomUUID();
        store.addExposure({ contactId, alertId, visitedAt, windowTo }, new Date());
        return alertId;
      },
      rows: async () => store.rows.map((r) => ({ contactId: r.contactId, text: textOf(r.message) })),
    },
  };
});

followUpStoreContract("the Prisma follow-up store", () =>
  onFreshDatabase(({ db }) => ({
    store: new PrismaFollowUpStore(db),
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
      await db.subscription.create({ data: { contactId: p.id, active: true, communeCode: p.communeCode } });
    },
    exposure: async ({ contactId, visitedAt, windowTo }) => {
      const venueId = randomUUID();
      await db.venue.create({
        data: {
          id: venueId,
          code: `BS${venueId.slice(0, 6)}`,
          name: "Quán Cà Phê Hoa Sen",
          dedupeKey: `hoa sen ${venueId}`,
          category: "food-service",
          communeCode: "21040",
          address: "12 Phạm Văn Đồng",
          contactName: "Sen",
          contactPhone: "+84905123456",
        },
      });
      await db.visit.create({
        data: { id: randomUUID(), venueId, contactId, source: "telegram", visitedAt },
      });
      const alertId = randomUUID();
      await db.exposureAlert.create({
        data: {
          id: alertId,
          venueId,
          windowFrom: new Date(visitedAt.getTime() - 3_600_000),
          windowTo,
          actor: "admin-api",
        },
      });
      await db.exposureAlertRecipient.create({ data: { alertId, contactId } });
      return alertId;
    },
    rows: () => outboxTexts(db),
  })),
);
