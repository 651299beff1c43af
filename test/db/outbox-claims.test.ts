import { describe, expect, it } from "vitest";
import { SqlOutboxStore } from "../../src/db/sql-outbox-store";
import type { Sql, SqlDatabase } from "../../src/db/sql-session";
import { useFreshDatabase } from "../helpers/fresh-database";

/** The database as a dropped connection shows it: the claim statement runs, its answer never arrives. */
function answerLostOnce(database: SqlDatabase): { database: SqlDatabase; cutNextClaim: () => void } {
  let cut = false;
  const lossy = (sql: Sql): Sql => ({
    ...sql,
    all: async <R>(text: string, ...params: Parameters<Sql["all"]>[1][]) => {
      const rows = await sql.all<R>(text, ...params);
      if (cut && text.includes(`SET "status" = 'claimed'`)) {
        cut = false;
        throw new Error("Connection terminated unexpectedly");
      }
      return rows;
    },
  });
  return {
    database: {
      run: (work) => database.run((sql) => work(lossy(sql))),
      transaction: (work, options) => database.transaction((sql) => work(lossy(sql)), options),
      close: () => database.close(),
    },
    cutNextClaim: () => {
      cut = true;
    },
  };
}

// Runs on SQLite, and on PostgreSQL in CI.
describe("outbox claims", () => {
  const db = useFreshDatabase();

  it("a reply whose claim was made but never answered (database restart) is sent at once, not after the lease", async () => {
    const { database, cutNextClaim } = answerLostOnce(db().sql);
    const outbox = new SqlOutboxStore(db().db, database);
    await outbox.enqueue([
      { channel: "telegram", externalId: "42", contactId: null, message: { kind: "text", text: "Xin chào" } },
    ]);
    const now = new Date();

    cutNextClaim();
    await expect(outbox.claimDue("worker-a", 10, 60_000, now)).rejects.toThrow("Connection terminated");
    expect((await db().db.outboxMessage.findFirstOrThrow()).status).toBe("claimed");

    const again = await outbox.claimDue("worker-a", 10, 60_000, now);
    expect(again.map((r) => r.externalId)).toEqual(["42"]);
  });
});
