import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers, waitForBroadcast } from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

describe("officers' broadcast API", () => {
  const bot = new FakeBotApi();
  let server: TestServer;
  let api: ReturnType<typeof adminApi>;
  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await bot.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      TELEGRAM_RATE_LIMIT_PER_SEC: "10",
    });
    api = adminApi(server.url);
  });
  afterAll(async () => {
    await server.stop();
    await bot.stop();
  });

  it("refuses calls without the token and creates nothing", async () => {
    const anonymous = adminApi(server.url, null);
    expect((await anonymous("/api/v1/broadcasts", { text: "x", audience: { all: true } })).status).toBe(401);
    expect((await anonymous("/api/v1/officers")).status).toBe(401);
    expect(await server.database.db.broadcast.count()).toBe(0);
  });

  it("names each bad field: empty text, unknown audience keys, bad commune, all with filters", async () => {
    const bad = await api("/api/v1/broadcasts", { text: " ", audience: { everyone: true } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details as object)).toEqual(expect.arrayContaining(["text", "audience"]));
    const commune = await api("/api/v1/broadcasts", { text: "Họp", audience: { communes: ["99999"] } });
    expect(commune.status).toBe(400);
    expect(commune.json.details).toHaveProperty(["audience.communes"]);
    const mixed = await api("/api/v1/broadcasts", {
      text: "Họp",
      audience: { all: true, roles: ["citizen"] },
    });
    expect(mixed.status).toBe(400);
    expect((await api("/api/v1/broadcasts", { text: "Họp", audience: {} })).status).toBe(400);
    expect(
      (await api("/api/v1/broadcasts", { text: "Họp", audience: { all: true }, sendAt: "mai" })).status,
    ).toBe(400);
  });

  it("a scheduled broadcast waits for its time, then its counts go to done in each recipient's language", async () => {
    await seedSubscribers(server.database.db, 3, { firstChatId: 700, communeCode: "21040" });
    await seedSubscribers(server.database.db, 2, { firstChatId: 800, communeCode: "21040", language: "en" });
    await seedSubscribers(server.database.db, 4, { firstChatId: 900, communeCode: "21067" });
    const sendAt = new Date(Date.now() + 3_600_000);
    const created = await api("/api/v1/broadcasts", {
      text: "Thị trấn Châu Ổ: xét nghiệm tại nhà văn hóa lúc 7 giờ.",
      textEn: "Châu Ổ: testing at the community hall at 7am.",
      audience: { communes: ["21040"] },
      sendAt: sendAt.toISOString(),
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const scheduled = await api(`/api/v1/broadcasts/${id}`);
    expect(scheduled.json).toMatchObject({ status: "scheduled", counts: { total: 5, pending: 5, sent: 0 } });

    await server.tick(new Date(sendAt.getTime() + 1000));
    const done = await waitForBroadcast(api, id, "done");
    expect(done.counts).toMatchObject({ total: 5, sent: 5, failed: 0, blocked: 0, pending: 0 });
    expect(bot.textsTo(700)[0]).toMatch(/^Thị trấn Châu Ổ: xét nghiệm/);
    expect(bot.textsTo(800)[0]).toMatch(/^Châu Ổ: testing/);
    expect(bot.textsTo(900)).toEqual([]);
  });

  it("cancelling stops the pending deliveries; those already sent stay sent", async () => {
    await seedSubscribers(server.database.db, 40, { firstChatId: 5000, communeCode: "21085" });
    const created = await api("/api/v1/broadcasts", {
      text: "Tạm dừng chợ phiên.",
      audience: { communes: ["21085"] },
    });
    const id = String(created.json.id);
    await bot.waitFor((calls) => calls.filter((c) => Number(c.body.chat_id) >= 5000).length >= 3);
    const cancelled = await api(`/api/v1/broadcasts/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    const status = await waitForBroadcast(api, id, "cancelled");
    await new Promise((r) => setTimeout(r, 1000));
    const after = await api(`/api/v1/broadcasts/${id}`);
    const counts = after.json.counts as { pending: number; cancelled: number; sent: number; failed: number };
    expect(counts.pending).toBe(0);
    expect(counts.cancelled).toBeGreaterThan(20);
    expect(counts.sent + counts.cancelled + counts.failed).toBe(40);
    expect(bot.sent().filter((c) => Number(c.body.chat_id) >= 5000)).toHaveLength(counts.sent);
    expect(status.status).toBe("cancelled");
    expect((await api(`/api/v1/broadcasts/${id}/cancel`, {})).status).toBe(409);
    expect((await api("/api/v1/broadcasts/nope")).status).toBe(404);
  });
});

describe("a call cut off after Telegram may have received it", () => {
  const bot = new FakeBotApi();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...telegramEnv(await bot.start()), ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(async () => {
    await server.stop();
    await bot.stop();
  });

  it("is not repeated in a broadcast (counted as unknown), but a person's reply is sent again", async () => {
    const chats = await seedSubscribers(server.database.db, 3, { firstChatId: 4300 });
    const cutOnce = new Set([chats[1], "4399"]);
    bot.responder = (call) => {
      const chat = String(call.body.chat_id);
      if (call.method !== "sendMessage" || !cutOnce.has(chat)) return undefined;
      cutOnce.delete(chat);
      return "hang-up";
    };
    const created = await adminApi(server.url)("/api/v1/broadcasts", {
      text: "Nhắc quét mã QR khi vào chợ.",
      audience: { all: true },
    });
    const done = await waitForBroadcast(adminApi(server.url), String(created.json.id), "done", 20_000);
    expect(done.counts).toMatchObject({ total: 3, sent: 2, failed: 1, unknown: 1, pending: 0 });
    for (const chat of chats) expect(bot.textsTo(chat)).toHaveLength(1);

    // Someone asks for help and the answer's first call is cut: the answer comes all the same.
    await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify({
        update_id: 4399,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 4399, type: "private" },
          from: { id: 4399 },
          text: "/help",
        },
      }),
    });
    await bot.waitFor(() => bot.textsTo(4399).some((t) => t.startsWith("Các lệnh")), 15_000);
  });
});
