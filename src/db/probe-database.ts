import type { SqlDatabase } from "./sql-session";

/**
 * What /readyz asks of the database: that it answers, and that it takes a write. A read-only or full
 * database answers SELECT 1 happily while every webhook gets 503, so reads alone kept readiness green.
 * The write is one tiny row, rewritten in place (the shared rate budget's table, under a name no channel has).
 */
export async function probeDatabase(database: SqlDatabase): Promise<void> {
  await database.run(async (sql) => {
    await sql.get("SELECT 1");
    await sql.run(
      `INSERT INTO "RateBudget" ("channel", "nextSlotAt") VALUES ('readiness-probe', ?)
       ON CONFLICT ("channel") DO UPDATE SET "nextSlotAt" = excluded."nextSlotAt"`,
      Date.now(),
    );
  });
}
