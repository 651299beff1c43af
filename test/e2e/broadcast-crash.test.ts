import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { openDatabase } from "../../src/db/database";
import { ADMIN_TOKEN, adminApi, seedSubscribers, waitForBroadcast } from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { freshDatabaseUrl } from "../helpers/test-database";
import { telegramEnv } from "../helpers/test-server";

const RECIPIENTS = 120;

describe("a broadcast survives a crash", () => {
  const bot = new FakeBotApi();
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of running) await p.stop();
    await bot.stop();
  });

  it("kill -9 mid-broadcast, restart: it resumes, nobody gets it twice, at most one in-flight message is lost", async () => {
    // A failure here is rare and load-dependent: keep what the servers said, and who got what, for the log.
    onTestFailed(() => {
      for (const [i, p] of running.entries()) console.error(`server ${i + 1} output:\n${p.output.join("")}`);
      console.error("calls:", JSON.stringify(bot.sent().map((c) => [c.body.chat_id, c.at])));
    });
    const databaseUrl = await freshDatabaseUrl();
    const seeded = openDatabase(databaseUrl);
    const chats = await seedSubscribers(seeded.db, RECIPIENTS, { firstChatId: 40_000 });
    await seeded.close();
    const env = {
      ...telegramEnv(await bot.start()),
      DATABASE_URL: databaseUrl,
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      TELEGRAM_RATE_LIMIT_PER_SEC: "20",
      // Short lease so the restarted process settles the killed one's rows within the test.
      OUTBOX_LEASE_MS: "1500",
      SCHEDULER_TICK_MS: "200",
    };

    const first = await startServerProcess(env);
    running.push(first);
    const created = await adminApi(first.url)("/api/v1/broadcasts", {
      text: "Lịch tiêm chủng tuần này đã có trên cổng thông tin huyện.",
      audience: { all: true },
    });
    expect(created.status).toBe(201);
    await bot.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= 40, 20_000);
    await first.kill9();
    const beforeRestart = bot.sent().length;
    expect(beforeRestart).toBeLessThan(RECIPIENTS);

    const second = await startServerProcess(env);
    running.push(second);
    const done = await waitForBroadcast(adminApi(second.url), String(created.json.id), "done", 40_000);

    const perChat = new Map<string, number>();
    for (const c of bot.sent())
      perChat.set(String(c.body.chat_id), (perChat.get(String(c.body.chat_id)) ?? 0) + 1);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    const missing = chats.filter((chat) => !perChat.has(chat));
    expect(missing.length).toBeLessThanOrEqual(1);
    // Honest counts: whatever was cut short is "failed, delivery unknown", never sent again.
    expect(done.counts.total).toBe(RECIPIENTS);
    expect(done.counts.pending).toBe(0);
    expect(done.counts.sent + done.counts.failed).toBe(RECIPIENTS);
    expect(done.counts.failed).toBe(done.counts.unknown);
    expect(missing.length).toBeLessThanOrEqual(done.counts.unknown ?? 0);
    expect(done.counts.unknown).toBeLessThanOrEqual(3);
  }, 90_000);
});
