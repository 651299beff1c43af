import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerVenue } from "../helpers/checkin-form";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import {
  startTestServer,
  TEST_WEBHOOK_SECRET,
  TEST_ZALO_OA_APP_ID,
  TEST_ZALO_OA_APP_SECRET,
  type TestServer,
  telegramEnv,
  zaloOaEnv,
} from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";
import { sign, userText } from "../helpers/zalo-updates";

const TOKEN = "officer-api-token-0123456789abcdef";

/** Every row of every table that can hold something about a person, as text, to search for leftovers. */
async function everyRow(server: TestServer): Promise<Record<string, string[]>> {
  const db = server.database.db;
  const tables = {
    Contact: await db.contact.findMany(),
    DialogState: await db.dialogState.findMany(),
    Visit: await db.visit.findMany(),
    Subscription: await db.subscription.findMany(),
    FaqUnanswered: await db.faqUnanswered.findMany(),
    FaqFeedback: await db.faqFeedback.findMany(),
    Venue: await db.venue.findMany(),
    VenueNudge: await db.venueNudge.findMany(),
    AuditLog: await db.auditLog.findMany(),
    ExposureAlertRecipient: await db.exposureAlertRecipient.findMany(),
    InboxUpdate: await db.inboxUpdate.findMany(),
    OutboxMessage: await db.outboxMessage.findMany(),
    WebchatMessage: await db.webchatMessage.findMany(),
  };
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [name, rows.map((r) => JSON.stringify(r))]),
  );
}

/** Reads until the bot has gone quiet: under load a turn's last message may be sent after the POST returned. */
async function settle(chat: WebchatClient): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((r) => setTimeout(r, 150));
    quiet = (await chat.read()).length === 0 ? quiet + 1 : 0;
  }
}

const leftovers = (rows: Record<string, string[]>, needle: string) =>
  Object.fromEntries(
    Object.entries(rows)
      .map(([name, list]) => [name, list.filter((r) => r.includes(needle)).length] as const)
      .filter(([, n]) => n > 0),
  );

describe("a citizen erases their data on request", () => {
  const api = new FakeBotApi();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...telegramEnv(await api.start()), ADMIN_API_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("on the web chat: owner, visitor and subscriber types 'xoa du lieu cua toi', reads what goes and what stays, confirms with 'co'", async () => {
    const db = server.database.db;
    const chat = new WebchatClient(server.url);
    await chat.send("/subscribe");
    await settle(chat);
    const me = await db.contact.findFirstOrThrow({
      where: { channel: "webchat" },
      orderBy: { createdAt: "desc" },
    });
    // A venue they registered, and one other person's check-in there (which must survive).
    const created = await registerVenue(server.url, TOKEN, {
      name: "Quán cơm Bà Tư",
      category: "food-service",
      contactName: "Nguyễn Thị Tư",
    });
    const venue = await db.venue.update({ where: { id: created.id }, data: { ownerContactId: me.id } });
    await db.visit.create({
      data: {
        id: "other-visit",
        venueId: venue.id,
        phone: "+84912000111",
        source: "web",
        visitedAt: new Date(),
      },
    });
    let r = await chat.send(`/start c_${venue.code.toLowerCase()}`);
    expect(textsOf(r)[0]).toMatch(/^✅ Đã ghi nhận lượt vào Quán cơm Bà Tư/);
    await chat.send("ko");
    await chat.send("ko");
    await chat.send("ko");
    r = await chat.send("0905 888 777");
    expect(textsOf(r).join("\n")).toContain("Đã lưu số 0905 888 777");
    // The same number on the QR page earlier: a web check-in with a number they gave is theirs too.
    await db.visit.create({
      data: {
        id: "my-web-visit",
        venueId: venue.id,
        phone: "+84905888777",
        source: "web",
        visitedAt: new Date(),
      },
    });
    await chat.send("con mèo nhà tôi thích ăn gì nhất vậy trời");
    expect(await db.faqUnanswered.count({ where: { contactId: me.id } })).toBe(1);
    await db.faqFeedback.create({ data: { topic: "pc-covid.install", helpful: true, contactId: me.id } });

    r = await chat.send("/dulieucuatoi");
    const summary = textsOf(r).join("\n");
    expect(summary).toContain("• Lượt khai báo: 2 — tự xóa sau 21 ngày");
    expect(summary).toContain("• Đăng ký nhận nhắc nhở: 1");
    expect(summary).toContain("• Địa điểm bạn đăng ký: 1");
    expect(summary).toMatch(/Số điện thoại bạn đã khai \(che bớt\): (?!.*888 777)/);
    expect(summary).toContain("Chưa cán bộ nào xem khai báo của bạn.");

    r = await chat.send("Xoa du lieu cua toi");
    const ask = textsOf(r).join("\n");
    expect(ask).toContain("Trợ lý sẽ xóa những dữ liệu sau về bạn:");
    expect(ask).toContain("• Lượt khai báo (check-in): 2");
    expect(ask).toContain("• Đăng ký nhận nhắc nhở: 1");
    expect(ask).toContain("• Câu hỏi trợ lý chưa trả lời được: 1");
    expect(ask).toContain("• Đánh giá câu trả lời: 1");
    expect(ask).toContain("• Địa điểm bạn đăng ký (tên và số điện thoại liên hệ): 1");
    expect(ask).toContain("vẫn hoạt động để người khác quét mã khai báo");
    expect(buttonsOf(r)).toEqual(["🗑 Xóa dữ liệu của tôi", "Không xóa"]);

    r = await chat.send("co");
    const receipt = textsOf(r).join("\n");
    expect(receipt).toContain("Đã xóa dữ liệu của bạn:");
    expect(receipt).toContain("• Lượt khai báo (check-in): 2");
    expect(receipt).toContain("tự xóa sau 7 ngày");

    // What remains, table by table: nothing that names them.
    expect(await db.contact.count({ where: { id: me.id } })).toBe(0);
    expect(await db.visit.findMany({ select: { id: true } })).toEqual([{ id: "other-visit" }]);
    expect(await db.subscription.count({ where: { contactId: me.id } })).toBe(0);
    expect(await db.faqUnanswered.count({ where: { contactId: me.id } })).toBe(0);
    expect(await db.faqFeedback.count({ where: { contactId: me.id } })).toBe(0);
    expect(await db.venue.findUnique({ where: { id: venue.id } })).toMatchObject({
      code: venue.code,
      active: true,
      ownerContactId: null,
      contactName: "",
      contactPhone: "",
    });
    const rows = await everyRow(server);
    expect(leftovers(rows, "+84905888777")).toEqual({});
    expect(leftovers(rows, "905888777")).toEqual({});
    expect(leftovers(rows, "Nguyễn Thị Tư")).toEqual({});
    // The ids stay only where the receipt needs them: the confirming "co" and the receipt itself (its
    // outbox row names the contact it was queued for, a row that no longer exists).
    expect(leftovers(rows, me.id)).toEqual({ OutboxMessage: 1 });
    const withId = leftovers(rows, me.externalId);
    expect(withId.InboxUpdate).toBe(1);
    expect(withId.OutboxMessage).toBe(1);
    expect(
      Object.keys(withId).filter((t) => !["InboxUpdate", "OutboxMessage", "WebchatMessage"].includes(t)),
    ).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { action: "privacy.erase" } });
    expect(audit).toMatchObject([{ actor: "citizen", subject: "webchat", venueId: null, communeCode: null }]);
    expect(audit[0]?.resultCount).toBeGreaterThanOrEqual(7);

    // Writing again: a new person, nothing to find.
    r = await chat.send("/dulieucuatoi");
    expect(textsOf(r).join("\n")).not.toContain("Lượt khai báo");
  }, 90_000);

  it("'ko' to the question erases nothing", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/subscribe");
    await settle(chat);
    await chat.send("/xoadulieu");
    const r = await chat.send("ko");
    expect(textsOf(r)).toEqual(["Đã hủy. Trợ lý không xóa gì."]);
    expect(await server.database.db.subscription.count({ where: { active: true } })).toBeGreaterThan(0);
  });

  it("on Telegram: '/forgetme', then 'co' typed", async () => {
    const CHAT = 777_001;
    let updateId = 90_000;
    const from = { id: CHAT, is_bot: false, first_name: "Lan", language_code: "vi" };
    const send = async (text: string, answers = 1) => {
      const before = api.sent().length;
      const res = await fetch(`${server.url}/webhooks/telegram`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET,
        },
        body: JSON.stringify({
          update_id: updateId++,
          message: { message_id: updateId, date: 0, chat: { id: CHAT, type: "private" }, from, text },
        }),
      });
      expect(res.status).toBe(200);
      await api.waitFor(() => api.sent().length >= before + answers);
      return api
        .sent()
        .slice(before)
        .map((c) => String((c.body as { text?: string }).text ?? ""));
    };
    await send("/subscribe", 2);
    const db = server.database.db;
    const me = await db.contact.findFirstOrThrow({
      where: { channel: "telegram", externalId: String(CHAT) },
    });
    expect(await db.subscription.count({ where: { contactId: me.id } })).toBe(1);
    expect((await send("/forgetme")).join("\n")).toContain("Trợ lý sẽ xóa những dữ liệu sau về bạn:");
    expect((await send("co")).join("\n")).toContain("Đã xóa dữ liệu của bạn:");
    expect(await db.contact.count({ where: { channel: "telegram", externalId: String(CHAT) } })).toBe(0);
    expect(await db.subscription.count({ where: { contactId: me.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "privacy.erase", subject: "telegram" } })).toBe(1);
  });
});

describe("a Zalo OA follower who withdraws consent", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  beforeAll(async () => {
    const root = await api.start();
    server = await startTestServer(zaloOaEnv(root, api.issue()));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  const post = (body: object) => {
    const raw = JSON.stringify(body);
    const timestamp = String((body as { timestamp?: string }).timestamp ?? "");
    return fetch(`${server.url}/webhooks/zalo-oa`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zevent-signature": sign(raw, timestamp) },
      body: raw,
    });
  };

  it("is erased without a question and sent nothing (user_withdraw, signed as Zalo signs it)", async () => {
    const fixture = JSON.parse(readFileSync("test/fixtures/zalo/oa/user-withdraw.json", "utf8")) as {
      sender: { id: string };
      timestamp: string;
    };
    const user = fixture.sender.id;
    expect((await post(userText(user, "/nhantin"))).status).toBe(200);
    const db = server.database.db;
    await api.waitFor(() => api.to(user).length >= 2); // "subscribed", then the commune picker
    const me = await db.contact.findFirstOrThrow({ where: { channel: "zalo-oa", externalId: user } });
    expect(await db.subscription.count({ where: { contactId: me.id } })).toBe(1);
    const sentBefore = api.to(user).length;

    expect(
      (await post({ ...fixture, app_id: TEST_ZALO_OA_APP_ID, timestamp: String(Date.now()) })).status,
    ).toBe(200);
    for (let i = 0; i < 50 && (await db.contact.count({ where: { id: me.id } })) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await db.contact.count({ where: { channel: "zalo-oa", externalId: user } })).toBe(0);
    expect(await db.subscription.count({ where: { contactId: me.id } })).toBe(0);
    expect(await db.auditLog.findMany({ where: { action: "privacy.erase" } })).toMatchObject([
      { actor: "zalo-oa:withdraw", subject: "zalo-oa" },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.to(user).length).toBe(sentBefore);
  });
});
