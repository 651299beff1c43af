import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers, waitForBroadcast } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import {
  startTestServer,
  TEST_ZALO_OA_APP_SECRET,
  type TestServer,
  telegramEnv,
  zaloBotEnv,
  zaloOaEnv,
} from "../helpers/test-server";
import { zaloBotChat, zaloOaChat } from "../helpers/zalo-updates";

/** The same venue registration and FAQ conversations, unchanged, on both Zalo surfaces. */
describe("every flow works on Zalo", () => {
  const bot = new FakeZaloBotApi();
  const oa = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;

  const telegram = new FakeBotApi();

  beforeAll(async () => {
    const botRoot = await bot.start();
    const oaRoot = await oa.start();
    server = await startTestServer({
      ...zaloBotEnv(botRoot),
      ...zaloOaEnv(oaRoot, oa.issue()),
      ...telegramEnv(await telegram.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    });
  });
  afterAll(async () => {
    await server.stop();
    await bot.stop();
    await oa.stop();
    await telegram.stop();
  });

  /** Zalo Bot: sends a text and returns the texts the bot answered with. */
  const botSay = (chat: string, text: string, answers = 1) =>
    zaloBotChat(server.url, bot)(chat, text, answers);

  /** Zalo OA: sends a signed text event and returns the messages the OA answered with. */
  const oaSay = (user: string, text: string, answers = 1) => zaloOaChat(server.url, oa)(user, text, answers);

  it("a venue owner on Zalo Bot registers by answering numbered options", async () => {
    const chat = "b0a1c2d3e4f5a6b7c8d9";
    const [intro, askName] = await botSay(chat, "/venue", 2);
    expect(intro).toMatch(/^Trợ lý sẽ giúp bạn tạo mã QR/);
    expect(askName).toMatch(/^Bước 1\/6/);
    const [askCategory] = await botSay(chat, "Nhà thuốc Bình An");
    expect(askCategory).toContain("\n9. Nhà hàng/quán ăn/cà phê\n");
    const [askCommune] = await botSay(chat, "3");
    expect(askCommune).toMatch(/^Bước 3\/6[\s\S]*\n1\. Xã Bình Sơn\n/);
    const [mapped] = await botSay(chat, "Bình An", 2);
    expect(mapped).toBe(
      '"Bình An" là xã Bình An cũ, thuộc xã Bình Minh từ 1/7/2025. Địa điểm được ghi vào xã Bình Minh.',
    );
    await botSay(chat, "Thôn Phú Lộc");
    await botSay(chat, "Đỗ Thị Mai");
    const [summary] = await botSay(chat, "0935 246 810");
    expect(summary).toContain("• Loại: Cơ sở y tế");
    expect(summary).toMatch(/\n1\. ✅ Xác nhận\n/);
    const [done] = await botSay(chat, "1", 3);
    expect(done).toMatch(/^🎉 Đã đăng ký xong "Nhà thuốc Bình An"/);
    await bot.waitFor(() => bot.to(chat, "sendPhoto").length === 1);
    expect(
      String(bot.to(chat, "sendPhoto")[0]?.body.photo ?? bot.to(chat, "sendPhoto")[0]?.body.photo_url),
    ).toMatch(/\/media\/[A-Za-z0-9_-]{16,}$/);
    // The poster as its venue's lasting link (the /media copy would expire after a day).
    expect(bot.textsTo(chat).some((t) => /\/c\/[2-9A-Z]{10}\/poster\.pdf$/.test(t))).toBe(true);
  });

  it("a citizen on Zalo OA asks a question without diacritics and rates the answer", async () => {
    const user = "7612345678901234567";
    // The first answer asks one thing after it: the one-time reminder offer. "khong" declines it.
    const [answer, offer] = await oaSay(user, "lam sao cai pc covid tren dien thoai", 2);
    expect(answer?.message.text).toMatch(/PC-Covid/);
    expect(FakeZaloOaApi.buttons(offer).map((b) => b.title)).toEqual(["Có, nhận nhắc nhở", "Không, cảm ơn"]);
    await oaSay(user, "khong", 2);
    // The next answer asks for a rating.
    const [, rate] = await oaSay(user, "ko nhan dc ma otp", 2);
    expect(FakeZaloOaApi.buttons(rate).map((b) => b.title)).toEqual(["👍 Có", "👎 Không"]);
    const [thanks] = await oaSay(user, "👍 Có");
    expect(thanks?.message.text).toMatch(/^Cảm ơn bạn!/);
    expect(await server.database.db.faqFeedback.count({ where: { helpful: true } })).toBe(1);
  });

  it("a venue owner on Zalo OA gets long lists as numbered text and short ones as buttons", async () => {
    const user = "7612345678901234999";
    await oaSay(user, "/venue", 2);
    const [categories] = await oaSay(user, "Nhà văn hóa thôn");
    // 15 categories are more than an OA message's 5 buttons: numbered text instead.
    expect(categories?.message.text).toContain("\n15. Khác\n");
    await oaSay(user, "15");
    const [mapped] = await oaSay(user, "thi tran chau o", 2);
    expect(mapped?.message.text).toMatch(/thuộc xã Bình Sơn từ 1\/7\/2025/);
    await oaSay(user, "Tổ dân phố 3");
    await oaSay(user, "Phan Văn Tâm");
    const [summary] = await oaSay(user, "+84 905 000 999");
    expect(FakeZaloOaApi.buttons(summary).map((b) => b.title)).toEqual([
      "✅ Xác nhận",
      "✏️ Sửa một mục",
      "◀ Quay lại",
      "✖ Hủy",
    ]);
    const [done] = await oaSay(user, "✅ Xác nhận", 2);
    expect(done?.message.text).toMatch(/^🎉 Đã đăng ký xong "Nhà văn hóa thôn"/);
    // The poster goes as a link that lasts as long as the venue, not the day-long /media copy.
    const venue = await server.database.db.venue.findFirst({ where: { name: "Nhà văn hóa thôn" } });
    await oa.waitFor(() => oa.textsTo(user).some((t) => t.includes("/poster.pdf")));
    const link =
      oa
        .textsTo(user)
        .find((t) => t.includes("/poster.pdf"))
        ?.split("\n")
        .at(-1) ?? "";
    expect(link).toBe(`https://helpdesk.example.test/c/${venue?.code}/poster.pdf`);
    const res = await fetch(`${server.url}${new URL(link).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await fetch(`${server.url}/c/ZZZZZZZZZZ/poster.pdf`)).status).toBe(404);
  });

  it("people subscribe on Zalo Bot and Zalo OA, and one broadcast reaches them with Telegram subscribers, once each", async () => {
    const botChat = "c0ffee00c0ffee00c0ff";
    const oaUser = "7612345678901230000";
    expect((await botSay(botChat, "/subscribe"))[0]).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    expect((await oaSay(oaUser, "/subscribe"))[0]?.message.text).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    const telegramChats = await seedSubscribers(server.database.db, 3, { firstChatId: 777_000 });

    const call = adminApi(server.url);
    const created = await call("/api/v1/broadcasts", {
      text: "Nhắc nhở: quét mã QR khi vào chợ.",
      audience: { all: true },
    });
    expect(created.status).toBe(201);
    const done = await waitForBroadcast(call, String(created.json.id), "done", 20_000);
    expect(done.counts).toMatchObject({ total: 5, sent: 5, failed: 0, blocked: 0, pending: 0 });

    // The officers' text, then the district's signature and how to stop, in the person's language.
    const reminder =
      "Nhắc nhở: quét mã QR khi vào chợ.\n\n— UBND tỉnh Quảng Ngãi. Gõ “dừng” để ngừng nhận tin.";
    expect(bot.textsTo(botChat).filter((t) => t === reminder)).toHaveLength(1);
    expect(oa.to(oaUser).filter((m) => m.message.text === reminder)).toHaveLength(1);
    for (const chat of telegramChats) expect(telegram.textsTo(chat)).toEqual([reminder]);
  });

  it("a visitor on Zalo checks in by sending what the QR page tells them, and the visit is tied to their chat", async () => {
    const venue = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quầy thuốc Bình Châu",
      communeCode: "21112",
    });
    const page = await (await fetch(`${server.url}/c/${venue.code}`)).text();
    expect(page).toContain(`Trên Zalo: nhắn /start c_${venue.code}`);
    const chat = "d00dd00dd00dd00dd00d";
    const [first] = await botSay(chat, `/start c_${venue.code}`);
    expect(first).toContain("Quầy thuốc Bình Châu");
    const visit = await server.database.db.visit.findFirst({ where: { venueId: venue.id } });
    const contact = await server.database.db.contact.findFirst({
      where: { channel: "zalo-bot", externalId: chat },
    });
    expect(visit?.contactId).toBe(contact?.id);
  });
});
