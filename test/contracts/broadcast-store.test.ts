import { randomUUID } from "node:crypto";
import { PrismaBroadcastStore } from "../../src/db/prisma-broadcast-store";
import { FakeBroadcastStore } from "../../src/features/broadcasts/fake-broadcast-store";
import { broadcastStoreContract } from "./broadcast-store.contract";
import { onFreshDatabase } from "./fresh-world";

const textOf = (message: { kind: string; text?: string }) => message.text ?? `[${message.kind}]`;

broadcastStoreContract("the fake broadcast store", async () => {
  const store = new FakeBroadcastStore();
  return {
    world: {
      store,
      person: async (recipient) => store.addRecipient(recipient),
      rows: async (id) =>
        store.rows
          .filter((r) => r.broadcastId === id)
          .map((r) => ({ contactId: r.contactId, text: textOf(r.message), status: r.status })),
      settle: async (id, contactId, status, lastError) => store.settle(id, contactId, status, lastError),
    },
  };
});

broadcastStoreContract("the Prisma broadcast store", () =>
  onFreshDatabase(({ db }) => ({
    store: new PrismaBroadcastStore(db),
    person: async (r) => {
      await db.contact.create({
        data: {
          id: r.id,
          channel: r.channel,
          externalId: r.externalId,
          language: r.language,
          reachable: r.reachable,
        },
      });
      await db.subscription.create({
        data: { contactId: r.id, active: r.subscribed, communeCode: r.communeCode },
      });
      if (r.ownsVenue)
        await db.venue.create({
          data: {
            id: randomUUID(),
            code: `BS${r.externalId}`,
            name: "Quán phở Hạnh",
            dedupeKey: `pho hanh ${r.externalId}`,
            category: "food-service",
            communeCode: r.communeCode ?? "21025",
            address: "12 Phạm Văn Đồng",
            contactName: "Hạnh",
            contactPhone: "+84905123456",
            ownerContactId: r.id,
          },
        });
    },
    rows: async (broadcastId) =>
      (await db.outboxMessage.findMany({ where: { broadcastId }, orderBy: { id: "asc" } })).map((m) => ({
        contactId: m.contactId ?? "",
        text: textOf(JSON.parse(m.body)),
        status: m.status,
      })),
    settle: async (broadcastId, contactId, status, lastError) => {
      await db.outboxMessage.updateMany({
        where: { broadcastId, contactId },
        data: { status, lastError: lastError ?? null },
      });
    },
  })),
);
