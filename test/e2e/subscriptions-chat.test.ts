import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("citizens and reminders", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const subscription = async () =>
    server.database.db.subscription.findFirst({ orderBy: { updatedAt: "desc" } });

  it("a resident subscribes, picks their commune, and 'dừng' stops the reminders", async () => {
    const chat = new WebchatClient(server.url);
    const r = await chat.send("/subscribe");
    expect(textsOf(r)[0]).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    expect(buttonsOf(r)).toContain("Tất cả các xã (không chọn xã)");
    // Since 1/7/2025 the picker offers the five xã in force; Thị trấn Châu Ổ is now part of Xã Bình Sơn.
    expect(buttonsOf(r)).not.toContain("Thị trấn Châu Ổ");
    const picked = await chat.send("Xã Bình Sơn");
    expect(textsOf(picked)[0]).toBe(
      "Đã lưu: bạn sẽ nhận tin của Xã Bình Sơn và tin chung gửi mọi người đăng ký.",
    );
    expect(await subscription()).toMatchObject({ active: true, communeCode: "21040" });

    expect(textsOf(await chat.send("dừng"))[0]).toMatch(/^Đã dừng gửi nhắc nhở/);
    expect(await subscription()).toMatchObject({ active: false, communeCode: "21040" });
  });

  it("a resident who names a commune in the request is subscribed to it, a former name mapped, and types 'chon xa' to change it", async () => {
    const chat = new WebchatClient(server.url);
    const r = textsOf(await chat.send("toi muon nhan tin cua xa binh son"));
    expect(r[0]).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    expect(r.join("\n")).toContain("bạn sẽ nhận tin của Xã Bình Sơn");
    expect(await subscription()).toMatchObject({ active: true, communeCode: "21040" });
    // A commune of 2021, typed in the request: mapped to the xã it is part of now, and the reply says so.
    const former = textsOf(await chat.send("dang ky nhan thong bao xa binh hai")).join("\n");
    expect(former).toMatch(/Bình Hải/);
    expect(former).toContain("bạn sẽ nhận tin của Xã Vạn Tường");
    // The settings card's "📍 Chọn xã" typed as words.
    await chat.send("/nhacnho");
    expect(buttonsOf(await chat.send("chon xa"))).toContain("Tất cả các xã (không chọn xã)");
    // In English, in words.
    const english = new WebchatClient(server.url);
    await english.send("english");
    expect(textsOf(await english.send("yes please send reminders"))[0]).toMatch(/^You are subscribed/);
  });

  it("a resident who types 'nhan tin nhac nho' is subscribed, and one who types only a commune's name is asked first", async () => {
    const asked = new WebchatClient(server.url);
    const r = await asked.send("nhan tin nhac nho");
    expect(textsOf(r)[0]).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    expect(buttonsOf(r)).toContain("Tất cả các xã (không chọn xã)");

    // No picker on screen: a former commune's name, mapped to today's xã, and an offer rather than an act.
    const chat = new WebchatClient(server.url);
    await chat.send("xin chao");
    const offer = textsOf(await chat.send("binh hai")).join("\n");
    expect(offer).toMatch(/Bình Hải/);
    expect(offer).toContain("Bạn có muốn nhận nhắc nhở và thông báo phòng, chống dịch của Xã Vạn Tường");
    const yes = textsOf(await chat.send("có")).join("\n");
    expect(yes).toMatch(/^Đã đăng ký nhận nhắc nhở/);
    expect(yes).toContain("bạn sẽ nhận tin của Xã Vạn Tường");
    expect(await subscription()).toMatchObject({ active: true });
    // The same name again: the settings, not the offer a second time.
    expect(textsOf(await chat.send("Bình Hải"))[0]).toMatch(/^🔔 Bạn đang nhận nhắc nhở\.\nXã: Xã Vạn Tường/);
  });

  it("typing 'hủy' inside venue registration leaves the registration, and reminders stay on", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/subscribe");
    await chat.send("/venue");
    const r = await chat.send("Hủy");
    expect(textsOf(r)[0]).toMatch(/^Đã hủy/);
    expect(await subscription()).toMatchObject({ active: true });
  });

  it("reminders are offered once after the first FAQ answer, not again", async () => {
    const chat = new WebchatClient(server.url);
    const first = await chat.send("ko nhan dc ma otp pc covid");
    expect(textsOf(first).some((t) => t.startsWith("Bạn có muốn nhận nhắc nhở"))).toBe(true);
    const second = await chat.send("cách cài pc covid");
    expect(textsOf(second).some((t) => t.startsWith("Bạn có muốn nhận nhắc nhở"))).toBe(false);
  });

  it("a resident who subscribed before asking is not offered reminders", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/subscribe");
    const answer = await chat.send("ko nhan dc ma otp pc covid");
    expect(textsOf(answer).join("\n")).toMatch(/OTP/);
    expect(textsOf(answer).some((t) => t.startsWith("Bạn có muốn nhận nhắc nhở"))).toBe(false);
  });

  it("an owner who left registration halfway gets one reminder after 24 hours, and only one", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    await chat.send("Quán cơm Bà Tư");
    const now = Date.now();
    await server.tick(new Date(now + 23 * 3_600_000));
    await server.tick(new Date(now + 25 * 3_600_000));
    const seen: string[] = [];
    for (let i = 0; i < 50 && !seen.some((t) => t.includes("đăng ký dở")); i++) {
      seen.push(...textsOf(await chat.read()));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.filter((t) => t.includes("đăng ký dở"))).toEqual([
      'Bạn đang đăng ký dở địa điểm "Quán cơm Bà Tư". Bạn có muốn hoàn tất để nhận mã QR không? Thông tin đã nhập vẫn được giữ.',
    ]);
    const recorded = await server.database.db.venueNudge.count();
    await server.tick(new Date(now + 50 * 3_600_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(textsOf(await chat.read()).filter((t) => t.includes("đăng ký dở"))).toEqual([]);
    expect(await server.database.db.venueNudge.count()).toBe(recorded);
    // The reminder's buttons answer by number too: "1" continues where the owner stopped.
    expect(textsOf(await chat.send("1")).join("\n")).toMatch(/Bước 2\/6/);
  });
});
