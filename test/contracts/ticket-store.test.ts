import { PrismaTicketStore } from "../../src/db/prisma-ticket-store";
import { SqlTicketStore } from "../../src/db/sql-ticket-store";
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

// What the server runs: Prisma, with the per-message calls in plain SQL on the same rows.
ticketStoreContract("the SQL ticket store", () =>
  onFreshDatabase((database) => ({
    store: new SqlTicketStore(database.db, database.sql),
    addContact: async (id, address) => {
      await database.db.contact.create({ data: { id, ...address } });
    },
  })),
);
