import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";

const TOKEN = "officer-api-token-0123456789abcdef";

describe("a visitor checks in on a venue's QR page", () => {
  let server: TestServer;
  let venue: { id: string; code: string };
  beforeAll(async () => {
    server = await startTestServer({
      ADMIN_API_TOKEN: TOKEN,
      TELEGRAM_BOT_USERNAME: "BinhSonCovidBot",
      CHECKIN_POSTS_PER_MINUTE: "1000",
    });
    venue = await registerVenue(server.url, TOKEN);
  });
  afterAll(() => server.stop());

  const visits = () => server.database.db.visit.findMany({ where: { venueId: venue.id } });

  it("sees the venue, a short form and chat links, in Vietnamese, under 20 KB, with no external asset", async () => {
    const page = await new CheckinBrowser(server.url).open(venue.code.toLowerCase());
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="vi">');
    expect(page.html).toContain("Chợ Châu Ổ");
    // Registered in 2026 with code 21040: since 1/7/2025 that code is Xã Bình Sơn (it was Thị trấn Châu Ổ).
    expect(page.html).toContain("12 Phạm Văn Đồng, Xã Bình Sơn");
    expect(page.html).toContain("Bạn có đang bị sốt, ho hoặc khó thở không?");
    expect(page.html).toContain(`href="https://t.me/BinhSonCovidBot?start=c_${venue.code}"`);
    expect(page.html).toContain(`href="/?start=c_${venue.code}"`);
    expect(page.html).toContain("tự động xóa sau 21 ngày");
    expect(Buffer.byteLength(page.html)).toBeLessThan(20_000);
    expect(page.html).not.toMatch(/<script|<link|src=|https?:\/\/(?!t\.me)/);
    expect(page.csrf).toMatch(/^\d+\.[\w-]{43}$/);

    const english = await new CheckinBrowser(server.url).open(venue.code, "?lang=en");
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain("Do you have a fever, a cough or difficulty breathing?");
    expect(english.html).toContain(`action="/c/${venue.code}?lang=en"`);
  });

  it("submits the plain form and sees a confirmation with the Vietnam time; the visit is stored", async () => {
    const before = Date.now();
    const res = await new CheckinBrowser(server.url).checkIn(venue.code, {
      phone: "0905 123 456",
      name: "Trần Văn Minh",
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain("Đã khai báo");
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(before);
    expect(res.html).toMatch(
      new RegExp(`Đã ghi nhận khai báo vào Chợ Châu Ổ lúc ${time.slice(0, 2)}:\\d\\d \\d\\d/\\d\\d/\\d{4}`),
    );
    expect(res.html).not.toContain("1900 9095</a>");
    const stored = (await visits()).find((v) => v.phone === "+84905123456");
    expect(stored).toMatchObject({
      name: "Trần Văn Minh",
      source: "web",
      contactId: null,
      symptoms: false,
      closeContact: false,
      travel: false,
      flagged: false,
    });
  });

  it("bad input re-renders the form with a specific message and keeps what was typed", async () => {
    const browser = new CheckinBrowser(server.url);
    const { csrf } = await browser.open(venue.code);
    const count = (await visits()).length;
    const res = await browser.submit(venue.code, {
      csrf,
      phone: "0168 123 4567",
      name: "Lê <b>Hoa</b>",
      symptoms: "no",
      travel: "yes",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain("số thuê bao 11 số cũ");
    expect(res.html).toContain(
      "Bạn chưa trả lời câu: Trong 14 ngày qua, bạn có tiếp xúc gần với người mắc Covid-19 (F0) không?",
    );
    expect(res.html).toContain('value="0168 123 4567"');
    expect(res.html).toContain('value="Lê &lt;b&gt;Hoa&lt;/b&gt;"');
    expect(res.html).toContain('name="symptoms" value="no" required checked');
    expect(res.html).toContain('name="travel" value="yes" required checked');
    expect((await visits()).length).toBe(count);

    // The re-rendered form works: fixing the number is enough.
    const csrf2 = /name="csrf" value="([^"]+)"/.exec(res.html)?.[1] ?? "";
    const fixed = await browser.submit(venue.code, {
      csrf: csrf2,
      phone: "038 123 4567",
      symptoms: "no",
      closeContact: "no",
      travel: "no",
    });
    expect(fixed.status).toBe(200);
  });

  it("a 'yes' shows the official advice with the hotline and flags the visit for officers", async () => {
    const res = await new CheckinBrowser(server.url).checkIn(venue.code, {
      phone: "0912000111",
      closeContact: "yes",
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain("trạm y tế xã");
    // Nothing is sent to the health station on a "yes": the page must not pretend otherwise.
    expect(res.html).toContain("không tự động báo cho trạm y tế");
    expect(res.html).not.toContain("đã được chuyển");
    expect(res.html).toContain('<a href="tel:19009095">Đường dây nóng Bộ Y tế: 1900 9095</a>');
    expect((await visits()).find((v) => v.phone === "+84912000111")).toMatchObject({
      closeContact: true,
      flagged: true,
    });
  });

  it("refuses a post without the form's token, with a forged one, or one from another venue: 403, nothing stored", async () => {
    const other = await registerVenue(server.url, TOKEN, { name: "Nhà văn hóa thôn An Phú" });
    const browser = new CheckinBrowser(server.url);
    const { csrf } = await browser.open(venue.code);
    const count = (await visits()).length;
    const fields = { phone: "0905000999", symptoms: "no", closeContact: "no", travel: "no" };

    const missing = await browser.submit(venue.code, fields);
    expect(missing.status).toBe(403);
    expect(missing.html).toContain("Phiên khai báo đã hết hạn");
    const [issuedAt] = csrf.split(".");
    expect(
      (await browser.submit(venue.code, { ...fields, csrf: `${issuedAt}.${"A".repeat(43)}` })).status,
    ).toBe(403);
    expect((await browser.submit(other.code, { ...fields, csrf })).status).toBe(403);
    // The token without the browser's cookie (a cross-site post cannot send it): refused.
    const stranger = new CheckinBrowser(server.url);
    expect((await stranger.submit(venue.code, { ...fields, csrf })).status).toBe(403);
    expect((await visits()).length).toBe(count);
    expect(await server.database.db.visit.count({ where: { venueId: other.id } })).toBe(0);
  });

  it("the same phone within 30 minutes is one visit; after 31 minutes it is a second one", async () => {
    const browser = new CheckinBrowser(server.url);
    await browser.checkIn(venue.code, { phone: "0977 555 666" });
    const again = await browser.checkIn(venue.code, { phone: "+84977555666", name: "Phạm Thu" });
    expect(again.html).toContain("quét lại trong 30 phút vẫn tính là một lượt");
    let mine = (await visits()).filter((v) => v.phone === "+84977555666");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.name).toBe("Phạm Thu");

    // Backdate the visit: a controlled clock without sleeping 31 minutes.
    await server.database.db.visit.update({
      where: { id: mine[0]?.id ?? "" },
      data: { visitedAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    await browser.checkIn(venue.code, { phone: "0977555666" });
    mine = (await visits()).filter((v) => v.phone === "+84977555666");
    expect(mine).toHaveLength(2);
  });

  it("unknown and paused codes get a friendly 404 page", async () => {
    const unknown = await new CheckinBrowser(server.url).open("ZZZZZZZZ");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Không tìm thấy địa điểm");
    expect((await new CheckinBrowser(server.url).open("not-a-code!")).status).toBe(404);

    const paused = await registerVenue(server.url, TOKEN, { name: "Quán Cơm Bà Ba" });
    const browser = new CheckinBrowser(server.url);
    const { csrf } = await browser.open(paused.code);
    await server.database.db.venue.update({ where: { id: paused.id }, data: { active: false } });
    expect((await browser.open(paused.code)).status).toBe(404);
    const post = await browser.submit(paused.code, {
      csrf,
      phone: "0905123456",
      symptoms: "no",
      closeContact: "no",
      travel: "no",
    });
    expect(post.status).toBe(404);
    expect(await server.database.db.visit.count({ where: { venueId: paused.id } })).toBe(0);
  });

  it("JSON bodies still reach the JSON routes (the form parser is only on /c/:code)", async () => {
    const res = await fetch(`${server.url}/api/v1/venues`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  it("never writes a visitor's phone number to the logs", () => {
    const logs = server.logs.join("");
    for (const digits of ["905123456", "977555666", "912000111", "1234567"])
      expect(logs).not.toContain(digits);
  });
});

describe("the check-in form under a flood from one address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: TOKEN, CHECKIN_POSTS_PER_MINUTE: "3" });
  });
  afterAll(() => server.stop());

  it("answers 429 with a friendly page once the per-IP budget is spent", async () => {
    const venue = await registerVenue(server.url, TOKEN);
    const browser = new CheckinBrowser(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await browser.checkIn(venue.code, { phone: `090512345${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await browser.checkIn(venue.code, { phone: "0905123459" }, "?lang=en");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.html).toContain("Please wait about a minute");
    expect(await server.database.db.visit.count()).toBe(3);
  });
});
