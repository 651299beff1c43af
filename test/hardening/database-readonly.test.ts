import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Sql } from "../../src/db/sql-session";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

let nextId = 70_000;

/** A Telegram update with a long question (so that a full database has to grow to store it). */
function update(chatId: number, text = "/help") {
  const id = nextId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private" },
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" },
      text,
    },
  };
}

// The embedded database's own failure modes. A read-only file and a full disk are produced with SQLite's
// pragmas (query_only, max_page_count): the tests run as root, for whom chmod changes nothing, and a real
// full file system cannot be mounted here. SQLite answers exactly as it would for the real thing
// (SQLITE_READONLY, SQLITE_FULL).
describe("the embedded database refuses writes", () => {
  const api = new FakeBotApi();
  let server: TestServer;
  const sql = <T>(work: (s: Sql) => Promise<T>): Promise<T> => {
    if (!server.database.sqlite) throw new Error("SQLite only");
    return server.database.sqlite.run(work);
  };
  const post = (body: object) =>
    fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(body),
    });
  const stored = (u: { update_id: number }) =>
    server.database.db.inboxUpdate.count({ where: { channel: "telegram", updateKey: String(u.update_id) } });

  beforeAll(async () => {
    server = await startTestServer(telegramEnv(await api.start()));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it.skipIf(inject("dbProvider") === "postgresql")(
    "a read-only database: 503 with the reason, nothing acknowledged; the retry after it recovers is answered once",
    async () => {
      const refused = update(7101);
      await sql((s) => s.run("PRAGMA query_only = ON"));
      const during = await post(refused);
      expect(during.status).toBe(503);
      expect(during.headers.get("retry-after")).toBe("5");
      expect(await during.json()).toEqual({ error: "database_unavailable", reason: "read-only" });
      expect(server.logs.some((l) => l.includes("database unavailable: read-only"))).toBe(true);

      await sql((s) => s.run("PRAGMA query_only = OFF"));
      expect(await stored(refused)).toBe(0);
      // Telegram sends the refused update again; now it is stored and answered, once.
      expect((await post(refused)).status).toBe(200);
      await api.waitFor(() => api.textsTo(7101).length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(api.textsTo(7101).filter((t) => t.startsWith("Các lệnh"))).toHaveLength(1);
      expect(await stored(refused)).toBe(1);
    },
  );

  it.skipIf(inject("dbProvider") === "postgresql")(
    "a full disk: every update is either stored and acknowledged, or refused with 503 and not stored",
    async () => {
      const pages = await sql(
        async (s) => (await s.get<{ page_count: number }>("PRAGMA page_count"))?.page_count,
      );
      await sql((s) => s.get(`PRAGMA max_page_count = ${pages}`));
      const sent = Array.from({ length: 40 }, (_, i) => update(7200 + i, `câu hỏi ${"dài ".repeat(900)}`));
      const answers: number[] = [];
      for (const u of sent) answers.push((await post(u)).status);
      await sql((s) => s.get("PRAGMA max_page_count = 1073741823"));

      expect(answers).toContain(503);
      for (const [i, u] of sent.entries()) {
        expect([200, 503]).toContain(answers[i]);
        expect(await stored(u)).toBe(answers[i] === 200 ? 1 : 0);
      }
      expect(server.logs.some((l) => l.includes("database unavailable: disk-full"))).toBe(true);
      // Once there is room again, the refused updates come back and are stored.
      const refused = sent.filter((_, i) => answers[i] === 503);
      for (const u of refused) expect((await post(u)).status).toBe(200);
      for (const u of refused) expect(await stored(u)).toBe(1);
    },
  );

  it.skipIf(inject("dbProvider") === "postgresql")(
    "/readyz says read-only (503) while the database refuses writes, and is green again after",
    async () => {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await sql((s) => s.run("PRAGMA query_only = ON"));
      try {
        const during = await fetch(`${server.url}/readyz`);
        expect(during.status).toBe(503);
        expect(await during.json()).toMatchObject({
          ready: false,
          database: "read-only",
          reason: "read-only",
        });
      } finally {
        await sql((s) => s.run("PRAGMA query_only = OFF"));
      }
      const after = await fetch(`${server.url}/readyz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toMatchObject({ ready: true, database: "up" });
    },
  );
});
