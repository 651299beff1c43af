import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { WebchatClient } from "../helpers/webchat-client";

describe.skipIf(!hasChromium)(
  "an officer traces a venue on the dashboard and alerts its visitors (Chromium)",
  () => {
    let server: TestServer;
    let venue: { id: string; code: string };
    let elsewhere: { id: string; code: string };

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
      venue = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Bình Long", communeCode: "21040" });
      elsewhere = await registerVenue(server.url, ADMIN_TOKEN, {
        name: "Chợ Bình Châu",
        communeCode: "21061",
      });
      // One visitor by chat (deep link), one by the QR page who left only a phone number.
      await new WebchatClient(server.url).send(`/start c_${venue.code}`);
      await new CheckinBrowser(server.url).checkIn(venue.code, { phone: "0905 333 444", name: "Cô Ba" });
    });
    afterAll(() => server.stop());

    it("finds the venue by a name typed without accents, sees the visits with masked phones, sends the alert; audited like chat", async () => {
      const { link } = await officerLink(server.url, "officer", ["21040"]);
      const { context, close } = await launchChromium({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}${new URL(link).pathname}`);
        await page.click("#login button");
        await page.waitForURL(/\/admin\?lang=vi$/);
        await page.click("header a[href^='/admin/visits']");
        await page.fill("#venue-search input[name=q]", "cho binh long");
        await page.click("#venue-search button");
        // Only the officer's commune: the other market of the same name is not offered.
        const choices = await page.locator("#venue-choices li").allTextContents();
        expect(choices).toHaveLength(1);
        expect(choices[0]).toContain("Chợ Bình Long");
        await page.click("#venue-choices a");
        expect(await page.textContent("#venue")).toContain("Chợ Bình Long");
        expect(await page.textContent("#visit-count")).toBe("2 lượt khai báo trong khoảng thời gian này.");
        const rows = await page.locator("#visits tbody tr").allTextContents();
        expect(rows.join("\n")).toContain("+84 90* *** *44");
        expect(rows.join("\n")).not.toContain("0905 333 444");
        expect(rows.join("\n")).toContain("Web chat");
        // The window typed as officers write dates, in both orders of the day and the time.
        await page.fill("#window input[name=from]", "01/01/2020");
        await page.click("#window button");
        expect(await page.textContent("[role=alert]")).toBe(
          "Khoảng thời gian dài nhất là 31 ngày. Hãy thu hẹp lại.",
        );
        // Back to the default window: every list shown is a read of visit data, audited.
        await page.goto(`${server.url}/admin/visits?venue=${venue.code}`);
        await page.click("#alert button");
        await page.waitForSelector("#alerted");
        expect(await page.textContent("#alerted [role=status]")).toBe(
          "Đang gửi cảnh báo tới 1 người qua tin nhắn. Chưa liên lạc được: 0.",
        );
        // The phone-only visitor is for the officer to call: the number in full, as in chat.
        expect(await page.textContent("#call-list")).toContain("0905 333 444");
        await page.screenshot({ path: join(ARTIFACTS, "dashboard-visits-alerted.png"), fullPage: true });
      } finally {
        await close();
      }
      const db = server.database.db;
      expect(await db.exposureAlert.count({ where: { venueId: venue.id } })).toBe(1);
      expect(await db.exposureAlertRecipient.count()).toBe(1);
      const reads = await db.auditLog.findMany({
        where: { action: { in: ["visits.venue", "alert.venue"] }, venueId: venue.id },
        orderBy: { id: "asc" },
      });
      // Two lists shown (the refused window read nothing), then the alert.
      expect(reads.map((r) => r.action)).toEqual(["visits.venue", "visits.venue", "alert.venue"]);
      expect(reads.every((r) => r.actor.startsWith("officer:"))).toBe(true);
    });

    it("bad input gets a clear answer and changes nothing: unknown venue, another commune's, reversed or too long windows, forged posts", async () => {
      const officer = new DashboardClient(server.url);
      await officer.login((await officerLink(server.url, "officer", ["21040"])).link);
      const db = server.database.db;
      const auditBefore = await db.auditLog.count({
        where: { action: { in: ["visits.venue", "alert.venue"] } },
      });
      const alertsBefore = await db.exposureAlert.count();

      const unknown = await officer.get("/admin/visits?venue=ZZZZ22ZZZZ");
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain("Không tìm thấy địa điểm &quot;ZZZZ22ZZZZ&quot; trong phạm vi");
      // Another commune's venue is "not found", the same words: its existence is not told.
      const other = await officer.get(`/admin/visits?venue=${elsewhere.code}`);
      expect(other.status).toBe(404);
      const reversed = await officer.get(`/admin/visits?venue=${venue.code}&from=20/11/2026&to=10/11/2026`);
      expect(reversed.status).toBe(400);
      expect(await reversed.text()).toContain("Thời điểm &quot;Đến&quot; phải sau &quot;Từ&quot;.");
      const unreadable = await officer.get(`/admin/visits?venue=${venue.code}&from=hôm kia nữa`);
      expect(unreadable.status).toBe(400);
      expect(await unreadable.text()).toContain("Không đọc được thời điểm &quot;Từ&quot;");
      const noMatch = await officer.get(`/admin/visits?q=${encodeURIComponent("cho binh chau")}`);
      expect(await noMatch.text()).toContain("Không có địa điểm nào khớp với &quot;cho binh chau&quot;");

      const from = new Date(Date.now() - 3_600_000).toISOString();
      const to = new Date().toISOString();
      const forged = await officer.post("/admin/visits/alert", {
        venue: venue.code,
        from,
        to,
        csrf: "forged",
      });
      expect(forged.status).toBe(403);
      const foreign = await officer.post(
        "/admin/visits/alert",
        { venue: elsewhere.code, from, to },
        "/admin/visits",
      );
      expect(foreign.status).toBe(404);
      const tooLong = await officer.post(
        "/admin/visits/alert",
        { venue: venue.code, from: "2026-01-01T00:00:00Z", to },
        "/admin/visits",
      );
      expect(tooLong.status).toBe(400);
      const garbage = await officer.post(
        "/admin/visits/alert",
        { venue: "%%%", from: "x", to: "" },
        "/admin/visits",
      );
      expect(garbage.status).toBe(404);

      expect(await db.exposureAlert.count()).toBe(alertsBefore);
      expect(await db.auditLog.count({ where: { action: { in: ["visits.venue", "alert.venue"] } } })).toBe(
        auditBefore,
      );
    });
  },
);
