import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

let nextUpdateId = 1000;

function messageUpdate(chatId: number, text: string, extra: Record<string, unknown> = {}) {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Lan" },
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" },
      text,
      ...(text.startsWith("/")
        ? { entities: [{ offset: 0, length: text.split(" ")[0]?.length, type: "bot_command" }] }
        : {}),
      ...extra,
    },
  };
}

function callbackUpdate(chatId: number, data: string) {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb-${nextUpdateId}`,
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" },
      message: { message_id: 1, date: 0, chat: { id: chatId, type: "private" } },
      chat_instance: "1",
      data,
    },
  };
}

describe("Telegram webhook", () => {
  const api = new FakeBotApi();
  let server: TestServer;

  const post = (body: unknown, secret: string | null = TEST_WEBHOOK_SECRET, raw?: string) =>
    fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body: raw ?? JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer(telegramEnv(await api.start()));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });
  beforeEach(() => {
    api.calls.length = 0;
    api.responder = undefined;
  });

  it("a person sends /start and gets the greeting and the menu as inline buttons", async () => {
    const res = await post(messageUpdate(501, "/start"));
    expect(res.status).toBe(200);
    await api.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= 2);
    const [greeting, menu] = api.sent();
    expect(greeting?.body.text).toBe(
      "Xin chào Lan! Đây là Trợ lý ảo phòng, chống dịch Covid-19, được xây dựng năm 2021–2022 cho huyện Bình Sơn (cũ), nay là các xã Bình Sơn, Bình Minh, Bình Chương, Vạn Tường và Đông Sơn, tỉnh Quảng Ngãi; đơn vị vận hành: UBND tỉnh Quảng Ngãi. Trợ lý giúp đăng ký mã QR địa điểm, hướng dẫn sử dụng PC-Covid, Sổ sức khỏe điện tử và giải đáp về tiêm chủng. Các hướng dẫn có thể đã cũ; thông tin sức khỏe, tiêm chủng hiện xem trên ứng dụng VNeID.",
    );
    const keyboard = (
      (menu?.body.reply_markup ?? { inline_keyboard: [] }) as {
        inline_keyboard: { text: string; callback_data: string }[][];
      }
    ).inline_keyboard;
    expect(keyboard.flat()).toContainEqual({ text: "📍 Mã QR địa điểm", callback_data: "venues:menu" });
    expect(keyboard.flat()).toContainEqual({ text: "🙋 Hỏi cán bộ", callback_data: "handover:start" });
    expect(keyboard.flat()).toContainEqual({ text: "🌐 Ngôn ngữ / Language", callback_data: "lang:menu" });
    expect(keyboard.every((row) => row.length <= 2)).toBe(true);
  });

  it("a user whose Telegram is in English is answered in English", async () => {
    const update = messageUpdate(502, "/help");
    (update.message.from as { language_code: string }).language_code = "en-GB";
    await post(update);
    await api.waitFor(() => api.textsTo(502).length >= 2);
    expect(api.textsTo(502)[0]).toMatch(/^Commands:/);
  });

  it("tapping a button answers the callback and follows the button", async () => {
    await post(callbackUpdate(503, "lang:menu"));
    await api.waitFor(
      (calls) => calls.some((c) => c.method === "answerCallbackQuery") && api.textsTo(503).length >= 1,
    );
    expect(api.textsTo(503)[0]).toBe("Chọn ngôn ngữ / Choose your language:");
  });

  it("a replayed update is acknowledged but answered only once", async () => {
    const update = messageUpdate(504, "/help");
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await api.waitFor(() => api.textsTo(504).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.textsTo(504).filter((t) => t.startsWith("Các lệnh"))).toHaveLength(1);
    expect(
      await server.database.db.inboxUpdate.count({ where: { updateKey: String(update.update_id) } }),
    ).toBe(1);
  });

  it("a burst of updates from many people, with Telegram resending some at once, is stored and answered once each", async () => {
    // Updates arriving together are stored by one statement; a replay among them must not cost the rest.
    const updates = Array.from({ length: 12 }, (_, i) => messageUpdate(520 + i, "/help"));
    const burst = [...updates, updates[3], updates[7], updates[7]];
    const statuses = await Promise.all(burst.map(async (u) => (await post(u)).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await api.waitFor(() => updates.every((_, i) => api.textsTo(520 + i).length >= 1));
    await new Promise((r) => setTimeout(r, 300));
    for (const [i] of updates.entries()) {
      expect(api.textsTo(520 + i).filter((t) => t.startsWith("Các lệnh"))).toHaveLength(1);
    }
    const keys = updates.map((u) => String(u.update_id));
    expect(await server.database.db.inboxUpdate.count({ where: { updateKey: { in: keys } } })).toBe(12);
  });

  it("a request with a wrong or missing secret is refused with 401 and changes nothing", async () => {
    const before = await server.database.db.inboxUpdate.count();
    expect((await post(messageUpdate(505, "/start"), "wrong-secret")).status).toBe(401);
    expect((await post(messageUpdate(505, "/start"), null)).status).toBe(401);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.textsTo(505)).toEqual([]);
  });

  it("malformed JSON is 400, a body that is not an update is 400, an oversized body is 413", async () => {
    const before = await server.database.db.inboxUpdate.count();
    expect((await post(undefined, TEST_WEBHOOK_SECRET, "{oops")).status).toBe(400);
    expect((await post({ hello: "world" })).status).toBe(400);
    expect((await post({ update_id: -5, message: {} })).status).toBe(400);
    expect((await post(messageUpdate(506, "x".repeat(400_000)))).status).toBe(413);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
  });

  it("a person who blocked the bot is marked unreachable and not retried", async () => {
    api.responder = (call) =>
      call.method === "sendMessage"
        ? {
            status: 403,
            body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
          }
        : undefined;
    await post(messageUpdate(507, "/help"));
    await api.waitFor(() => api.textsTo(507).length >= 1);
    await new Promise((r) => setTimeout(r, 400));
    const contact = await server.database.db.contact.findFirst({
      where: { channel: "telegram", externalId: "507" },
    });
    expect(contact?.reachable).toBe(false);
    const rows = await server.database.db.outboxMessage.findMany({ where: { externalId: "507" } });
    expect(rows.every((r) => r.status === "blocked")).toBe(true);
  });

  it("429 from Telegram is honoured: the message is sent again after retry_after, once", async () => {
    let refused = false;
    api.responder = (call) => {
      if (call.method !== "sendMessage" || refused) return undefined;
      refused = true;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        },
      };
    };
    await post(messageUpdate(508, "/lang"));
    await api.waitFor(() => api.textsTo(508).length >= 2, 8000);
    const [first, second] = api.sent().filter((c) => String(c.body.chat_id) === "508");
    expect(second && first && second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(api.textsTo(508)).toEqual([
      "Chọn ngôn ngữ / Choose your language:",
      "Chọn ngôn ngữ / Choose your language:",
    ]);
  });

  it("no token, secret or phone number reaches the logs", async () => {
    await post(messageUpdate(509, "số của tôi là 0905 123 456"));
    await api.waitFor(() => api.textsTo(509).length >= 1);
    const logs = server.logs.join("");
    expect(logs).not.toContain("TEST-token_abc");
    expect(logs).not.toContain(TEST_WEBHOOK_SECRET);
    expect(logs).not.toMatch(/0905\s?123\s?456/);
  });
});
