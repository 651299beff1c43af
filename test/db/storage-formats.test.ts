import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseStoredDate, type Sql } from "../../src/db/sql-session";
import { useFreshDatabase } from "../helpers/fresh-database";

/**
 * The hot-path stores write and read rows in plain SQL that Prisma writes and reads too
 * (docs/adr/008-sqlite-hot-path.md), so both must use one storage format: on SQLite, dates as ISO text
 * ending in "+00:00" and booleans as 0/1; on PostgreSQL, `timestamp(3)` holding UTC and native booleans;
 * JSON as text on both. A format that differs reads back fine on its own side and breaks the other side's
 * comparisons (a text date with "Z" sorts apart from one with "+00:00"), so each test crosses over.
 */
describe("plain SQL and Prisma store dates, booleans and JSON the same way", () => {
  const database = useFreshDatabase();
  const sql = <T>(work: (s: Sql) => Promise<T>) => database().sql.run(work);
  const at = new Date("2026-11-26T21:44:30.766Z");

  const insertContact = (
    id: string,
    fields: { languageSet: boolean; reachable: boolean; choices: string; at: Date },
  ) =>
    sql((s) =>
      s.run(
        `INSERT INTO "Contact" ("id", "channel", "externalId", "language", "languageSet", "reachable", "choices",
           "createdAt", "updatedAt") VALUES (?, 'telegram', ?, 'vi', ?, ?, ?, ?, ?)`,
        id,
        id,
        fields.languageSet,
        fields.reachable,
        fields.choices,
        fields.at,
        fields.at,
      ),
    );
  const rawContact = (id: string) =>
    sql((s) =>
      s.get<{
        createdAt: string;
        languageSet: boolean | number;
        reachable: boolean | number;
        choices: string;
      }>(`SELECT "createdAt", "languageSet", "reachable", "choices" FROM "Contact" WHERE "id" = ?`, id),
    );

  it("a date written in SQL is the same instant in Prisma, and Prisma's date filters find it", async () => {
    const id = randomUUID();
    await insertContact(id, { languageSet: false, reachable: true, choices: "[]", at });
    const row = await database().db.contact.findUnique({ where: { id } });
    expect(row?.createdAt).toEqual(at);
    expect(row?.updatedAt).toEqual(at);
    const inRange = await database().db.contact.findMany({
      where: { createdAt: { gte: at, lte: at } },
      select: { id: true },
    });
    expect(inRange).toEqual([{ id }]);
  });

  it("a date written by Prisma is the same instant in SQL, and SQL's date comparisons find it", async () => {
    const id = randomUUID();
    const later = new Date(at.getTime() + 86_400_000);
    await database().db.contact.create({
      data: { id, channel: "zalo-bot", externalId: id, createdAt: later },
    });
    const raw = await rawContact(id);
    expect(parseStoredDate(raw?.createdAt ?? "")).toEqual(later);
    const found = await sql((s) =>
      s.all<{ id: string }>(
        `SELECT "id" FROM "Contact" WHERE "createdAt" >= ? AND "createdAt" <= ?`,
        later,
        later,
      ),
    );
    expect(found).toEqual([{ id }]);
  });

  it("the stored text of a date is Prisma's: ISO with +00:00 on SQLite, UTC timestamp text on PostgreSQL", async () => {
    const id = randomUUID();
    await database().db.contact.create({ data: { id, channel: "zalo-bot", externalId: id, createdAt: at } });
    const fromPrisma = (await rawContact(id))?.createdAt;
    const sqlId = randomUUID();
    await insertContact(sqlId, { languageSet: false, reachable: true, choices: "[]", at });
    const fromSql = (await rawContact(sqlId))?.createdAt;
    expect(fromSql).toBe(fromPrisma);
    expect(fromPrisma).toBe(
      database().provider === "sqlite" ? "2026-11-26T21:44:30.766+00:00" : "2026-11-26 21:44:30.766",
    );
  });

  it("booleans written in SQL read as booleans in Prisma, and the reverse, with filters on both sides", async () => {
    const bySql = randomUUID();
    await insertContact(bySql, { languageSet: true, reachable: false, choices: "[]", at });
    expect(await database().db.contact.findUnique({ where: { id: bySql } })).toMatchObject({
      languageSet: true,
      reachable: false,
    });
    const byPrisma = randomUUID();
    await database().db.contact.create({
      data: { id: byPrisma, channel: "zalo-oa", externalId: byPrisma, languageSet: true, reachable: false },
    });
    const raw = await rawContact(byPrisma);
    const stored = database().provider === "sqlite" ? [1, 0] : [true, false];
    expect([raw?.languageSet, raw?.reachable]).toEqual(stored);

    const unreachableBySql = await sql((s) =>
      s.all<{ id: string }>(`SELECT "id" FROM "Contact" WHERE "reachable" = ? ORDER BY "id"`, false),
    );
    expect(unreachableBySql.map((r) => r.id)).toEqual([bySql, byPrisma].sort());
    const unreachableByPrisma = await database().db.contact.findMany({
      where: { reachable: false },
      orderBy: { id: "asc" },
    });
    expect(unreachableByPrisma.map((r) => r.id)).toEqual([bySql, byPrisma].sort());
  });

  it("JSON text keeps every character either way, Vietnamese and emoji included", async () => {
    const choices = JSON.stringify([
      { label: "📣 Đăng ký nhận tin xã Bình Sơn", payload: "subs:commune:21025" },
    ]);
    const bySql = randomUUID();
    await insertContact(bySql, { languageSet: false, reachable: true, choices, at });
    expect((await database().db.contact.findUnique({ where: { id: bySql } }))?.choices).toBe(choices);

    const data = JSON.stringify({
      name: "Quán phở “Hạnh”",
      note: "dòng 1\ndòng 2",
      phones: ["+84905123456"],
    });
    const byPrisma = randomUUID();
    await database().db.contact.create({ data: { id: byPrisma, channel: "webchat", externalId: byPrisma } });
    await database().db.dialogState.create({
      data: { contactId: byPrisma, flow: "venue", step: "name", data },
    });
    const raw = await sql((s) =>
      s.get<{ data: string }>(`SELECT "data" FROM "DialogState" WHERE "contactId" = ?`, byPrisma),
    );
    expect(raw?.data).toBe(data);
    expect((await rawContact(byPrisma))?.choices).toBe("[]");
  });
});
