import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { invitedOfficerChat } from "../helpers/officer-chat";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("an officer traces a venue from the chat", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(() => server.stop());

  const officer = (communes: string[] = []) => invitedOfficerChat(server.url, communes);

  it("sees who was there, alerts the chat visitors, and gets the phone-only visitors to call; all audited", async () => {
    const venue = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Chợ Bình Long",
      communeCode: "21088",
    });
    // One visitor by chat (deep link), one by the QR page with a phone number only.
    const visitor = new WebchatClient(server.url);
    await visitor.send(`/start c_${venue.code}`);
    await new CheckinBrowser(server.url).checkIn(venue.code, { phone: "0905 333 444", name: "Cô Ba" });

    const stranger = new WebchatClient(server.url);
    expect(textsOf(await stranger.send(`/trace ${venue.code}`))[0]).toMatch(
      /^Xin lỗi, chức năng này chỉ dành cho cán bộ/,
    );

    const lan = await officer();
    expect(textsOf(await lan.send("/trace"))[0]).toMatch(/^Cách dùng: \/trace/);
    const list = await lan.send(`/trace ${venue.code.toLowerCase()} 2`);
    expect(textsOf(list)[0]).toMatch(/^Lượt khai báo tại "Chợ Bình Long" trong 2 giờ qua: 2/);
    expect(textsOf(list)[0]).toContain("0905 333 444 Cô Ba");
    expect(buttonsOf(list)).toEqual(["📣 Gửi cảnh báo", "Không gửi"]);

    const alerted = await lan.send("📣 Gửi cảnh báo");
    expect(textsOf(alerted)[0]).toBe("Đang gửi cảnh báo tới 1 người qua tin nhắn. Chưa liên lạc được: 0.");
    expect(textsOf(alerted)[1]).toMatch(/^1 người chỉ để lại số điện thoại[\s\S]*0905 333 444 – Cô Ba/);
    const audit = await server.database.db.auditLog.findMany({
      where: { actor: { startsWith: "officer:" } },
    });
    // The reads of visit data, and each officer command that led to them (the guard audits every one).
    expect(audit.map((a) => a.action).sort()).toEqual([
      "alert.venue",
      "chat.trace",
      "chat.trace",
      "chat.trace-alert",
      "visits.venue",
    ]);
  });

  it("an officer of another commune cannot trace the venue", async () => {
    const venue = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Trạm y tế Bình Châu",
      communeCode: "21112",
    });
    const scoped = await officer(["21040"]);
    expect(textsOf(await scoped.send(`/trace ${venue.code}`))[0]).toBe(
      `Không tìm thấy địa điểm ${venue.code} trong phạm vi bạn được phân quyền.`,
    );
  });

  it("traces by a venue name typed as people type it: several matches are offered as buttons, a typed part picks one", async () => {
    const quay = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quán cà phê Hoa Sữa",
      communeCode: "21040",
      address: "5 Trần Hưng Đạo",
    });
    await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quán cà phê Hoa Sữa",
      communeCode: "21040",
      address: "88 Lê Lợi",
    });
    // The same name in another commune is never offered to an officer of this one.
    await registerVenue(server.url, ADMIN_TOKEN, { name: "Quán cà phê Hoa Sữa", communeCode: "21061" });
    await new CheckinBrowser(server.url).checkIn(quay.code, { phone: "0906 123 789", name: "Anh Tư" });

    const lan = await officer(["21040"]);
    const offered = await lan.send("/truyvet quan ca phe hoa sua 48");
    expect(textsOf(offered)[0]).toBe(
      'Có 2 địa điểm khớp với "quan ca phe hoa sua". Bạn muốn truy vết địa điểm nào?',
    );
    expect(buttonsOf(offered)).toEqual([
      "Quán cà phê Hoa Sữa – 5 Trần Hưng Đạo",
      "Quán cà phê Hoa Sữa – 88 Lê Lợi",
      "✖ Hủy",
    ]);
    // A part of the address typed without accents picks that one.
    const list = await lan.send("tran hung dao");
    expect(textsOf(list)[0]).toMatch(/^Lượt khai báo tại "Quán cà phê Hoa Sữa" trong 48 giờ qua: 1/);
    expect(textsOf(list)[0]).toContain("0906 123 789 Anh Tư");
    expect(buttonsOf(list)).toEqual(["📣 Gửi cảnh báo", "Không gửi"]);
    expect(textsOf(await lan.send("ko"))[0]).toBe("Đã không gửi cảnh báo.");

    // One match is traced at once.
    const one = await lan.send("/trace hoa sua le loi");
    expect(textsOf(one)[0]).toBe('Không có lượt khai báo nào tại "Quán cà phê Hoa Sữa" trong 24 giờ qua.');
  });

  it("a name with no venue in the officer's communes gets nothing about the others, and is asked again", async () => {
    await registerVenue(server.url, ADMIN_TOKEN, { name: "Nhà hàng Biển Mỹ Khê", communeCode: "21040" });
    const other = await officer(["21061"]);
    const readsBefore = await server.database.db.auditLog.count({ where: { action: "visits.venue" } });
    const none = await other.send("/trace nha hang bien my khe");
    expect(textsOf(none)).toEqual([
      'Không có địa điểm nào có tên hoặc địa chỉ "nha hang bien my khe" trong phạm vi bạn được phân quyền.',
      "Vui lòng gõ tên hoặc mã địa điểm (mã in trên áp phích), hoặc bấm Hủy.",
    ]);
    // Asked again, another name is looked up afresh — still only in the officer's communes.
    const again = await other.send("my khe");
    expect(textsOf(again)[0]).toBe(
      'Không có địa điểm nào có tên hoặc địa chỉ "my khe" trong phạm vi bạn được phân quyền.',
    );
    expect(textsOf(await other.send("huy")).join(" ")).not.toContain("Mỹ Khê");
    // Nothing was read: no visit list of any venue was opened for this officer.
    expect(await server.database.db.auditLog.count({ where: { action: "visits.venue" } })).toBe(readsBefore);
  });
});
