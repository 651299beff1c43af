import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

const PAGES = [
  "/admin",
  "/admin/venues",
  "/admin/venues.csv",
  "/admin/broadcasts",
  "/admin/questions",
  "/admin/audit",
];

describe("officers log in to the dashboard with a one-time link from the chat", () => {
  let server: TestServer;
  let chauO: { id: string; code: string };
  let binhThuan: { id: string; code: string };

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, PUBLIC_URL: "https://dash.example.test" });
    chauO = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Châu Ổ", communeCode: "21040" });
    binhThuan = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Trạm y tế Bình Thuận",
      category: "health",
      communeCode: "21043",
      contactPhone: "0905 333 444",
    });
    const visit = (venueId: string, phone: string) =>
      server.database.db.visit.create({
        data: { id: crypto.randomUUID(), venueId, phone, source: "web", visitedAt: new Date() },
      });
    await visit(chauO.id, "+84905000001");
    await visit(binhThuan.id, "+84905000002");
    await server.database.db.auditLog.create({
      data: {
        actor: "api",
        action: "visits.list",
        venueId: binhThuan.id,
        communeCode: "21043",
        resultCount: 1,
      },
    });
  });
  afterAll(() => server.stop());

  it("an anonymous visitor is told how to log in, and sees no data on any page", async () => {
    for (const path of PAGES) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(401);
      const html = await res.text();
      expect(html).toContain("/dashboard");
      expect(html).not.toContain("Chợ Châu Ổ");
      expect(html).not.toContain("Bình Thuận");
    }
  });

  it("a citizen who sends /dashboard is not allowed, and gets no link", async () => {
    const citizen = new WebchatClient(server.url);
    const texts = textsOf(await citizen.send("/dashboard"));
    expect(texts).toEqual(["Xin lỗi, chức năng này chỉ dành cho cán bộ được phân quyền."]);
    expect(await server.database.db.dashboardLoginToken.count()).toBe(0);
  });

  it("the link opens a session once (secure, httpOnly, SameSite=Lax cookie); reusing it is refused", async () => {
    const { link } = await officerLink(server.url, "admin");
    expect(link).toMatch(/^https:\/\/dash\.example\.test\/admin\/login\/[A-Za-z0-9_-]{43}$/);
    const token = link.split("/").at(-1) ?? "";
    const stored = await server.database.db.dashboardLoginToken.findMany();
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    const browser = new DashboardClient(server.url);
    const res = await browser.login(link);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin?lang=vi");
    expect(browser.setCookie).toMatch(/^dash_sid=[A-Za-z0-9_-]{43}; /);
    expect(browser.setCookie).toMatch(/HttpOnly/);
    expect(browser.setCookie).toMatch(/Secure/);
    expect(browser.setCookie).toMatch(/SameSite=Lax/);
    expect(browser.setCookie).toMatch(/Path=\/admin/);
    const sessionId = browser.cookie.split("=")[1] ?? "";
    const sessions = await server.database.db.dashboardSession.findMany();
    expect(sessions.map((s) => s.idHash)).not.toContain(sessionId);

    const overview = await browser.get("/admin");
    expect(overview.status).toBe(200);
    expect(overview.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await overview.text();
    expect(html).toContain("Xã Bình Sơn");
    expect(html).not.toContain("Thị trấn Châu Ổ");
    expect(html).toContain('type="application/json" id="chart-data"');

    const again = new DashboardClient(server.url);
    const reuse = await again.login(link);
    expect(reuse.status).toBe(403);
    expect(await reuse.text()).toContain("đã được dùng hoặc đã hết hạn");
    expect(again.cookie).toBe("");
  });

  it("a chat app's link preview (a GET) does not spend the link; a post from another site is refused", async () => {
    const { link } = await officerLink(server.url, "officer");
    const path = new URL(link).pathname;
    // Telegram and Zalo fetch a link to build its preview before the officer even taps it.
    for (let i = 0; i < 2; i++) {
      const preview = await fetch(`${server.url}${path}`, {
        headers: { "user-agent": "TelegramBot (like TwitterBot)" },
      });
      expect(preview.status).toBe(200);
      expect(preview.headers.get("set-cookie")).toBeNull();
      expect(preview.headers.get("referrer-policy")).toBe("same-origin");
      expect(await preview.text()).toContain('<form id="login" method="post"');
    }
    // Another site's page posting the form (login CSRF) gets nothing, and the link still works after.
    const forged = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    const browser = new DashboardClient(server.url);
    expect((await browser.login(link)).status).toBe(303);
    expect(browser.cookie).toMatch(/^dash_sid=/);
  });

  it("an expired link is refused", async () => {
    const { link } = await officerLink(server.url, "officer");
    await server.database.db.dashboardLoginToken.updateMany({
      where: { usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const browser = new DashboardClient(server.url);
    expect((await browser.login(link)).status).toBe(403);
    expect(browser.cookie).toBe("");
  });

  it("logging out (POST with CSRF) ends the session; a POST without the token is refused", async () => {
    const { link } = await officerLink(server.url, "officer");
    const browser = new DashboardClient(server.url);
    await browser.login(link);
    expect((await browser.post("/admin/logout", { csrf: "forged" })).status).toBe(403);
    expect((await browser.get("/admin")).status).toBe(200);
    const cookie = browser.cookie;
    expect((await browser.post("/admin/logout", {})).status).toBe(200);
    const stale = await fetch(`${server.url}/admin`, { headers: { cookie } });
    expect(stale.status).toBe(401);
  });

  it("a revoked officer loses their session", async () => {
    const { link } = await officerLink(server.url, "officer");
    const browser = new DashboardClient(server.url);
    await browser.login(link);
    expect((await browser.get("/admin")).status).toBe(200);
    const session = await server.database.db.dashboardSession.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
    });
    const res = await adminApi(server.url)(`/api/v1/officers/${session.officerId}/revoke`, {});
    expect(res.status).toBe(200);
    expect((await browser.get("/admin")).status).toBe(401);
  });

  it("an officer of one commune never sees another commune's venues, visits or audit records", async () => {
    const { link } = await officerLink(server.url, "officer", ["21040"]);
    const browser = new DashboardClient(server.url);
    await browser.login(link);
    for (const path of [
      "/admin",
      "/admin/venues",
      "/admin/venues?commune=21043",
      "/admin/venues.csv",
      "/admin/audit",
    ]) {
      const body = await (await browser.get(path)).text();
      expect(body, path).not.toContain("Bình Thuận");
      expect(body, path).not.toContain(binhThuan.code);
      expect(body, path).not.toContain(binhThuan.id);
    }
    expect(await (await browser.get("/admin/venues")).text()).toContain("Chợ Châu Ổ");
    const overview = await (await browser.get("/admin")).text();
    expect(overview).toContain("1 lượt khai báo");
    // Another commune's venue cannot be paused or its poster fetched.
    expect((await browser.post(`/admin/venues/${binhThuan.id}/pause`, {}, "/admin/venues")).status).toBe(404);
    expect((await browser.get(`/admin/venues/${binhThuan.id}/poster.pdf`)).status).toBe(404);
    expect((await server.database.db.venue.findUniqueOrThrow({ where: { id: binhThuan.id } })).active).toBe(
      true,
    );
  });

  it("only an admin sets commune targets; an officer gets 403", async () => {
    const officer = new DashboardClient(server.url);
    await officer.login((await officerLink(server.url, "officer")).link);
    expect((await officer.post("/admin/targets", { t_21040: "50" })).status).toBe(403);
    expect(await server.database.db.communeTarget.count()).toBe(0);

    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    // Targets are set for the units in force; a former unit's code (21043, Bình Thuận) is not offered or kept.
    const res = await admin.post("/admin/targets", { t_21040: "50", t_21061: "12", t_21043: "7" });
    expect(res.status).toBe(303);
    const targets = await server.database.db.communeTarget.findMany({ orderBy: { communeCode: "asc" } });
    expect(targets.map((t) => [t.communeCode, t.venues])).toEqual([
      ["21040", 50],
      ["21061", 12],
    ]);
    expect(await (await admin.get("/admin")).text()).toContain('"targets":[50,12');
  });

  it("venues: filter, pause and resume, CSV with a BOM, English switch", async () => {
    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    const filtered = await (await admin.get("/admin/venues?category=health")).text();
    expect(filtered).toContain("Trạm y tế Bình Thuận");
    expect(filtered).not.toContain("Chợ Châu Ổ");
    const paused = await admin.post(`/admin/venues/${chauO.id}/pause`, {}, "/admin/venues");
    expect(paused.status).toBe(303);
    const list = await (await admin.get("/admin/venues?status=paused")).text();
    expect(list).toContain("Chợ Châu Ổ");
    expect(list).not.toContain("Trạm y tế Bình Thuận");
    await admin.post(`/admin/venues/${chauO.id}/resume`, {}, "/admin/venues");
    expect((await server.database.db.venue.findUniqueOrThrow({ where: { id: chauO.id } })).active).toBe(true);

    const csv = await admin.get("/admin/venues.csv?commune=21040");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toContain('"Tên địa điểm"');
    expect(text).toContain('"Chợ Châu Ổ"');
    expect(text).not.toContain("Bình Thuận");

    // Searched as people type: without diacritics or in capitals, by name or address.
    for (const q of ["tram y te", "TRẠM Y TẾ", "trạm"]) {
      const found = await (await admin.get(`/admin/venues?q=${encodeURIComponent(q)}`)).text();
      expect(found).toContain("Trạm y tế Bình Thuận");
      expect(found).not.toContain("Chợ Châu Ổ");
    }

    const en = await (await admin.get("/admin/venues?lang=en")).text();
    expect(en).toContain("Download CSV");
    const poster = await admin.get(`/admin/venues/${chauO.id}/poster.pdf`);
    expect(poster.headers.get("content-type")).toBe("application/pdf");
  });

  it("broadcasts: composed with the chat's rules, then shown with counts; questions and audit pages", async () => {
    const officer = new DashboardClient(server.url);
    await officer.login((await officerLink(server.url, "officer", ["21040"])).link);
    const empty = await officer.post(
      "/admin/broadcasts",
      { text: "  ", step: "preview" },
      "/admin/broadcasts",
    );
    expect(empty.status).toBe(400);
    const past = await officer.post(
      "/admin/broadcasts",
      // Yesterday at this hour: a day a few weeks back is the past, not next year.
      { text: "Tiêm chủng", commune_21040: "1", when: yesterday(), step: "preview" },
      "/admin/broadcasts",
    );
    expect(past.status).toBe(400);
    // The past time is named, and what was typed is still there.
    const pastPage = await past.text();
    expect(pastPage).toContain("Thời gian gửi</a>: Thời gian này đã qua.");
    expect(pastPage).toContain(">Tiêm chủng</textarea>");
    // A scoped officer's "all" is all of their own communes, said so; nobody there yet: refused with the reason.
    const form = await (await officer.get("/admin/broadcasts")).text();
    expect(form).toContain("Tất cả người đăng ký của các xã của bạn");
    expect(form).not.toContain("> Tất cả người đăng ký<");
    const nobody = await officer.post(
      "/admin/broadcasts",
      { text: "Tiêm chủng", all: "1", step: "preview" },
      "/admin/broadcasts",
    );
    expect(nobody.status).toBe(200);
    const nobodyPage = await nobody.text();
    expect(nobodyPage).toContain("Không có ai để gửi");
    expect(nobodyPage).not.toContain('value="confirm"');
    const forced = await officer.post(
      "/admin/broadcasts",
      { text: "Tiêm chủng", all: "1", step: "confirm" },
      "/admin/broadcasts",
    );
    expect(forced.status).toBe(400);
    await seedSubscribers(server.database.db, 2, {
      channel: "webchat",
      communeCode: "21046",
      firstChatId: 7700,
    });
    const ok = await officer.post(
      "/admin/broadcasts",
      {
        text: "Lịch tiêm chủng tuần này",
        commune_21040: "1",
        commune_21043: "1",
        when: "23:59",
        step: "confirm",
      },
      "/admin/broadcasts",
    );
    expect(ok.status).toBe(303);
    const stored = await server.database.db.broadcast.findFirstOrThrow({
      where: { text: "Lịch tiêm chủng tuần này" },
    });
    // Xã Bình Sơn (21040) and the former units it took in; 21043 is not in this officer's scope.
    expect(JSON.parse(stored.audience)).toEqual({
      communes: ["21040", "21046", "21052", "21070", "21055", "21082", "21088"],
    });
    const progress = await (await officer.get(String(ok.headers.get("location")))).text();
    expect(progress).toContain("Đã hẹn giờ");
    // Scheduled: no self-reload (it would wipe a change being typed); cancel and change are offered.
    expect(progress).not.toContain('http-equiv="refresh"');
    expect(progress).toContain("Huỷ thông báo");

    const directive = await officer.post(
      "/admin/directives",
      {
        number: "15/CT-UBND",
        issuedOn: "2026-11-20",
        title: "Phòng dịch",
        summary: "Tăng cường quét mã QR.",
      },
      "/admin/broadcasts",
    );
    expect(directive.status).toBe(303);
    expect(await (await officer.get("/admin/broadcasts")).text()).toContain("15/CT-UBND");
    // A link copied without https:// is taken as a web address; a wrong one is named and the typed text kept.
    const bare = await officer.post(
      "/admin/directives",
      {
        number: "16/CT",
        issuedOn: "2026-11-21",
        title: "Tiêm chủng",
        summary: "Mũi nhắc lại.",
        link: "binhson.gov.vn/cv-16",
      },
      "/admin/broadcasts",
    );
    expect(bare.status).toBe(303);
    expect((await server.database.db.directive.findFirstOrThrow({ where: { number: "16/CT" } })).link).toBe(
      "https://binhson.gov.vn/cv-16",
    );
    const wrong = await officer.post(
      "/admin/directives",
      {
        number: "17/CT",
        issuedOn: "2026-11-22",
        title: "Phòng dịch",
        summary: "Đeo khẩu trang.",
        link: "javascript:alert(1)",
      },
      "/admin/broadcasts",
    );
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain("Đường dẫn: không phải địa chỉ web");
    expect(wrongPage).not.toContain("Số hiệu: không được");
    expect(wrongPage).toContain('value="17/CT"');
    expect(wrongPage).toContain(">Đeo khẩu trang.</textarea>");
    // Dates as Vietnamese pages write them.
    expect(wrongPage).toContain("<td>21/11/2026</td>");

    await server.database.db.faqUnanswered.create({
      data: { folded: "tiem mui 4", text: "Tiêm mũi 4 ở đâu?", language: "vi", channel: "webchat" },
    });
    await server.database.db.faqFeedback.create({
      data: { topic: "pc-covid", helpful: false, contactId: "x" },
    });
    const questions = await (await officer.get("/admin/questions")).text();
    expect(questions).toContain("Tiêm mũi 4 ở đâu?");
    expect(questions).toContain("pc-covid");
    const audit = await officer.get("/admin/audit");
    expect(audit.status).toBe(200);
  });
});

/** Yesterday's date in Vietnam as an officer types it ("30/11 08:00"). */
function yesterday(): string {
  const d = new Date(Date.now() + 7 * 3600_000 - 24 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)} ${two(d.getUTCHours())}:00`;
}
