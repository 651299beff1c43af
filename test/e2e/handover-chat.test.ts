import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { TelegramOfficer, waitForText } from "../helpers/telegram-officer";
import { startTestServer, type TestServer, telegramEnv } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

const BINH_SON = "21040";
const VAN_TUONG = "21061";
// Long stories over HTTP on a shared 2-core machine: more than the default 30 s under load.
describe("a person asks for a person; an officer answers on Telegram", { timeout: 90_000 }, () => {
  const api = new FakeBotApi();
  let server: TestServer;
  let databaseUrl: string;
  let apiRoot: string;
  let lan: TelegramOfficer;
  let hoa: TelegramOfficer;
  let tuan: TelegramOfficer;

  // Always open, so what the person is told does not depend on when the test runs (outside hours:
  // test/features/handover-office-hours.test.ts).
  const env = () => ({
    ...telegramEnv(apiRoot),
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
  });
  const invite = async (communes: string[]) => {
    const res = await adminApi(server.url)("/api/v1/officers/invites", { role: "officer", communes });
    return String(res.json.code);
  };

  beforeAll(async () => {
    apiRoot = await api.start();
    server = await startTestServer(env());
    databaseUrl = server.databaseUrl;
    lan = new TelegramOfficer(() => server, api, 9101, "Lan Nguyễn");
    hoa = new TelegramOfficer(() => server, api, 9102, "Hoa Trần");
    tuan = new TelegramOfficer(() => server, api, 9103, "Tuấn Lê");
    await lan.say(`/officer ${await invite([BINH_SON])}`, 2);
    await hoa.say(`/officer ${await invite([BINH_SON])}`, 2);
    await tuan.say(`/officer ${await invite([VAN_TUONG])}`, 2);
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("asked in their own words, told who answers and when; the commune's officers are told, others are not", async () => {
    const citizen = new WebchatClient(server.url);
    const asked = await citizen.send("cho em hỏi người thật");
    expect(textsOf(asked).join("\n")).toMatch(/trao đổi với cán bộ/);
    expect(textsOf(asked).at(-1)).toMatch(/xã\/phường nào/);
    const picked = await citizen.send("binh son");
    expect(textsOf(picked).at(-1)).toMatch(/viết câu hỏi/);
    const opened = textsOf(await citizen.send("con em 5 tuoi tiem vac xin o dau a, sdt em 0905 123 456"));
    expect(opened.at(-1)).toMatch(/^Đã chuyển câu hỏi của bạn tới cán bộ xã Bình Sơn\./);
    expect(opened.at(-1)).toMatch(/Cán bộ trả lời trong giờ làm việc \(Thứ 2–CN: 00:00–24:00\)\./);

    const ticket = await server.database.db.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({
      communeCode: BINH_SON,
      status: "open",
      channel: "webchat",
      assigneeId: null,
    });
    expect(ticket.question).not.toContain("123 456");

    await api.waitFor(() => lan.messages().length > 2 && hoa.messages().length > 2);
    const notice = lan.messages().at(-1)?.body.text;
    expect(notice).toMatch(/Xã\/phường: Xã Bình Sơn/);
    expect(notice).not.toMatch(/0905/);
    expect(lan.payloadsOf(/cần cán bộ/)).toEqual([
      `handover:take:${ticket.id}`,
      `handover:answer:${ticket.id}`,
      `handover:pass:${ticket.id}`,
    ]);
    // The officer of another commune sees nothing, and cannot open it with a typed-in payload either.
    expect(tuan.messages().some((c) => /cần cán bộ/.test(String(c.body.text)))).toBe(false);
    expect((await tuan.tap(`handover:answer:${ticket.id}`)).at(-1)).toMatch(/Không tìm thấy/);

    // Lan takes it; Hoa sees it is taken and cannot answer without taking it over.
    expect((await lan.tap(`handover:take:${ticket.id}`)).at(-1)).toMatch(/Bạn đã nhận #/);
    expect((await hoa.tap(`handover:answer:${ticket.id}`)).at(-1)).toMatch(/đã được Cán bộ xã Bình Sơn nhận/);
    expect(hoa.payloadsOf(/đã được/)).toEqual([`handover:takeover:${ticket.id}`]);

    // A citizen who forges the officers' buttons is refused and nothing changes.
    const forger = new WebchatClient(server.url);
    expect(textsOf(await forger.send({ payload: `handover:takeover:${ticket.id}` }))[0]).toMatch(
      /chỉ dành cho cán bộ/,
    );
    expect(textsOf(await forger.send({ payload: `handover:done:${ticket.id}` }))[0]).toMatch(
      /không có câu hỏi nào/,
    );
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      assigneeId: ticket.assigneeId === null ? expect.any(String) : ticket.assigneeId,
      status: "open",
    });

    // Lan answers: an empty reply and a 10,000-character one are refused, nothing is sent.
    expect((await lan.tap(`handover:answer:${ticket.id}`)).at(-1)).toMatch(/Gõ câu trả lời/);
    expect((await lan.say("   ", 2)).join("\n")).toMatch(/đang trống/);
    expect((await lan.say("a".repeat(10_000), 2)).join("\n")).toMatch(/dài 10000 ký tự, tối đa 2000/);
    expect(await server.database.db.ticketMessage.count({ where: { author: "officer" } })).toBe(0);
    expect((await lan.say("Chào bạn, trạm y tế xã tiêm cho trẻ vào sáng thứ Năm hằng tuần.")).at(-1)).toMatch(
      /Đã gửi câu trả lời/,
    );

    const shown = await waitForText(citizen, /trả lời:/);
    const answer = shown.find((t) => /trả lời:/.test(t)) ?? "";
    expect(answer).toBe(
      "💬 Cán bộ xã Bình Sơn trả lời:\nChào bạn, trạm y tế xã tiêm cho trẻ vào sáng thứ Năm hằng tuần.",
    );
    expect(answer).not.toMatch(/Lan/);
    const answered = await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(answered.status).toBe("waiting");
    expect(answered.firstAnsweredAt).not.toBeNull();

    // The person writes back: told once that it was passed on, and the officer who took it reads it.
    expect(textsOf(await citizen.send("dạ em cảm ơn, vậy có cần mang sổ tiêm không ạ"))).toEqual([
      "Đã chuyển tin nhắn của bạn tới cán bộ. Bạn cứ viết tiếp nếu cần; gõ “xong” khi đã xong.",
    ]);
    await api.waitFor(() => lan.messages().some((c) => /viết thêm/.test(String(c.body.text))));
    // She holds it already: answer or pass it on, not take it.
    expect(lan.payloadsOf(/viết thêm/)).toEqual([
      `handover:answer:${ticket.id}`,
      `handover:pass:${ticket.id}`,
    ]);
    expect(hoa.messages().some((c) => /viết thêm/.test(String(c.body.text)))).toBe(false);

    // "xong rồi" ends it; a 👍 and a comment are kept.
    const closed = textsOf(await citizen.send("xong rồi ạ"));
    expect(closed).toEqual([
      "Đã kết thúc trao đổi với cán bộ.",
      "Câu trả lời của cán bộ có giúp được bạn không?",
    ]);
    expect(textsOf(await citizen.send("1")).at(-1)).toMatch(/góp ý/);
    expect(textsOf(await citizen.send("cán bộ trả lời nhanh, cảm ơn")).at(-1)).toBe(
      "Cảm ơn bạn đã cho biết ý kiến.",
    );
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "closed",
      closedBy: "citizen",
      rating: "up",
      ratingComment: "cán bộ trả lời nhanh, cảm ơn",
    });

    // A reply to the closed ticket is refused; the person can ask again.
    expect((await lan.tap(`handover:answer:${ticket.id}`)).at(-1)).toMatch(/đã kết thúc/);
    expect(textsOf(await citizen.send("gap can bo")).at(-1)).toMatch(/xã\/phường nào/);
    const actions = await server.database.db.auditLog.findMany({ where: { venueId: `ticket:${ticket.id}` } });
    expect(actions.map((a) => a.action).sort()).toEqual(["ticket.reply", "ticket.take"]);
    expect(actions.every((a) => a.actor.startsWith("Lan Nguyễn (officer:"))).toBe(true);
  });

  it("two questions the FAQ cannot answer in a row offer an officer, with both questions on the ticket", async () => {
    const citizen = new WebchatClient(server.url);
    await citizen.send("/subscribe");
    await citizen.send({ payload: `subs:commune:${VAN_TUONG}` });
    expect(textsOf(await citizen.send("bao gio thi sua duong thon tay")).join("\n")).not.toMatch(
      /hỏi cán bộ/,
    );
    const offered = await citizen.send("cầu cảng ở xã mình khi nào làm xong");
    expect(textsOf(offered).at(-1)).toMatch(/Bạn có muốn hỏi cán bộ không/);
    expect(buttonsOf(offered)).toEqual(["🙋 Hỏi cán bộ", "Không, cảm ơn"]);
    expect(textsOf(await citizen.send("co")).at(-1)).toMatch(
      /^Đã chuyển câu hỏi của bạn tới cán bộ xã Vạn Tường/,
    );
    const ticket = await server.database.db.ticket.findFirstOrThrow({ where: { communeCode: VAN_TUONG } });
    expect(ticket.question).toBe("cầu cảng ở xã mình khi nào làm xong");
    const lines = await server.database.db.ticketMessage.findMany({
      where: { ticketId: ticket.id },
      orderBy: { id: "asc" },
    });
    expect(lines.map((l) => [l.author, l.text])).toEqual([
      ["transcript", "bao gio thi sua duong thon tay"],
      ["citizen", "cầu cảng ở xã mình khi nào làm xong"],
    ]);
    await api.waitFor(() => tuan.messages().some((c) => /cầu cảng/.test(String(c.body.text))));
    expect(lan.messages().some((c) => /cầu cảng/.test(String(c.body.text)))).toBe(false);
  });

  it("a ticket survives a restart: the officer answers after it and the person still gets the answer", async () => {
    const citizen = new WebchatClient(server.url);
    await citizen.send("talk to someone");
    await citizen.send("Xã Bình Sơn");
    await citizen.send("Cho hỏi giấy xác nhận tiêm lấy ở đâu?");
    const ticket = await server.database.db.ticket.findFirstOrThrow({
      where: { question: { contains: "giấy xác nhận" } },
    });
    await server.stop();
    server = await startTestServer(env(), { databaseUrl });
    expect((await hoa.tap(`handover:answer:${ticket.id}`)).at(-1)).toMatch(/Gõ câu trả lời/);
    await hoa.tap("handover-reply:ready:0");
    const picked = await hoa.tap("handover-reply:faq:contact.hotline");
    expect(picked.at(-1)).toMatch(/Đã gửi câu trả lời/);
    // The same web chat identity (its cookie) on the restarted server's address.
    const again = new WebchatClient(server.url);
    again.sessionCookie = citizen.sessionCookie;
    const shown = await waitForText(again, /Cán bộ xã Bình Sơn trả lời:/);
    expect(shown.join("\n")).toMatch(/1900 9095/);
  });

  it("an officer who takes over tells the one who had it; passing on gives it back to the others", async () => {
    const citizen = new WebchatClient(server.url);
    await citizen.send("noi chuyen voi nguoi");
    await citizen.send({ payload: `handover-ask:commune:${BINH_SON}` });
    await citizen.send("Trẻ em dưới 12 tuổi có phải tiêm không?");
    const ticket = await server.database.db.ticket.findFirstOrThrow({
      where: { question: { contains: "dưới 12" } },
    });
    const short = ticket.id.slice(0, 6);
    await lan.tap(`handover:take:${ticket.id}`);
    await hoa.tap(`handover:takeover:${ticket.id}`);
    await api.waitFor(() =>
      lan.messages().some((c) => String(c.body.text) === `Cán bộ xã Bình Sơn đã nhận thay #${short}.`),
    );
    // The takeover's own confirmation may still be on its way: wait for the pass's answer by its words.
    await hoa.tap(`handover:pass:${ticket.id}`);
    await api.waitFor(() =>
      hoa.messages().some((c) => String(c.body.text) === `Đã chuyển #${short} cho các cán bộ khác.`),
    );
    await api.waitFor(() =>
      lan.messages().some((c) => String(c.body.text).startsWith(`🔁 Một cán bộ chuyển yêu cầu #${short}`)),
    );
    expect(
      (await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId,
    ).toBeNull();
    expect(
      await server.database.db.auditLog.count({
        where: { venueId: `ticket:${ticket.id}`, action: "ticket.pass" },
      }),
    ).toBe(1);
    await citizen.send("xong");
  });

  it("an unanswered ticket is reminded to its commune's officers, then to admins, once each", async () => {
    const admin = new TelegramOfficer(() => server, api, 9199, "Quản Trị");
    const res = await adminApi(server.url)("/api/v1/officers/invites", { role: "admin", communes: [] });
    await admin.say(`/officer ${String(res.json.code)}`, 2);
    const citizen = new WebchatClient(server.url);
    await citizen.send("gặp cán bộ");
    await citizen.send("Xã Vạn Tường");
    await citizen.send("Nhà văn hoá thôn có mở cửa tối nay không");
    const ticket = await server.database.db.ticket.findFirstOrThrow({
      where: { question: { contains: "Nhà văn hoá" } },
    });
    const reminders = (o: TelegramOfficer) =>
      o
        .messages()
        .filter((c) => String(c.body.text).startsWith(`⏰ Chưa ai trả lời #${ticket.id.slice(0, 6)}`)).length;
    // Monday 09:00 and 11:00 in Vietnam, well past the hour the ticket waited.
    const monday9 = new Date("2026-12-07T02:00:00Z");
    await server.tick(monday9);
    await api.waitFor(() => reminders(tuan) === 1);
    expect(reminders(admin)).toBe(0);
    await server.tick(monday9);
    await server.tick(new Date("2026-12-07T04:00:00Z"));
    await api.waitFor(() => reminders(admin) === 1);
    await server.tick(new Date("2026-12-07T04:30:00Z"));
    await new Promise((r) => setTimeout(r, 300));
    expect([reminders(tuan), reminders(admin)]).toEqual([1, 1]);
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      remindedOfficersAt: monday9,
    });
  });
});
