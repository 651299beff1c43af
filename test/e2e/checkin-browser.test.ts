import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { startTestServer, type TestServer } from "../helpers/test-server";

const TOKEN = "officer-api-token-0123456789abcdef";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)("a visitor checks in with a real phone browser (Chromium)", () => {
  let server: TestServer;
  let venue: { id: string; code: string };
  const artifacts = ARTIFACTS;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startTestServer({ ADMIN_API_TOKEN: TOKEN, CHECKIN_POSTS_PER_MINUTE: "1000" });
    venue = await registerVenue(server.url, TOKEN);
  });
  afterAll(async () => {
    await server.stop();
  });

  for (const js of [true, false]) {
    it(`opens the QR URL, fills the phone, answers, submits and sees the confirmation (JavaScript ${js ? "on" : "off"})`, async () => {
      // A common phone screen: the form must fit without zooming.
      const { context, close } = await launchChromium({
        viewport: { width: 390, height: 844 },
        javaScriptEnabled: js,
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/c/${venue.code}`);
        expect(await page.textContent("h2")).toBe("Chợ Châu Ổ");
        await page.screenshot({
          path: join(artifacts, `checkin-form-js-${js ? "on" : "off"}.png`),
          fullPage: true,
        });

        const phone = js ? "0905 123 456" : "0912.345.678";
        await page.fill("#phone", phone);
        await page.fill("#name", "Trần Văn Minh");
        await page.check('input[name="symptoms"][value="no"]');
        await page.check(`input[name="closeContact"][value="${js ? "no" : "yes"}"]`);
        await page.check('input[name="travel"][value="no"]');
        await page.click('button[type="submit"]');

        await page.waitForSelector(".ok");
        expect(await page.textContent(".ok")).toMatch(
          /Đã ghi nhận khai báo vào Chợ Châu Ổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/,
        );
        if (!js) expect(await page.textContent(".warn")).toContain("1900 9095");
        await page.screenshot({
          path: join(artifacts, `checkin-done-js-${js ? "on" : "off"}.png`),
          fullPage: true,
        });

        const e164 = js ? "+84905123456" : "+84912345678";
        expect(await server.database.db.visit.findFirst({ where: { phone: e164 } })).toMatchObject({
          venueId: venue.id,
          name: "Trần Văn Minh",
          flagged: !js,
        });
      } finally {
        await close();
      }
    });
  }

  it("the form the browser got is the same one a plain HTTP client gets (no script needed anywhere)", async () => {
    const { html } = await new CheckinBrowser(server.url).open(venue.code);
    expect(html).not.toContain("<script");
  });
});
