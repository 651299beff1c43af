import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { queueMedia } from "../helpers/queue-media";
import {
  startTestServer,
  TEST_ZALO_BOT_SECRET,
  TEST_ZALO_BOT_TOKEN,
  type TestServer,
  zaloBotEnv,
} from "../helpers/test-server";
import { textUpdate } from "../helpers/zalo-updates";

describe("Zalo Bot webhook", () => {
  const api = new FakeZaloBotApi();
  let server: TestServer;

  const post = (body: unknown, secret: string | null = TEST_ZALO_BOT_SECRET, raw?: string) =>
    fetch(`${server.url}/webhooks/zalo-bot`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === null ? {} : { "x-bot-api-secret-token": secret }),
      },
      body: raw ?? JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer(zaloBotEnv(await api.start()));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });
  beforeEach(() => {
    api.calls.length = 0;
    api.responder = undefined;
  });

  it("a person sends /start and gets the greeting and the menu as numbered options", async () => {
    const res = await post(textUpdate("6ede9afa66b88fe6d6a9", "/start"));
    expect(res.status).toBe(200);
    await api.waitFor(() => api.textsTo("6ede9afa66b88fe6d6a9").length >= 2);
    const [greeting, menu] = api.textsTo("6ede9afa66b88fe6d6a9");
    expect(greeting).toMatch(/^Xin chào Lan! Đây là Trợ lý ảo phòng, chống dịch Covid-19/);
    expect(menu).toBe(
      "Bạn cần gì? Chọn một mục bên dưới:\n\n1. 💬 Hỏi đáp PC-Covid, tiêm chủng\n2. 🙋 Hỏi cán bộ\n3. 📍 Mã QR địa điểm\n4. 🌐 Ngôn ngữ / Language\n5. ❓ Trợ giúp\n\n" +
        "Bạn vui lòng trả lời bằng số thứ tự hoặc gõ tên mục.",
    );
    expect(api.calls.every((c) => c.token === TEST_ZALO_BOT_TOKEN)).toBe(true);
  });

  it("replying with a number, then with a label, follows those options (language change)", async () => {
    const chat = "a1b2c3d4e5f6a7b8c9d0";
    await post(textUpdate(chat, "/menu", "flat"));
    await api.waitFor(() => api.textsTo(chat).length >= 1);
    await post(textUpdate(chat, "4", "flat"));
    await api.waitFor(() => api.textsTo(chat).length >= 2);
    expect(api.textsTo(chat)[1]).toBe(
      "Chọn ngôn ngữ / Choose your language:\n\n1. Tiếng Việt\n2. English\n\nBạn vui lòng trả lời bằng số thứ tự hoặc gõ tên mục.",
    );
    await post(textUpdate(chat, "english"));
    await api.waitFor(() => api.textsTo(chat).length >= 4);
    expect(api.textsTo(chat).slice(2)).toEqual([
      "Switched to English.",
      "What do you need? Choose an item below:\n\n1. 💬 Questions: PC-Covid, vaccination\n2. 🙋 Ask an officer\n3. 📍 Venue QR codes\n4. 🌐 Ngôn ngữ / Language\n5. ❓ Help\n\n" +
        "Reply with the number or type the item's name.",
    ]);
    const contact = await server.database.db.contact.findFirst({
      where: { channel: "zalo-bot", externalId: chat },
    });
    expect(contact?.language).toBe("en");
  });

  it("typing '2' after the language prompt picks English", async () => {
    const chat = "ffee00112233445566aa";
    await post(textUpdate(chat, "/lang"));
    await api.waitFor(() => api.textsTo(chat).length >= 1);
    await post(textUpdate(chat, "2"));
    await api.waitFor(() => api.textsTo(chat).length >= 3);
    expect(api.textsTo(chat)[1]).toBe("Switched to English.");
  });

  it("a photo from the person gets the 'please type' answer", async () => {
    const chat = "0123456789abcdef0123";
    const body = {
      event_name: "message.image.received",
      message: {
        message_id: "img0000000000000001",
        date: Date.now(),
        photo_url: "https://zalo.example/p.jpg",
        from: { id: chat, display_name: "Lan" },
        chat: { id: chat, chat_type: "PRIVATE" },
      },
    };
    expect((await post(body)).status).toBe(200);
    await api.waitFor(() => api.textsTo(chat).length >= 2);
    expect(api.textsTo(chat)[0]).toBe(
      "Trợ lý chưa đọc được loại tin nhắn này. Bạn vui lòng gõ chữ hoặc chọn một mục bên dưới.",
    );
  });

  it("a replayed update is acknowledged but answered only once", async () => {
    const chat = "beefbeefbeefbeefbeef";
    const update = textUpdate(chat, "/help");
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await api.waitFor(() => api.textsTo(chat).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.textsTo(chat).filter((t) => t.startsWith("Các lệnh"))).toHaveLength(1);
    expect(
      await server.database.db.inboxUpdate.count({
        where: { channel: "zalo-bot", conversationKey: `zalo-bot:${chat}` },
      }),
    ).toBe(1);
  });

  it("a forged or missing secret is refused with 401 and nothing is stored", async () => {
    const before = await server.database.db.inboxUpdate.count();
    expect((await post(textUpdate("c0ffee0000000000000a", "/start"), "wrong-secret-123")).status).toBe(401);
    expect((await post(textUpdate("c0ffee0000000000000a", "/start"), null)).status).toBe(401);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.textsTo("c0ffee0000000000000a")).toEqual([]);
  });

  it("a malformed body or one that is not an update is 400 and nothing is stored", async () => {
    const before = await server.database.db.inboxUpdate.count();
    expect((await post(undefined, TEST_ZALO_BOT_SECRET, "{oops")).status).toBe(400);
    expect((await post({ hello: "world" })).status).toBe(400);
    expect((await post({ ok: false, result: {} })).status).toBe(400);
    expect((await post({ event_name: "message.text.received", message: { text: "hi" } })).status).toBe(400);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
  });

  it("an image reply is sent as sendPhoto with a /media URL that serves the PNG", async () => {
    const chat = "feedface00000000beef";
    const { mediaId, data } = await queueMedia(server, { channel: "zalo-bot", externalId: chat }, "image");
    await api.waitFor(() => api.to(chat, "sendPhoto").length >= 1);
    const call = api.to(chat, "sendPhoto")[0];
    expect(call?.body.caption).toBe("Mã QR của quán");
    const url = new URL(String(call?.body.photo));
    expect(`${url.origin}${url.pathname}`).toBe(`https://helpdesk.example.test/media/${mediaId}`);
    // The public host is a proxy in production; here the same path is fetched from the server itself.
    const res = await fetch(`${server.url}${url.pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it("a document reply is sent as a text with its link", async () => {
    const chat = "d0c0d0c0d0c0d0c0d0c0";
    const { mediaId } = await queueMedia(server, { channel: "zalo-bot", externalId: chat }, "document");
    await api.waitFor(() => api.textsTo(chat).length >= 1);
    expect(api.textsTo(chat)[0]).toBe(`Mã QR của quán\nhttps://helpdesk.example.test/media/${mediaId}`);
  });

  it("a 403 (Zalo's internal error) is retried with backoff and the person stays reachable; a 429 waits", async () => {
    const chat = "b10c0000000000000000";
    let refusals = 0;
    api.responder = (call) => {
      if (call.method !== "sendMessage" || call.body.chat_id !== chat || refusals >= 2) return undefined;
      refusals++;
      return { status: 403, body: { ok: false, error_code: 403, description: "Internal server error" } };
    };
    await post(textUpdate(chat, "/help"));
    // The stand-in records refused calls too: two refusals, then the same text accepted.
    await api.waitFor(() => api.textsTo(chat).length >= 3, 15_000);
    expect(refusals).toBe(2);
    const [tried, , accepted] = api.to(chat);
    expect(accepted?.body.text).toBe(tried?.body.text);
    expect(accepted && tried && accepted.at - tried.at).toBeGreaterThanOrEqual(1_000);
    const contact = await server.database.db.contact.findFirst({
      where: { channel: "zalo-bot", externalId: chat },
    });
    expect(contact?.reachable).toBe(true);

    let refused = false;
    api.responder = (call) => {
      if (call.method !== "sendMessage" || call.body.chat_id !== "5l0w000000000000000a" || refused) {
        return undefined;
      }
      refused = true;
      return { status: 429, body: { ok: false, error_code: 429, description: "Quota exceeded" } };
    };
    await post(textUpdate("5l0w000000000000000a", "/lang"));
    await api.waitFor(() => api.textsTo("5l0w000000000000000a").length >= 2, 15_000);
    const [first, second] = api.to("5l0w000000000000000a");
    expect(second && first && second.at - first.at).toBeGreaterThanOrEqual(4_000);
  }, 20_000);

  it("a voice message, or a kind of message newer than the bot, gets the short 'please type' answer", async () => {
    const chat = "70c3000000000000000a";
    /** A message of another kind: the common fields of a text update, without its text. */
    const otherKind = () => {
      const { result } = textUpdate(chat, "", "wrapped") as { result: { message: Record<string, unknown> } };
      const { text: _text, ...message } = result.message;
      return message;
    };
    const message = otherKind();
    await post({
      event_name: "message.voice.received",
      message: { ...message, url: "https://zalo.example/v.aac" },
    });
    await api.waitFor(() => api.textsTo(chat).length >= 1);
    expect(api.textsTo(chat)[0]).toBe(
      "Trợ lý chưa đọc được loại tin nhắn này. Bạn vui lòng gõ chữ hoặc chọn một mục bên dưới.",
    );
    await post({ event_name: "message.video.received", message: otherKind() });
    await api.waitFor(() => api.textsTo(chat).length >= 4);
    expect(api.textsTo(chat)[2]).toBe(api.textsTo(chat)[0]);
  });

  it("no token or secret reaches the logs", async () => {
    await post(textUpdate("1090000000000000000a", "số của tôi là 0905 123 456"));
    await post(textUpdate("1090000000000000000a", "/x"), "forged-secret-value");
    await api.waitFor(() => api.textsTo("1090000000000000000a").length >= 1);
    const logs = server.logs.join("");
    expect(logs).not.toContain("zalo-bot-Secret_token");
    expect(logs).not.toContain(TEST_ZALO_BOT_SECRET);
    expect(logs).not.toMatch(/0905\s?123\s?456/);
  });
});
