import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { startTestServer, type TestServer } from "../helpers/test-server";

const META = '<meta name="zalo-platform-site-verification" content="Ng6pEw3U9Jvr2k_qXl1-AB" />';
const VERIFIER_HTML =
  '<html><head><meta name="zalo-platform-site-verification" content="Ng6pEw3U9Jvr2k_qXl1-AB" /></head><body>There Is No Limit To What You Can Accomplish Using Zalo!</body></html>\n';

describe("Zalo domain verification, served exactly as configured", () => {
  let verified: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "zalo-verifier-"));
    const file = join(dir, "zalo_verifierNg6pEw3U9Jvr2k.html");
    writeFileSync(file, VERIFIER_HTML);
    verified = await startTestServer({
      ZALO_SITE_VERIFICATION: "Ng6pEw3U9Jvr2k_qXl1-AB",
      ZALO_SITE_VERIFIER_FILE: file,
    });
    plain = await startTestServer();
  });
  afterAll(async () => {
    await verified.stop();
    await plain.stop();
  });

  it("the page at / carries Zalo's meta tag in its head and is otherwise the web chat page unchanged", async () => {
    const res = await fetch(`${verified.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.split(META)).toHaveLength(2);
    expect(html.indexOf(META)).toBeLessThan(html.indexOf("</head>"));
    const original = await (await fetch(`${plain.url}/`)).text();
    expect(html.replace(`\n    ${META}`, "")).toBe(original);
  });

  it("the verifier file is served at the root byte for byte", async () => {
    const res = await fetch(`${verified.url}/zalo_verifierNg6pEw3U9Jvr2k.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe(VERIFIER_HTML);
  });

  it("with neither variable set there is no tag and no file", async () => {
    expect(await (await fetch(`${plain.url}/`)).text()).not.toContain("zalo-platform-site-verification");
    expect((await fetch(`${plain.url}/zalo_verifierNg6pEw3U9Jvr2k.html`)).status).toBe(404);
  });

  it("a verifier that is not an .html file, or one that cannot be read, stops start-up naming the variable", () => {
    expect(() => loadConfig({ ZALO_SITE_VERIFIER_FILE: "/etc/passwd" })).toThrow(
      /^Invalid ZALO_SITE_VERIFIER_FILE/,
    );
    expect(() => loadConfig({ ZALO_SITE_VERIFIER_FILE: "/nowhere/zalo_verifierX.html" })).toThrow(
      /^Invalid ZALO_SITE_VERIFIER_FILE: ENOENT/,
    );
    expect(() => loadConfig({ ZALO_SITE_VERIFICATION: '"><script>' })).toThrow(
      /^Invalid ZALO_SITE_VERIFICATION/,
    );
  });
});
