import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)("an officer uses the dashboard in a real browser (Chromium)", () => {
  let server: TestServer;
  const artifacts = ARTIFACTS;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Châu Ổ", communeCode: "21040" });
    const other = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quán cà phê Vạn Tường",
      category: "food-service",
      communeCode: "21061",
      contactPhone: "0905 777 888",
    });
    // A few days of check-ins so the line chart has a shape.
    for (let day = 0; day < 5; day++) {
      for (let n = 0; n <= day; n++) {
        await server.database.db.visit.create({
          data: {
            id: crypto.randomUUID(),
            venueId: other.id,
            phone: `+8490500${day}${n}00`,
            source: "web",
            visitedAt: new Date(Date.now() - day * 86_400_000),
          },
        });
      }
    }
  });
  afterAll(async () => {
    await server.stop();
  });

  it("logs in from the chat link, sees the Chart.js charts drawn, filters venues, exports CSV; the link works once", async () => {
    // The link comes from the web chat, as an officer would get it (PUBLIC_URL is the test server here).
    const { link } = await officerLink(server.url, "admin");
    const path = new URL(link).pathname;
    const { context: browser, close } = await launchChromium({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await browser.newPage();
      // The link opens a page with a button (a chat app's link preview must not spend the link).
      await page.goto(`${server.url}${path}`);
      await page.click("#login button");
      await page.waitForURL(/\/admin\?lang=vi$/);
      await page.waitForSelector("[data-chart=venues] canvas");
      await page.waitForSelector("[data-chart=checkins] canvas");
      // Drawn, not just placed: count the canvas pixels that are not transparent.
      const inked = await page.evaluate<{ venues: number; checkins: number }>(`(() => {
        const ink = (name) => {
          const c = document.querySelector("[data-chart=" + name + "] canvas");
          const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
          return n;
        };
        return { venues: ink("venues"), checkins: ink("checkins") };
      })()`);
      expect(inked.venues).toBeGreaterThan(1000);
      expect(inked.checkins).toBeGreaterThan(1000);
      const chartData = await page.evaluate<{
        bars: number[];
        points: number;
        days: string[];
      }>(
        `(() => {
          const venues = Chart.getChart(document.querySelector("[data-chart=venues] canvas"));
          const checkins = Chart.getChart(document.querySelector("[data-chart=checkins] canvas"));
          return { bars: venues.data.datasets[0].data, points: checkins.data.datasets[0].data.length,
            days: checkins.data.labels };
        })()`,
      );
      expect(chartData.bars.filter((v) => v > 0).length).toBeGreaterThanOrEqual(2);
      expect(chartData.points).toBe(30);
      // Days read dd/mm, as Vietnamese write them.
      expect(chartData.days.every((d) => /^\d{2}\/\d{2}$/.test(d))).toBe(true);
      await page.screenshot({ path: join(artifacts, "dashboard-overview.png"), fullPage: true });

      await page.goto(`${server.url}/admin/venues`);
      await page.selectOption("select[name=commune]", "21061");
      await page.click("#venue-filter button[type=submit]");
      await page.waitForURL(/commune=21061/);
      const table = (await page.textContent("tbody")) ?? "";
      expect(table).toContain("Quán cà phê Vạn Tường");
      expect(table).not.toContain("Chợ Châu Ổ");
      await page.screenshot({ path: join(artifacts, "dashboard-venues.png"), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
      const file = await download.path();
      const csv = readFileSync(file ?? "", "utf8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain("Quán cà phê Vạn Tường");
      expect(csv).not.toContain("Chợ Châu Ổ");

      // The same link a second time (say, forwarded to someone) is refused.
      const second = await browser.newPage();
      await second.goto(`${server.url}${path}`);
      const [res] = await Promise.all([
        second.waitForResponse((r) => r.request().method() === "POST"),
        second.click("#login button"),
      ]);
      expect(res.status()).toBe(403);
      await second.waitForSelector("h1");
      expect(await second.textContent("h1")).toContain("đã được dùng");
      await second.screenshot({ path: join(artifacts, "dashboard-link-used.png"), fullPage: true });
    } finally {
      await close();
    }
  }, 60_000);
});
