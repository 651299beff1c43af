import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { telegramUser } from "../helpers/telegram-updates";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

const CHAT = 4242;
const user = telegramUser(CHAT, "Hùng", 50_000);
const { text, tap, from, chat } = user;
let updateId = 60_000;
const contact = (phone: string, userId: number) => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: 0,
    chat,
    from,
    contact: { phone_number: phone, first_name: "Hùng", user_id: userId },
  },
});

describe("a venue owner registers on Telegram", () => {
  const api = new FakeBotApi();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(telegramEnv(await api.start()));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  /** Sends an update and waits for the bot's answers to it; returns the texts it sent. */
  const send = async (update: unknown, answers = 1) => {
    const before = api.sent().length;
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    await api.waitFor(() => api.sent().length >= before + answers);
    return api.sent().slice(before);
  };

  it("is offered a share-my-phone button, and only their own number is accepted from it", async () => {
    await send(text("/venue"), 2);
    await send(text("Tiệm sửa xe Hùng"));
    await send(tap("venue:cat:shop"));
    await send(tap("venue:commune:21040"));
    await send(text("Thôn Long Yên"));
    const [ask] = await send(text("Võ Văn Hùng"));
    expect(ask?.body.text).toMatch(/^Bước 6\/6/);
    // The line pointing at the key is Telegram's: a channel without the key never mentions it.
    expect(ask?.body.text).toMatch(/\nHoặc bấm nút "📱 Gửi số điện thoại của tôi" bên dưới\.$/);
    expect(ask?.body.reply_markup).toEqual({
      keyboard: [
        [{ text: "📱 Gửi số điện thoại của tôi", request_contact: true }],
        // Back and Cancel ride on the same reply keyboard: Telegram shows one keyboard per message.
        [{ text: "◀ Quay lại" }, { text: "✖ Hủy" }],
      ],
      resize_keyboard: true,
      one_time_keyboard: true,
    });

    const [refused, askedAgain] = await send(contact("+84 90 999 8877", 999), 2);
    expect(refused?.body.text).toMatch(
      /^Trợ lý chưa đọc được loại tin nhắn này. Bạn vui lòng trả lời câu hỏi/,
    );
    expect(askedAgain?.body.text).toMatch(/^Bước 6\/6/);

    const [summary] = await send(contact("84909998877", CHAT));
    expect(summary?.body.text).toContain("• Điện thoại: 0909 998 877");
    expect(summary?.body.text).toContain("• Xã: Xã Bình Sơn");
    // The phone keyboard is gone once the summary shows its inline buttons.
    expect(summary?.body.reply_markup).toMatchObject({ inline_keyboard: expect.any(Array) });

    await send(tap("venue:confirm"), 2);
    await api.waitFor(() => api.sent("sendPhoto").length === 1 && api.sent("sendDocument").length === 1);
    expect(api.sent("sendPhoto")[0]?.contentType).toMatch(/^multipart\/form-data/);
    expect(api.sent("sendDocument")[0]?.body.multipart).toMatch(
      /filename="poster-[2-9A-Z]{10}\.pdf"[\s\S]*%PDF-/,
    );
    expect(await server.database.db.venue.findFirst({ where: { name: "Tiệm sửa xe Hùng" } })).toMatchObject({
      category: "shop",
      communeCode: "21040",
      contactPhone: "+84909998877",
    });
  });
});
