import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

const TOKEN = "officer-api-token-0123456789abcdef";

describe("a visitor checks in by chat through the venue's deep link", () => {
  let server: TestServer;
  let venue: { id: string; code: string };
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: TOKEN });
    venue = await registerVenue(server.url, TOKEN);
  });
  afterAll(() => server.stop());

  it("records the visit with the chat identity at once, asks three questions with buttons, advises on a 'yes'", async () => {
    const chat = new WebchatClient(server.url);
    let r = await chat.send(`/start c_${venue.code.toLowerCase()}`);
    expect(textsOf(r)[0]).toMatch(
      /^✅ Đã ghi nhận lượt vào Chợ Châu Ổ của bạn lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\.$/,
    );
    expect(textsOf(r)[1]).toBe("Câu 1/3: Bạn có đang bị sốt, ho hoặc khó thở không?");
    expect(buttonsOf(r)).toEqual(["Có", "Không"]);

    // Recorded before any answer: leaving now still leaves a visit an alert can reach.
    const [visit] = await server.database.db.visit.findMany({ where: { venueId: venue.id } });
    expect(visit).toMatchObject({ source: "webchat", phone: null, flagged: false, symptoms: null });
    const contact = await server.database.db.contact.findUnique({ where: { id: visit?.contactId ?? "" } });
    expect(contact?.channel).toBe("webchat");

    // Not an answer to the question ("ok" or "ko" would be: typed yes and no are read).
    r = await chat.send("hôm nay trời đẹp");
    expect(textsOf(r)[0]).toBe('Bạn vui lòng bấm "Có" hoặc "Không".');
    r = await chat.send({ payload: "checkin:no" });
    expect(textsOf(r)[0]).toMatch(/^Câu 2\/3/);
    r = await chat.send("có"); // typed label, read as the button
    expect(textsOf(r)[0]).toMatch(/^Câu 3\/3: Trong 14 ngày qua, bạn có đi về từ địa phương đang có dịch/);
    r = await chat.send("2");
    expect(textsOf(r)[0]).toContain("trạm y tế xã");
    expect(textsOf(r)[0]).toContain("không tự động báo cho trạm y tế");
    expect(textsOf(r)[0]).toContain("1900 9095");
    expect(textsOf(r)[1]).toMatch(/để lại số điện thoại/);
    expect(buttonsOf(r)).toEqual(["Bỏ qua"]);

    r = await chat.send("12345");
    expect(textsOf(r)[0]).toMatch(/độ dài/);
    r = await chat.send("0905 888 777");
    expect(textsOf(r)[0]).toContain("Đã lưu số 0905 888 777");

    expect(await server.database.db.visit.findUnique({ where: { id: visit?.id ?? "" } })).toMatchObject({
      phone: "+84905888777",
      symptoms: false,
      closeContact: true,
      travel: false,
      flagged: true,
    });

    // Scanning again within 30 minutes is the same visit.
    r = await chat.send(`/start c_${venue.code}`);
    expect(textsOf(r)[0]).toMatch(/rồi \(quét lại trong 30 phút/);
    r = await chat.send({ payload: "checkin:skip" });
    expect(await server.database.db.visit.count({ where: { venueId: venue.id } })).toBe(1);
  });

  it("a visitor who types instead of tapping is never held at the optional steps", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send(`/start c_${venue.code}`);
    for (const answer of ["ko", "khong", "k co"]) await chat.send(answer);
    // A question typed where the phone is asked: the visit is kept without one and the question answered.
    let r = await chat.send("tiem mui 3 o dau");
    expect(textsOf(r)[0]).toBe("Đã lưu lượt vào của bạn, không kèm số điện thoại.");
    expect(textsOf(r).join("\n")).not.toMatch(/Số điện thoại chỉ gồm chữ số/);
    expect(textsOf(r).length).toBeGreaterThan(1);
    r = await chat.send("tiem mui 3 o dau");
    expect(textsOf(r).join("\n")).not.toMatch(/điện thoại/);

    // A question typed at a health question is named as one (not only "tap Yes or No"), with the way out.
    const asking = new WebchatClient(server.url);
    await asking.send(`/start c_${venue.code}`);
    r = await asking.send("sốt nhẹ thì có sao không");
    expect(textsOf(r)[0]).toMatch(/^Câu này có vẻ là một câu hỏi/);
    expect(textsOf(r)[0]).toContain('gõ "thôi"');
    expect(textsOf(r)[1]).toMatch(/^Câu 1\/3/);
    r = await asking.send("hôm nay trời đẹp");
    expect(textsOf(r)[0]).toBe('Bạn vui lòng bấm "Có" hoặc "Không".');
    r = await asking.send("ko");
    expect(textsOf(r)[0]).toMatch(/^Câu 2\/3/);

    // "thôi" at a health question leaves the questions, keeps the visit, and says so (nothing is "discarded").
    const other = new WebchatClient(server.url);
    await other.send(`/start c_${venue.code}`);
    r = await other.send("thôi");
    expect(textsOf(r)[0]).toMatch(/^Đã lưu lượt vào của bạn; các câu hỏi sức khỏe còn lại được bỏ qua/);
    expect(textsOf(r).join("\n")).not.toMatch(/không được lưu/);

    // "không" to "do you want to leave your phone number?" is the Skip button.
    const third = new WebchatClient(server.url);
    await third.send(`/start c_${venue.code}`);
    for (const answer of ["không", "không", "không"]) await third.send(answer);
    r = await third.send("không");
    expect(textsOf(r)[0]).toMatch(/^Cảm ơn bạn!/);
    const visits = await server.database.db.visit.findMany({ where: { venueId: venue.id, phone: null } });
    expect(visits.length).toBeGreaterThanOrEqual(3);
  });

  it("a scan in the middle of a venue registration does not lose the registration", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/start");
    await chat.send({ payload: "venues:start" });
    await chat.send("Tiệm May Hồng Nhung");
    await chat.send(`/start c_${venue.code}`);
    for (const payload of ["checkin:no", "checkin:no", "checkin:no", "checkin:skip"])
      await chat.send({ payload });
    const r = await chat.send({ payload: "venues:start" });
    expect(textsOf(r)[0]).toMatch(/^Bạn đang đăng ký dở địa điểm "Tiệm May Hồng Nhung"/);
  });

  it("questions left unanswered for over 30 minutes no longer hold the chat", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send(`/start c_${venue.code}`);
    const visit = await server.database.db.visit.findFirstOrThrow({ orderBy: { visitedAt: "desc" } });
    await server.database.db.dialogState.update({
      where: { contactId: visit.contactId ?? "" },
      data: { updatedAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    const r = await chat.send("xin chào");
    expect(textsOf(r)[0]).not.toMatch(/Có" hoặc "Không/);
    expect(
      await server.database.db.dialogState.findUnique({ where: { contactId: visit.contactId ?? "" } }),
    ).toBeNull();
  });

  it("an unknown or paused code is explained, and nothing is recorded", async () => {
    const chat = new WebchatClient(server.url);
    const r = await chat.send("/start c_ZZZZZZZZ");
    expect(textsOf(r)[0]).toBe(
      "Mã địa điểm này không tồn tại hoặc đã ngừng hoạt động. Bạn vui lòng kiểm tra lại mã QR.",
    );
    const paused = await registerVenue(server.url, TOKEN, { name: "Quán Cơm Bà Ba" });
    await server.database.db.venue.update({ where: { id: paused.id }, data: { active: false } });
    await chat.send(`/start c_${paused.code}`);
    expect(await server.database.db.visit.count({ where: { venueId: paused.id } })).toBe(0);
  });

  it("the venue owner sees check-ins per day for the last 7 days in My venues", async () => {
    const owner = new WebchatClient(server.url);
    await owner.send("/start");
    const contact = await server.database.db.contact.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const mine = await registerVenue(server.url, TOKEN, { name: "Tiệm Sách Bình Minh" });
    await server.database.db.venue.update({ where: { id: mine.id }, data: { ownerContactId: contact.id } });
    const day = 24 * 3600 * 1000;
    const at = (ms: number) => new Date(Date.now() - ms);
    await server.database.db.visit.createMany({
      data: [at(0), at(1000), at(2 * day), at(9 * day)].map((visitedAt, i) => ({
        id: `owner-visit-${i}`,
        venueId: mine.id,
        source: "web",
        phone: `+8490500000${i}`,
        visitedAt,
      })),
    });
    const r = await owner.send({ payload: `venues:show:${mine.id}` });
    const details = textsOf(r)[0] ?? "";
    expect(details).toContain("Lượt khai báo 7 ngày qua: 3");
    const lines = details.split("\n").slice(-7);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^\d\d\/\d\d: 2$/);
    expect(lines[2]).toMatch(/^\d\d\/\d\d: 1$/);
    // Counts only: the owner never sees visitors' numbers.
    expect(details).not.toContain("90500000");
  });
  it("a visitor whose camera will not read the poster types the code under it, or pastes the link", async () => {
    const grouped = `${venue.code.slice(0, 4)}-${venue.code.slice(4, 8)} ${venue.code.slice(8)}`;
    for (const text of [
      `checkin ${venue.code.toLowerCase()}`,
      `ma dia diem ${grouped}`,
      `${server.url}/c/${venue.code}`,
    ]) {
      const chat = new WebchatClient(server.url);
      const r = await chat.send(text);
      expect(textsOf(r)[0], text).toMatch(/^✅ Đã ghi nhận lượt vào Chợ Châu Ổ/);
      expect(textsOf(r)[1], text).toMatch(/^Câu 1\/3/);
    }
    // A venue registered before every code held a digit: its letters-only code typed in lower case.
    const older = await registerVenue(server.url, TOKEN, { name: "Quán Cơm Ba Tơ" });
    await server.database.db.venue.update({ where: { id: older.id }, data: { code: "ADVPBZMWGE" } });
    const typed = await new WebchatClient(server.url).send("checkin advpbzmwge");
    expect(textsOf(typed)[0]).toMatch(/^✅ Đã ghi nhận lượt vào Quán Cơm Ba Tơ/);
    // A code of no venue is not a check-in: the message is read as anything else would be.
    const chat = new WebchatClient(server.url);
    const before = await server.database.db.visit.count();
    const r = await chat.send("checkin X4VN9DXUXB");
    expect(textsOf(r).join("\n")).not.toMatch(/Đã ghi nhận lượt vào/);
    expect(await server.database.db.visit.count()).toBe(before);
  });
});
