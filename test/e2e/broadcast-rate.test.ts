import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { startTestServer, type TestServer, telegramEnv } from "../helpers/test-server";

const LIMIT = 200;

describe("a district-wide broadcast on Telegram", () => {
  const api = new FakeBotApi();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await api.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      TELEGRAM_RATE_LIMIT_PER_SEC: String(LIMIT),
      // One process: the local pacing. The budget shared by several processes (two-processes story) keeps a
      // wider margin and reaches about 0.85× of the limit, the price of pacing across processes.
      RATE_BUDGET: "local",
    });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("reaches 1,000 subscribers exactly once, never above the rate limit, without a single 429", async () => {
    const chats = await seedSubscribers(server.database.db, 1000);
    // Like Telegram: more than LIMIT calls within any one second are refused with 429.
    const stats = rateLimitedResponder(api, LIMIT);
    const call = adminApi(server.url);
    const created = await call("/api/v1/broadcasts", {
      text: "Tiêm mũi 3 tại trạm y tế xã từ thứ Hai.",
      audience: { all: true },
    });
    expect(created.status).toBe(201);
    const done = await waitForBroadcast(call, String(created.json.id), "done", 30_000);

    expect(done.counts).toMatchObject({ total: 1000, sent: 1000, failed: 0, blocked: 0, pending: 0 });
    expect(stats.status429).toBe(0);
    const perChat = countByChat(stats.accepted);
    expect(perChat.size).toBe(1000);
    expect(chats.every((chat) => perChat.get(chat) === 1)).toBe(true);
    const times = stats.accepted.map((d) => d.at);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(LIMIT);
    // How close to the limit it gets is a speed, measured side by side by `npm run bench` (broadcast.ratio),
    // not asserted here: on a shared 2-core CI machine it measures the machine as much as the code.
  });
});
