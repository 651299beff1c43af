import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("citizens ask questions", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: "faq-admin-token-0123456789abcdef" });
  });
  afterAll(() => server.stop());

  it("a question typed without diacritics gets the answer and a 👍/👎, and the vote is kept", async () => {
    const chat = new WebchatClient(server.url);
    // The first answer asks one question after it, the one-time reminder offer; a typed "co" answers it.
    const first = await chat.send("quen mat khau so suc khoe dien tu");
    expect(buttonsOf(first)).toEqual(["Có, nhận nhắc nhở", "Không, cảm ơn"]);
    await chat.send("co");
    const contact = await server.database.db.contact.findFirstOrThrow({ where: { channel: "webchat" } });
    expect(
      await server.database.db.subscription.findUnique({ where: { contactId: contact.id } }),
    ).toMatchObject({
      active: true,
    });
    // From then on each answer asks whether it helped.
    const r = await chat.send("ko nhan dc ma otp pc covid");
    expect(textsOf(r)[0]).toMatch(/OTP/);
    expect(buttonsOf(r)).toEqual(["👍 Có", "👎 Không"]);
    const thanks = await chat.send("👍 Có");
    expect(textsOf(thanks)[0]).toMatch(/^Cảm ơn bạn!/);
    expect(
      await server.database.db.faqFeedback.count({ where: { topic: "pccovid.otp", helpful: true } }),
    ).toBe(1);
  });

  it("someone who asked for reminders in words and later stopped them is not offered them again after an answer", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("toi muon nhan thong bao nhac nho");
    await chat.send("binh hai");
    await chat.send("khong nhan tin nua");
    await chat.send("co");
    const answer = await chat.send("tui bi mat dien thoai, lam sao lay lai tai khoan pc covid");
    expect(buttonsOf(answer)).not.toContain("Có, nhận nhắc nhở");
    expect(buttonsOf(answer)).toContain("👍 Có");
  });

  it("a person who types that the answer did not help, while the reminder offer is open, is heard as a 👎", async () => {
    const chat = new WebchatClient(server.url);
    const first = await chat.send("mat pass so sk dien tu thi lam sao");
    expect(buttonsOf(first)).toEqual(["Có, nhận nhắc nhở", "Không, cảm ơn"]);
    // Not a "no" to the reminders, and not a new question kept for officers: a vote on the answer.
    const r = await chat.send("ko giup dc gi het");
    expect(textsOf(r)[0]).toMatch(/^Cảm ơn bạn đã góp ý/);
    expect(
      await server.database.db.faqFeedback.count({ where: { topic: "sskdt.login", helpful: false } }),
    ).toBe(1);
    // What the person asked goes in front of officers; what they said about the answer does not.
    const kept = await server.database.db.faqUnanswered.findMany({ select: { text: true } });
    expect(kept.map((row) => row.text)).toContain("mat pass so sk dien tu thi lam sao");
    expect(kept.map((row) => row.text)).not.toContain("ko giup dc gi het");
  });

  it("browsing the topic menu leads to an answer; the venue topic offers to start registration", async () => {
    const chat = new WebchatClient(server.url);
    let r = await chat.send({ payload: "faq:menu" });
    expect(buttonsOf(r)).toContain("Mã QR địa điểm");
    r = await chat.send("Mã QR địa điểm");
    r = await chat.send({ payload: "faq:topic:venue.register-qr" });
    expect(buttonsOf(r)).toContain("📍 Đăng ký mã QR ngay");
    r = await chat.send("📍 Đăng ký mã QR ngay");
    expect(textsOf(r).at(-1)).toMatch(/^Bước 1\/6/);
  });

  it("something unrelated gets the polite fallback and is stored for officers without the phone number", async () => {
    const chat = new WebchatClient(server.url);
    const r = await chat.send("cho mình hỏi giá vàng hôm nay, gọi mình 0905 123 456 nhé");
    // A subject the bot knows is not its own: it says so, and where to ask instead.
    expect(textsOf(r)[0]).toMatch(/^Câu hỏi này nằm ngoài phạm vi của trợ lý/);
    expect(textsOf(r)[0]).toContain("hỏi trực tiếp cửa hàng, người bán");
    const stored = await server.database.db.faqUnanswered.findMany({
      where: { text: { contains: "giá vàng" } },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.text).not.toContain("0905 123 456");
    expect(stored[0]?.text).toContain("***56");
  });

  it("a near-domain question on the web chat is told where to ask, and a late 'có' or 'binh hai' is not a question", async () => {
    const chat = new WebchatClient(server.url);
    const fare = textsOf(await chat.send("gia ve xe khach di sai gon bao nhieu"));
    expect(fare[0]).toContain("hỏi nhà xe hoặc bến xe");
    const before = await server.database.db.faqUnanswered.count();
    for (const text of ["có", "binh hai", "2", "quay lại", "chào ad"]) await chat.send(text);
    expect(await server.database.db.faqUnanswered.count()).toBe(before);
  });

  it("officers list unanswered questions with counts, the same question typed two ways counted once", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("Lịch cắt điện tuần này?");
    await chat.send("lich cat dien tuan nay");
    const url = `${server.url}/api/v1/faq/unanswered`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: "Bearer faq-admin-token-0123456789abcdef" } });
    const { items } = (await res.json()) as { items: { text: string; count: number }[] };
    expect(items.find((i) => i.count === 2)?.text).toMatch(/c[aắ]t đ?d?i[eệ]n/i);
  });
});
