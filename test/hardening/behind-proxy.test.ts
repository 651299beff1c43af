import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { CheckinBrowser } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";

const PROXY = "10.0.0.5";

describe("deployed behind a proxy on another host", () => {
  let server: TestServer;
  let code = "";

  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: "loopback, 10.0.0.0/8",
      FRAME_ANCESTORS: "https://binhson.quangngai.gov.vn",
      WEBCHAT_POSTS_PER_MINUTE: "2",
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    });
    const res = await fetch(`${server.url}/api/v1/venues`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        // A right-to-left override would show officers "Cho ‮nos hnib‬" reversed.
        name: "Cho \u202eBinh Son\u202c",
        category: "market",
        communeCode: "21067",
        address: "Thon 1",
        contactName: "Le Thi Hoa",
        contactPhone: "0905111222",
      }),
    });
    ({ code } = (await res.json()) as { code: string });
  });
  afterAll(() => server.stop());

  const post = (citizen: string) =>
    fetch(`${server.url}/webchat/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `${citizen}, ${PROXY}` },
      body: JSON.stringify({ clientId: randomUUID(), text: "hi" }),
    });

  it("one citizen flooding the web chat uses up only their own budget, not the district's", async () => {
    expect((await post("113.161.1.1")).status).toBeLessThan(300);
    expect((await post("113.161.1.1")).status).toBeLessThan(300);
    expect((await post("113.161.1.1")).status).toBe(429);
    // Another person behind the same proxy is still served.
    expect((await post("14.232.7.7")).status).toBeLessThan(300);
  });

  it("the web chat page may be framed by the district's site only; the check-in page by nobody", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("content-security-policy")).toContain(
      "frame-ancestors https://binhson.quangngai.gov.vn",
    );
    const checkin = await fetch(`${server.url}/c/${code}`);
    expect(checkin.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("a venue name with bidirectional controls is stored without them", async () => {
    const venue = await server.database.db.venue.findUniqueOrThrow({ where: { code } });
    expect(venue.name).toBe("Cho Binh Son");
  });

  it("one opened check-in form checks in one phone: reused for another number it is refused with a fresh form", async () => {
    const browser = new CheckinBrowser(server.url);
    const { csrf } = await browser.open(code);
    const answers = { csrf, symptoms: "no", closeContact: "no", travel: "no" };
    expect((await browser.submit(code, { ...answers, phone: "0905123456" })).status).toBe(200);
    // The same person tapping twice is the same visit.
    expect((await browser.submit(code, { ...answers, phone: "0905123456" })).status).toBe(200);
    const reused = await browser.submit(code, { ...answers, phone: "0912345678" });
    expect(reused.status).toBe(409);
    expect(reused.html).toContain("Biểu mẫu này vừa được dùng");
    expect(await server.database.db.visit.count({ where: { phone: "+84912345678" } })).toBe(0);
    // The fresh form it shows works for the next person.
    const fresh = /name="csrf" value="([^"]+)"/.exec(reused.html)?.[1] ?? "";
    expect((await browser.submit(code, { ...answers, csrf: fresh, phone: "0912345678" })).status).toBe(200);
    expect(await server.database.db.visit.count({ where: { phone: "+84912345678" } })).toBe(1);
  });

  it("a TRUST_PROXY or FRAME_ANCESTORS that is not understood stops start-up with the variable's name", () => {
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({}).TRUST_PROXY).toEqual(["loopback"]);
    expect(loadConfig({ TRUST_PROXY: "192.168.1.0/24,::1" }).TRUST_PROXY).toEqual(["192.168.1.0/24", "::1"]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ FRAME_ANCESTORS: "self https://a.example" }).FRAME_ANCESTORS).toBe(
      "'self' https://a.example",
    );
    expect(() => loadConfig({ FRAME_ANCESTORS: "javascript:alert(1)" })).toThrow(/FRAME_ANCESTORS/);
  });
});
