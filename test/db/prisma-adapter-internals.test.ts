import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/sqlite/client";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

const RECHECK =
  "Prisma's SQLite adapter changed: re-check SharedSqlite.adopt and holdUntilEnd in src/db/sqlite-connection.ts " +
  "(the shared connection and the lock that keeps our statements out of Prisma's transactions)";

/**
 * SharedSqlite (src/db/sqlite-connection.ts) reaches into @prisma/adapter-better-sqlite3: it takes the
 * adapter's private `client` (the better-sqlite3 connection) to run the hot-path statements on it, and
 * replaces the adapter's `queryRaw`, `executeRaw` and `startTransaction` and the transaction's `commit` and
 * `rollback` to take and release its lock. None of that is public API, so a Prisma upgrade may change it
 * silently; these tests pin exactly those shapes and fail first.
 */
describe("the Prisma SQLite adapter still has the internals SharedSqlite relies on", () => {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "adapter-internals-")), "probe.db")}`;

  it("a connected adapter keeps its better-sqlite3 connection in a field named `client`", async () => {
    const adapter = await new PrismaBetterSQLite3({ url }).connect();
    const client: unknown = (adapter as unknown as { client?: unknown }).client;
    expect(
      client instanceof Sqlite,
      `${RECHECK}: adapter.client is no longer a better-sqlite3 Database`,
    ).toBe(true);
    expect((client as Sqlite.Database).open, `${RECHECK}: adapter.client is not an open connection`).toBe(
      true,
    );
    for (const method of ["queryRaw", "executeRaw", "startTransaction"] as const)
      expect(typeof adapter[method], `${RECHECK}: adapter.${method} is gone`).toBe("function");
    await adapter.dispose();
  });

  it("every query and transaction goes through the methods SharedSqlite wraps, commit and rollback included", async () => {
    const calls: string[] = [];
    const inner = new PrismaBetterSQLite3({ url });
    const count =
      <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        calls.push(name);
        return fn(...args);
      };
    const watch = (adapter: Adapter): Adapter => {
      adapter.queryRaw = count("queryRaw", adapter.queryRaw.bind(adapter));
      adapter.executeRaw = count("executeRaw", adapter.executeRaw.bind(adapter));
      adapter.executeScript = count("executeScript", adapter.executeScript.bind(adapter));
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        calls.push("startTransaction");
        const tx = await start(isolationLevel);
        tx.commit = count("commit", tx.commit.bind(tx));
        tx.rollback = count("rollback", tx.rollback.bind(tx));
        return tx;
      };
      return adapter;
    };
    const prisma = new PrismaClient({
      adapter: {
        provider: inner.provider,
        adapterName: inner.adapterName,
        connect: async () => watch(await inner.connect()),
      },
    });
    try {
      await prisma.$executeRawUnsafe(`CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY, "note" TEXT)`);
      expect(calls, `${RECHECK}: a statement did not go through adapter.executeRaw`).toContain("executeRaw");
      calls.length = 0;
      await prisma.$queryRawUnsafe(`SELECT 1 AS "one"`);
      expect(calls, `${RECHECK}: a query did not go through adapter.queryRaw`).toEqual(["queryRaw"]);
      calls.length = 0;
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "Probe" ("note") VALUES ('kept')`);
      });
      expect(
        calls,
        `${RECHECK}: a transaction did not start with startTransaction and end with commit`,
      ).toEqual(["startTransaction", "commit"]);
      calls.length = 0;
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "Probe" ("note") VALUES ('dropped')`);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(calls, `${RECHECK}: a failed transaction did not end with rollback`).toEqual([
        "startTransaction",
        "rollback",
      ]);
      expect(await prisma.$queryRawUnsafe(`SELECT "note" FROM "Probe"`)).toEqual([{ note: "kept" }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
