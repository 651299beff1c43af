import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";

const TOKEN = "officer-api-token-0123456789abcdef";

describe("a check-in form token used on one instance is refused by another sharing the database", () => {
  let first: TestServer;
  let second: TestServer;
  let venue: { id: string; code: string };
  beforeAll(async () => {
    first = await startTestServer({ ADMIN_API_TOKEN: TOKEN });
    second = await startTestServer({ ADMIN_API_TOKEN: TOKEN }, { databaseUrl: first.databaseUrl });
    venue = await registerVenue(first.url, TOKEN);
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  it("one page, one check-in: the same number again is the same visit, another number is refused", async () => {
    const browser = new CheckinBrowser(first.url);
    const { csrf } = await browser.open(venue.code);
    const answers = { csrf, symptoms: "no", closeContact: "no", travel: "no" };
    expect((await browser.submit(venue.code, { ...answers, phone: "0905 123 456" })).status).toBe(200);

    // The same cookie and token, posted to the other instance (a load balancer may send it anywhere).
    const elsewhere = new CheckinBrowser(second.url);
    elsewhere.cookie = browser.cookie;
    const reused = await elsewhere.submit(venue.code, { ...answers, phone: "0912 000 111" });
    expect(reused.status).toBe(409);
    expect((await elsewhere.submit(venue.code, { ...answers, phone: "0905123456" })).status).toBe(200);

    const db = first.database.db;
    expect(await db.visit.count({ where: { venueId: venue.id } })).toBe(1);
    // Only hashes are kept: neither the token nor the number is in the table.
    const rows = JSON.stringify(await db.usedFormToken.findMany());
    expect(rows).not.toContain(csrf);
    expect(rows).not.toContain("905123456");
  });
});
