import { PrismaTicketStore } from "../../src/db/prisma-ticket-store";
import { FakeTicketStore } from "../../src/features/handover/fake-ticket-store";
import { onFreshDatabase } from "./fresh-world";
import { ticketStoreContract } from "./ticket-store.contract";

ticketStoreContract("the fake ticket store", async () => {
  const store = new FakeTicketStore();
  return {
    world: {
      store,
      addContact: async (id, address) => void store.contacts.set(id, { ...address }),
    },
  };
});

ticketStoreContract("the Prisma ticket store", () =>
  onFreshDatabase((database) => ({
    store: new PrismaTicketStore(database.db),
    addContact: async (id, address) => {
      await database.db.contact.create({ data: { id, ...address } });
    },
  })),
);
