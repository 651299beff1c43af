import { FakeConversationStore } from "../../src/core/fake-conversation-store";
import { createMessageStores } from "../../src/db/message-stores";
import { conversationStoreContract } from "./conversation-store.contract";
import { onFreshDatabase } from "./fresh-world";

conversationStoreContract("the fake conversation store", async () => {
  const store = new FakeConversationStore();
  let updates = 0;
  return {
    world: {
      store,
      pendingUpdate: async () => ++updates,
      queuedTexts: async (externalId) =>
        store.outbox
          .filter((o) => o.externalId === externalId && o.message.kind === "text")
          .map((o) => (o.message.kind === "text" ? o.message.text : "")),
    },
  };
});

conversationStoreContract("the SQL conversation store", () =>
  onFreshDatabase((database) => {
    const { conversations, inbox } = createMessageStores(database);
    let updates = 0;
    return {
      store: conversations,
      pendingUpdate: async () => {
        const key = String(++updates);
        return (
          await inbox.append({
            channel: "telegram",
            updateKey: key,
            conversationKey: "telegram:42",
            payload: "{}",
          })
        ).id;
      },
      queuedTexts: async (externalId) =>
        (await database.db.outboxMessage.findMany({ where: { externalId }, orderBy: { id: "asc" } })).map(
          (m) => JSON.parse(m.body).text,
        ),
    };
  }),
);
