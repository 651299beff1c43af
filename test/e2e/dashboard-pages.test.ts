import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatVietnamDate } from "../../src/core/vietnam-time";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import type { WebchatClient } from "../helpers/webchat-client";

/** The rows of a CSV export (BOM dropped, every field quoted). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? "").replace(/""/g, '"')));
}

describe("dashboard pages that read well: the activity log, venues and their export", () => {
  let server: TestServer;
  let market: { id: string; code: string };
  let cafe: { id: string; code: string };
  let lan: { chat: WebchatClient; link: string };
  let lanId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    market = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Châu Ổ", communeCode: "21040" });
    cafe = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quán cà phê Vạn Tường",
      category: "food-service",
      communeCode: "21061",
      address: "3 Nguyễn Huệ",
      contactName: "Trần Văn Tường",
      contactPhone: "0905 777 888",
    });
    // Registered at 06:30 on 1 December in Vietnam: still 30 November in UTC.
    await server.database.db.venue.update({
      where: { id: market.id },
      data: { createdAt: new Date("2026-11-30T23:30:00Z") },
    });
    lan = await officerLink(server.url, "officer", ["21040"]);
    const officer = await server.database.db.officer.findFirstOrThrow({ where: { communes: "21040" } });
    lanId = officer.id;
    await server.database.db.contact.update({
      where: { id: officer.contactId },
      data: { displayName: "Lê Thị Lan" },
    });
    await lan.chat.send(`/trace ${market.code}`);
  });
  afterAll(() => server.stop());

  it("the activity log names the officer, the venue and the action in words, and filters by officer, action and days", async () => {
    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    await admin.get("/admin");
    const page = await (await admin.get("/admin/audit")).text();
    expect(page).toContain("Lê Thị Lan (Cán bộ)");
    expect(page).toContain("Xem danh sách khai báo của một địa điểm");
    expect(page).toContain(`Chợ Châu Ổ (${market.code})`);
    expect(page).toContain("Chat: truy vết (/truyvet)");
    expect(page).toContain("Bảng điều khiển: xem «Tổng quan» (/admin)");
    // The rows themselves (the officer filter's option values do carry ids).
    const table = /<tbody>[\s\S]*<\/tbody>/.exec(page)?.[0] ?? "";
    expect(table).toContain("Lê Thị Lan");
    expect(table).not.toContain("officer:");
    expect(table).not.toContain(market.id);
    expect(table).not.toMatch(/>(visits\.venue|chat\.trace|dashboard GET[^<]*)</);

    const today = formatVietnamDate(new Date());
    const rowsOf = (html: string) => [...html.matchAll(/<tr data-audit="\d+">/g)].length;
    const lanToday = await admin.get(
      `/admin/audit?officer=officer:${lanId}&action=visits.venue&from=${today}&to=${today}`,
    );
    expect(lanToday.status).toBe(200);
    expect(rowsOf(await lanToday.text())).toBe(1);
    // The day as a browser's date field sends it works too; a later day finds nothing.
    const iso = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(
      rowsOf(await (await admin.get(`/admin/audit?action=kind:chat&from=${iso}`)).text()),
    ).toBeGreaterThanOrEqual(1);
    const tomorrow = formatVietnamDate(new Date(Date.now() + 86_400_000));
    expect(
      rowsOf(
        await (
          await admin.get(`/admin/audit?officer=officer:${lanId}&from=${tomorrow}&to=${tomorrow}`)
        ).text(),
      ),
    ).toBe(0);

    const impossible = await admin.get("/admin/audit?from=31/02/2026");
    expect(impossible.status).toBe(400);
    expect(await impossible.text()).toContain("Ngày này không có thật, hãy kiểm tra lại.");
    const reversed = await admin.get("/admin/audit?from=20/11/2026&to=10/11/2026");
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("&quot;Đến ngày&quot; phải sau &quot;Từ ngày&quot;.");
    // Nonsense in the filters is ignored, never a 500.
    expect((await admin.get("/admin/audit?officer=%27%3B--&action=drop&before=-3")).status).toBe(200);
  });

  it("the log's CSV export holds the filtered rows in words, and is itself audited", async () => {
    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    const res = await admin.get("/admin/audit.csv?action=visits.venue");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = csvRows(await res.text());
    expect(rows[0]).toEqual([
      "Thời điểm",
      "Người thực hiện",
      "Thao tác",
      "Về",
      "Khoảng thời gian",
      "Kết quả",
    ]);
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1]?.slice(1, 4)).toEqual([
      "Lê Thị Lan (Cán bộ)",
      "Xem danh sách khai báo của một địa điểm",
      `Chợ Châu Ổ (${market.code})`,
    ]);
    const exported = await server.database.db.auditLog.findFirstOrThrow({ where: { action: "audit.csv" } });
    expect(exported.resultCount).toBe(1);
    expect((await admin.get("/admin/audit.csv?from=hôm nào đó")).status).toBe(400);
  });

  it("the log pages by a hundred rows, older rows a link away; an officer of one commune sees only its rows", async () => {
    const db = server.database.db;
    await db.auditLog.createMany({
      data: Array.from({ length: 150 }, () => ({
        actor: "admin-api",
        action: "visits.venue",
        venueId: cafe.id,
        resultCount: 0,
      })),
    });
    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    const first = await (await admin.get("/admin/audit?action=visits.venue")).text();
    expect([...first.matchAll(/<tr data-audit=/g)]).toHaveLength(100);
    const older = /id="older" href="([^"]+)"/.exec(first)?.[1]?.replace(/&amp;/g, "&");
    expect(older).toBeDefined();
    const second = await (await admin.get(older ?? "")).text();
    expect([...second.matchAll(/<tr data-audit=/g)]).toHaveLength(51);
    expect(second).toContain('id="newest"');
    expect(second).not.toContain('id="older"');

    const other = new DashboardClient(server.url);
    await other.login((await officerLink(server.url, "officer", ["21061"])).link);
    const scoped = await (await other.get("/admin/audit?action=visits.venue")).text();
    expect(scoped).toContain("Quán cà phê Vạn Tường");
    expect(scoped).not.toContain("Chợ Châu Ổ");
  });

  it("venues are found by their code as typed off a poster, and the CSV has the contact and Vietnam dates", async () => {
    const admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
    const typed = `${market.code.slice(0, 4).toLowerCase()}-${market.code.slice(4, 7).toLowerCase()}`;
    const found = await (await admin.get(`/admin/venues?q=${encodeURIComponent(typed)}`)).text();
    expect(found).toContain(`data-venue="${market.code}"`);
    expect(found).not.toContain(`data-venue="${cafe.code}"`);
    // Names still match without diacritics.
    expect(await (await admin.get("/admin/venues?q=van%20tuong")).text()).toContain(
      `data-venue="${cafe.code}"`,
    );

    const rows = csvRows(await (await admin.get("/admin/venues.csv")).text());
    expect(rows[0]).toEqual([
      "Mã",
      "Tên địa điểm",
      "Loại hình",
      "Xã",
      "Địa chỉ",
      "Người liên hệ",
      "Số điện thoại liên hệ",
      "Trạng thái",
      "Ngày đăng ký",
    ]);
    const marketRow = rows.find((r) => r[0] === market.code);
    expect(marketRow?.slice(5)).toEqual(["Nguyễn Thị Lan", "0905 111 222", "Đang hoạt động", "01/12/2026"]);

    // An officer of the commune: their venues only, numbers in full (they call the owners).
    const commune = new DashboardClient(server.url);
    await commune.login((await officerLink(server.url, "officer", ["21061"])).link);
    const own = csvRows(await (await commune.get("/admin/venues.csv")).text());
    expect(own.slice(1).map((r) => r[0])).toEqual([cafe.code]);
    expect(own[1]?.[6]).toBe("0905 777 888");
    // A district-wide officer who is not an admin sees every venue, the numbers masked.
    const district = new DashboardClient(server.url);
    await district.login((await officerLink(server.url, "officer")).link);
    const masked = csvRows(await (await district.get("/admin/venues.csv")).text());
    // A cell starting with "+" is one Excel would compute: kept as text by the leading apostrophe.
    expect(masked.find((r) => r[0] === cafe.code)?.[6]).toBe("'+84 90* *** *88");
    expect(masked.map((r) => r.join(",")).join("\n")).not.toContain("0905 777 888");
  });

  it.skipIf(!hasChromium)(
    "at phone width (375 px) every venue keeps its status and actions on screen (Chromium)",
    async () => {
      const { context, close } = await launchChromium({ viewport: { width: 375, height: 800 } });
      try {
        const page = await context.newPage();
        const { link } = await officerLink(server.url, "admin");
        await page.goto(`${server.url}${new URL(link).pathname}`);
        await page.click("#login button");
        await page.waitForURL(/\/admin\?lang=vi$/);
        await page.goto(`${server.url}/admin/venues`);
        await page.screenshot({ path: join(ARTIFACTS, "dashboard-venues-375.png"), fullPage: true });
        // Nothing wider than the screen: no sideways scrolling to reach a column.
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
        for (const code of [market.code, cafe.code]) {
          const row = page.locator(`tr[data-venue="${code}"]`);
          for (const part of [
            "td.status",
            "td.actions button",
            "td.actions a[href$='poster.pdf']",
            "td.actions a[href^='/admin/visits']",
          ]) {
            const box = await row.locator(part).boundingBox();
            expect(box, `${code} ${part}`).not.toBeNull();
            expect(
              (box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375,
              `${code} ${part} on screen`,
            ).toBe(true);
            expect(await row.locator(part).isVisible()).toBe(true);
          }
          expect(await row.locator("td.status").textContent()).toContain("Đang hoạt động");
          // Each cell says what it is once the header row is gone.
          expect(await row.locator("td[data-label]").count()).toBe(5);
        }
        // The pause button works from the phone.
        await page.locator(`tr[data-venue="${cafe.code}"] td.actions button`).click();
        await page.waitForURL(/\/admin\/venues\?/);
        expect(await page.locator(`tr[data-venue="${cafe.code}"] td.status`).textContent()).toContain(
          "Tạm ngưng",
        );
      } finally {
        await close();
      }
    },
  );
});
