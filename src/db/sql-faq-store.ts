import type { Db } from "./database";
import { PrismaFaqStore } from "./prisma-faq-store";
import type { SqlDatabase } from "./sql-session";

/**
 * The FAQ store with its per-question write in plain SQL (docs/adr/008-sqlite-hot-path.md): each question the
 * FAQ cannot answer is kept, on the path of every typed message. Officers' reads stay on Prisma.
 */
export class SqlFaqStore extends PrismaFaqStore {
  constructor(
    db: Db,
    private readonly database: SqlDatabase,
  ) {
    super(db);
  }

  override recordUnanswered(input: Parameters<PrismaFaqStore["recordUnanswered"]>[0]): Promise<number> {
    return this.database.run(async (sql) => {
      const inserted = await sql.get<{ id: number }>(
        `INSERT INTO "FaqUnanswered" ("folded", "text", "language", "channel", "contactId", "communeCode",
           "createdAt", "effectId") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("effectId") DO NOTHING RETURNING "id"`,
        input.folded,
        input.text,
        input.language,
        input.channel,
        input.contactId ?? null,
        input.communeCode ?? null,
        new Date(),
        input.effectId ?? null,
      );
      if (inserted) return inserted.id;
      // The asking turn run again (docs/adr/016): the first run's row, so its consent question still fits.
      const first = await sql.get<{ id: number }>(
        `SELECT "id" FROM "FaqUnanswered" WHERE "effectId" = ?`,
        input.effectId ?? null,
      );
      if (!first) throw new Error("unanswered question neither stored nor found");
      return first.id;
    });
  }
}
