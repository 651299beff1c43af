import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { officerLink } from "../helpers/dashboard-fixtures";
import { eventually, shownTo, webchatOwner } from "../helpers/survey-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf } from "../helpers/webchat-client";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)(
  "an officer of one commune surveys its venue owners from the dashboard (Chromium)",
  { timeout: 120_000 },
  () => {
    let server: TestServer;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    });
    afterAll(async () => {
      await server.stop();
    });

    it("keeps what was typed on an error, previews the count, sends; the answers show on the venue's page", async () => {
      // Two owners in Xã Bình Sơn (21040), on the web chat; one in Xã Vạn Tường (21061), not the officer's.
      const owner = await webchatOwner(server, "Tạp hóa Minh Châu", "21040");
      const second = await webchatOwner(server, "Quán cơm Phúc", "21040");
      const other = await webchatOwner(server, "Chợ Vạn Tường", "21061");

      const { link } = await officerLink(server.url, "officer", ["21040"]);
      const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${server.url}${new URL(link).pathname}`);
        await page.click("#login button");
        await page.waitForURL(/\/admin\?lang=vi$/);
        await page.goto(`${server.url}/admin/surveys?lang=vi`);
        await page.click("#new-survey");
        // Only the officer's own commune can be ticked.
        expect(await page.$("input[name=commune_21061]")).toBeNull();

        const title = "Niêm yết mã QR tháng 12";
        await page.fill("input[name=title]", title);
        await page.fill("textarea[name=q0_text]", "Cơ sở của bạn đã niêm yết mã QR chưa?");
        await page.selectOption("select[name=q0_kind]", "yesno");
        await page.fill("textarea[name=q1_text]", "Bạn cần hỗ trợ gì thêm?");
        await page.selectOption("select[name=q1_kind]", "choice");
        await page.fill("textarea[name=q1_options]", "In lại mã QR");
        await page.fill("textarea[name=q2_text]", "Số điện thoại người phụ trách, hoặc góp ý");
        await page.selectOption("select[name=q2_kind]", "text");
        await page.check("input[name=commune_21040]");
        await page.check("input[name=role_venue-owner]");
        await page.fill("input[name=closes]", "1/1/2025 8h");
        await page.click("button[value=preview]");

        // Both wrong fields named; everything typed and ticked is still there.
        const alert = await page.textContent("[role=alert]");
        expect(alert).toContain(
          "Câu 2: Câu chọn một cần từ 2 đến 6 phương án, mỗi dòng một phương án; bạn đã nhập 1.",
        );
        expect(alert).toContain("Đóng lúc: Thời gian đóng đã qua.");
        expect(await page.inputValue("input[name=title]")).toBe(title);
        expect(await page.inputValue("textarea[name=q2_text]")).toBe(
          "Số điện thoại người phụ trách, hoặc góp ý",
        );
        expect(await page.inputValue("select[name=q1_kind]")).toBe("choice");
        expect(await page.inputValue("textarea[name=q1_options]")).toBe("In lại mã QR");
        expect(await page.isChecked("input[name=commune_21040]")).toBe(true);
        expect(await page.isChecked("input[name=role_venue-owner]")).toBe(true);
        expect(await page.getAttribute("input[name=closes]", "aria-invalid")).toBe("true");
        expect(await server.database.db.survey.count()).toBe(0);

        await page.fill("textarea[name=q1_options]", "In lại mã QR\nHướng dẫn quét mã\nKhông cần");
        await page.fill("input[name=closes]", "mai 17h");
        await page.click("button[value=preview]");
        await page.waitForSelector("#preview");
        expect(await page.textContent("#recipients")).toBe("2 người sẽ nhận khảo sát");
        const communes = await page.$$eval("#per-commune tr", (rows) => rows.map((r) => r.textContent));
        expect(communes).toEqual(["Xã Bình Sơn2"]);
        expect(await page.textContent("#preview")).toMatch(/Khảo sát đóng lúc 17:00 \d\d\/\d\d\./);
        await page.screenshot({ path: join(ARTIFACTS, "dashboard-survey-preview.png"), fullPage: true });

        // "Change" brings the form back as it was; preview again and confirm.
        await page.click("button[value=edit]");
        expect(await page.inputValue("textarea[name=q1_options]")).toBe(
          "In lại mã QR\nHướng dẫn quét mã\nKhông cần",
        );
        await page.click("button[value=preview]");
        await page.click("button[value=confirm]");
        await page.waitForURL(/\/admin\/surveys\/[0-9a-f-]{36}\?lang=vi$/);
        const survey = await server.database.db.survey.findFirstOrThrow();
        expect(survey.createdBy).toMatch(/^dashboard:/);
        // Xã Bình Sơn with the former units it took in; nothing of Vạn Tường.
        const audience = JSON.parse(survey.audience);
        expect(audience.roles).toEqual(["venue-owner"]);
        expect(audience.communes).toContain("21040");
        expect(audience.communes).not.toContain("21061");
        expect(
          await server.database.db.auditLog.count({ where: { action: "survey.create", resultCount: 2 } }),
        ).toBe(1);

        // The first question reaches the owners' web chat (the scheduler was woken), not the other commune.
        let seen: string[] = [];
        await eventually(async () => {
          seen = [...seen, ...(await shownTo(owner.chat))];
          return seen.some((t) => t.includes("Cơ sở của bạn đã niêm yết mã QR chưa?"));
        });
        expect(seen).toEqual(expect.arrayContaining(["Có / Rồi", "Không / Chưa"]));
        await eventually(async () => (await shownTo(second.chat)).length > 0);
        expect(await shownTo(other.chat)).toEqual([]);

        // The owner answers by typing, as people type.
        expect(textsOf(await owner.chat.send("roi"))[0]).toBe("✅ Đã ghi nhận.");
        expect(textsOf(await owner.chat.send("2"))[0]).toBe("✅ Đã ghi nhận.");
        await owner.chat.send("chị Lan 0905 123 456, cần thêm áp phích");

        // The venue's page shows what its owner answered, the phone masked; the other venue is not shown.
        await page.goto(`${server.url}/admin/venues?lang=vi`);
        await page.click(`a[href^="/admin/venues/${owner.venue.id}"]`);
        const answers = await page.textContent("#venue-surveys");
        expect(answers).toContain(title);
        expect(answers).toContain("Có / Rồi");
        expect(answers).toContain("Hướng dẫn quét mã");
        expect(answers).toMatch(/chị Lan [^0-9]*56, cần thêm áp phích/);
        expect(answers).not.toContain("0905 123 456");
        await page.screenshot({
          path: join(ARTIFACTS, "dashboard-venue-survey-answers.png"),
          fullPage: true,
        });
        const foreign = await page.goto(`${server.url}/admin/venues/${other.venue.id}?lang=vi`);
        expect(foreign?.status()).toBe(404);
        const quiet = await page.goto(`${server.url}/admin/venues/${second.venue.id}?lang=vi`);
        expect(quiet?.status()).toBe(200);
        expect(await page.textContent("#venue-surveys")).toContain("Chủ cơ sở chưa trả lời khảo sát nào");
      } finally {
        await browser.close();
      }
    });
  },
);
