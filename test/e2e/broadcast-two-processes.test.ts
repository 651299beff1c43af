import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import {
  ADMIN_TOKEN,
  adminApi,
  countByChat,
  maxInAnySecond,
  rateLimitedResponder,
  seedSubscribers,
  waitForBroadcast,
} from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { freshDatabaseUrl } from "../helpers/test-database";
import { telegramEnv } from "../helpers/test-server";

const LIMIT = 50;
const RECIPIENTS = 300;

describe("two server processes on one PostgreSQL database", () => {
  const bot = new FakeBotApi();
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of running) await p.stop();
    await bot.stop();
  });

  // Several processes can only share a PostgreSQL database (SQLite is one file for one process), so this
  // story runs in the PostgreSQL pass of the suite (TEST_DATABASE_URL) and is skipped on SQLite.
  it.skipIf(inject("dbProvider") !== "postgresql")(
    "send each message exactly once and together stay under the Telegram limit",
    async () => {
      const databaseUrl = await freshDatabaseUrl();
      const seeded = openDatabase(databaseUrl);
      const chats = await seedSubscribers(seeded.db, RECIPIENTS, { firstChatId: 60_000 });
      await seeded.close();
      const stats = rateLimitedResponder(bot, LIMIT);
      const env = {
        ...telegramEnv(await bot.start()),
        DATABASE_URL: databaseUrl,
        ADMIN_API_TOKEN: ADMIN_TOKEN,
        TELEGRAM_RATE_LIMIT_PER_SEC: String(LIMIT),
        SCHEDULER_TICK_MS: "200",
      };
      const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      if (!a || !b) throw new Error("servers did not start");
      running.push(a, b);

      const created = await adminApi(a.url)("/api/v1/broadcasts", {
        text: "Khuyến cáo 5K: khẩu trang, khử khuẩn, khoảng cách, không tụ tập, khai báo y tế.",
        audience: { all: true },
      });
      expect(created.status).toBe(201);
      const done = await waitForBroadcast(adminApi(b.url), String(created.json.id), "done", 60_000);

      expect(done.counts).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, pending: 0 });
      expect(stats.status429).toBe(0);
      const perChat = countByChat(stats.accepted);
      expect(chats.every((chat) => perChat.get(chat) === 1)).toBe(true);
      expect(maxInAnySecond(stats.accepted.map((d) => d.at))).toBeLessThanOrEqual(LIMIT);
    },
    90_000,
  );
});
