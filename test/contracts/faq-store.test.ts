import { PrismaFaqStore } from "../../src/db/prisma-faq-store";
import { SqlFaqStore } from "../../src/db/sql-faq-store";
import { FakeFaqStore } from "../../src/features/faq/fake-faq-store";
import { faqStoreContract } from "./faq-store.contract";
import { onFreshDatabase } from "./fresh-world";

faqStoreContract("the fake FAQ store", async () => {
  const store = new FakeFaqStore();
  return { world: { store, feedback: async () => store.feedback } };
});

faqStoreContract("the Prisma FAQ store", () =>
  onFreshDatabase((database) => ({
    store: new PrismaFaqStore(database.db),
    feedback: async () =>
      (await database.db.faqFeedback.findMany({ orderBy: { id: "asc" } })).map(
        ({ topic, helpful, contactId }) => ({ topic, helpful, contactId }),
      ),
  })),
);

// What the server runs: Prisma, with the per-question write in plain SQL.
faqStoreContract("the SQL FAQ store", () =>
  onFreshDatabase((database) => ({
    store: new SqlFaqStore(database.db, database.sql),
    feedback: async () =>
      (await database.db.faqFeedback.findMany({ orderBy: { id: "asc" } })).map(
        ({ topic, helpful, contactId }) => ({ topic, helpful, contactId }),
      ),
  })),
);
