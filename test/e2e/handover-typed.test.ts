import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { TelegramOfficer, waitForText } from "../helpers/telegram-officer";
import { startTestServer, type TestServer, telegramEnv } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

const BINH_SON = "21040";
const PASSED_ON = "Đã chuyển tin nhắn của bạn tới cán bộ. Bạn cứ viết tiếp nếu cần; gõ “xong” khi đã xong.";

/**
 * A citizen and an officer who type instead of tapping, the way strangers write: no diacritics, "ko", "u",
 * "tra loi". What each of them sees is the check, and what the ticket holds.
 */
describe("a ticket between people who type every answer", { timeout: 90_000 }, () => {
  const api = new FakeBotApi();
  let server: TestServer;
  let lan: TelegramOfficer;

  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await api.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
    });
    lan = new TelegramOfficer(() => server, api, 9301, "Lan Nguyễn");
    const res = await adminApi(server.url)("/api/v1/officers/invites", {
      role: "officer",
      communes: [BINH_SON],
    });
    await lan.say(`/officer ${String(res.json.code)}`, 2);
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  /** A ticket of Bình Sơn opened in typed words; returns the citizen's chat and the ticket's id. */
  const openTicket = async (question: string) => {
    const citizen = new WebchatClient(server.url);
    await citizen.send("gap can bo");
    await citizen.send("binh son");
    expect(textsOf(await citizen.send(question)).at(-1)).toMatch(/^Đã chuyển câu hỏi của bạn/);
    const ticket = await server.database.db.ticket.findFirstOrThrow({ where: { question } });
    return { citizen, id: ticket.id };
  };
  /** Lan answers by the buttons; the citizen's chat shows the answer. */
  const answer = async (citizen: WebchatClient, id: string, text: string) => {
    await lan.tap(`handover:answer:${id}`, /Gõ câu trả lời/);
    await lan.say(text, /Đã gửi câu trả lời/);
    await waitForText(citizen, /trả lời:/);
  };
  const citizenLines = async (id: string) =>
    (
      await server.database.db.ticketMessage.findMany({
        where: { ticketId: id, author: "citizen" },
        orderBy: { id: "asc" },
      })
    ).map((m) => m.text);

  it("each burst of messages is acknowledged once; a thank-you after an answer asks whether they are done", async () => {
    const { citizen, id } = await openTicket("cho hoi tre 5 tuoi tiem mui 2 o dau");
    // The first line after the question is acknowledged, the rest of the burst is kept quietly.
    expect(textsOf(await citizen.send("chau nang 18kg"))).toEqual([PASSED_ON]);
    expect(textsOf(await citizen.send("co bi di ung trung"))).toEqual([]);

    await answer(citizen, id, "Trạm y tế xã tiêm vào sáng thứ Năm.");
    // After an answer, the first line is acknowledged again.
    expect(textsOf(await citizen.send("vay co can mang so tiem k"))).toEqual([PASSED_ON]);
    await answer(citizen, id, "Có, bạn mang theo sổ tiêm.");

    // "ok cam on": passed on, and the person is asked rather than the ticket closed on a guess.
    const thanked = await citizen.send("ok cam on");
    expect(textsOf(thanked)).toEqual([
      "Đã chuyển lời của bạn tới cán bộ. Bạn đã hỏi xong chưa? Nếu xong, cuộc trao đổi với cán bộ sẽ kết thúc.",
    ]);
    expect(buttonsOf(thanked)).toEqual(["✅ Xong, kết thúc", "✏️ Chưa, tôi hỏi thêm"]);
    expect(textsOf(await citizen.send("chua"))).toEqual([
      "Bạn cứ viết tiếp ở đây, cán bộ sẽ đọc được. Gõ “xong” khi đã xong.",
    ]);
    expect((await server.database.db.ticket.findUniqueOrThrow({ where: { id } })).status).not.toBe("closed");

    await answer(citizen, id, "Bạn nhớ cho bé ăn sáng trước khi tiêm.");
    expect(textsOf(await citizen.send("cam on ad nhieu nha")).at(-1)).toMatch(/Bạn đã hỏi xong chưa/);
    expect(textsOf(await citizen.send("u"))).toEqual([
      "Đã kết thúc trao đổi với cán bộ.",
      "Câu trả lời của cán bộ có giúp được bạn không?",
    ]);
    expect(await citizenLines(id)).toEqual([
      "cho hoi tre 5 tuoi tiem mui 2 o dau",
      "chau nang 18kg",
      "co bi di ung trung",
      "vay co can mang so tiem k",
      "ok cam on",
      "cam on ad nhieu nha",
    ]);
    // The rating in words, and "nothing to add" is not kept as a comment.
    expect(textsOf(await citizen.send("co cam on nhieu")).at(-1)).toMatch(/góp ý/);
    expect(textsOf(await citizen.send("khong co gi"))).toEqual(["Cảm ơn bạn đã cho biết ý kiến."]);
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "closed",
      closedBy: "citizen",
      rating: "up",
      ratingComment: null,
    });
  });

  it("'het roi' after an answer closes at once", async () => {
    const { citizen, id } = await openTicket("giay xac nhan tiem lay o dau vay");
    await answer(citizen, id, "Bạn lấy ở trạm y tế xã.");
    expect(textsOf(await citizen.send("het roi a")).at(0)).toBe("Đã kết thúc trao đổi với cán bộ.");
    expect(textsOf(await citizen.send("te")).at(-1)).toMatch(/góp ý/);
    expect(textsOf(await citizen.send("ko"))).toEqual(["Cảm ơn bạn đã cho biết ý kiến."]);
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({
      rating: "down",
      ratingComment: null,
    });
  });

  it.each([
    { rating: "hai long", comment: "thoi", vote: "up", kept: null },
    { rating: "tốt lắm ạ", comment: "ko co y kien gi", vote: "up", kept: null },
    {
      rating: "khong hai long",
      comment: "can bo tra loi hoi cham",
      vote: "down",
      kept: "can bo tra loi hoi cham",
    },
  ])("rated $rating, then $comment", async ({ rating, comment, vote, kept }) => {
    const { citizen, id } = await openTicket(`lich tiem ngua thang nay the nao (${rating})`);
    await answer(citizen, id, "Lịch tiêm tháng này vào thứ Năm.");
    expect(textsOf(await citizen.send("xong roi")).at(-1)).toMatch(/có giúp được bạn không/);
    const asked = await citizen.send(rating);
    expect(textsOf(asked).at(-1)).toMatch(/góp ý/);
    expect(textsOf(await citizen.send(comment))).toEqual(["Cảm ơn bạn đã cho biết ý kiến."]);
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({
      rating: vote,
      ratingComment: kept,
    });
  });

  it("'co' to 'any comment?' waits for the comment itself", async () => {
    const { citizen, id } = await openTicket("xin hoi ve giay chung nhan tiem");
    await answer(citizen, id, "Bạn xem trên VNeID.");
    await citizen.send("ok xong");
    await citizen.send("👍");
    expect(textsOf(await citizen.send("co")).at(-1)).toMatch(/góp ý/);
    await citizen.send("nen ghi ro cach xem tren vneid");
    expect(await server.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({
      rating: "up",
      ratingComment: "nen ghi ro cach xem tren vneid",
    });
  });
  it("an officer on Telegram types the alert's buttons: '1', 'tra loi' reach the ticket of the last alert", async () => {
    const alerted = (id: string, pattern: RegExp) =>
      api.waitFor(() =>
        lan
          .messages()
          .some(
            (c) => String(c.body.text).includes(`#${id.slice(0, 6)}`) && pattern.test(String(c.body.text)),
          ),
      );
    const first = await openTicket("xin cho hoi so dien thoai tram y te");
    await alerted(first.id, /cần cán bộ/);
    // "1" is the alert's first button, "Nhận": pushed outside Lan's turn, it is still what she answers.
    expect(await lan.say("1", /Bạn đã nhận/)).toContainEqual(
      expect.stringMatching(`Bạn đã nhận #${first.id.slice(0, 6)}`),
    );

    // A newer alert is the last message she saw: "tra loi" answers that ticket, not the one she just took.
    const second = await openTicket("hom nay tram y te co lam viec khong");
    await alerted(second.id, /cần cán bộ/);
    expect(await lan.say("tra loi", /Gõ câu trả lời/)).toContainEqual(
      expect.stringMatching(`^Trả lời #${second.id.slice(0, 6)}`),
    );
    await lan.say("Hôm nay trạm làm việc đến 17 giờ.", /Đã gửi câu trả lời/);
    await waitForText(second.citizen, /trả lời:\nHôm nay trạm làm việc/);

    // The citizen of the first ticket writes more; the alert's "Trả lời", typed, answers it.
    await first.citizen.send("so cua tram xa binh son a");
    await alerted(first.id, /viết thêm/);
    expect(await lan.say("tra loi", /Gõ câu trả lời/)).toContainEqual(
      expect.stringMatching(`^Trả lời #${first.id.slice(0, 6)}`),
    );
    await lan.say("Bạn xem số trên bảng tin UBND xã.", /Đã gửi câu trả lời/);
    await waitForText(first.citizen, /Bạn xem số trên bảng tin/);
  });
});

describe("before any officer is invited", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00" });
  });
  afterAll(() => server.stop());

  it("two questions the FAQ cannot answer say where to ask, not 'Hỏi cán bộ' that nobody would read", async () => {
    const citizen = new WebchatClient(server.url);
    await citizen.send("bao gio sua duong thon tay");
    const second = await citizen.send("cau cang xa minh khi nao lam xong");
    expect(textsOf(second).join("\n")).toMatch(/chưa có cán bộ trực.*trạm y tế xã/s);
    expect(buttonsOf(second)).not.toContain("🙋 Hỏi cán bộ");
    // Typed as it would answer the offer, "co" opens nothing.
    await citizen.send("co");
    expect(await server.database.db.ticket.count()).toBe(0);
  });
});
