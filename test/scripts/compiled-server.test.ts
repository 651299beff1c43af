import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerVenue } from "../helpers/checkin-form";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { posterTextsFromLocales } from "../support/locale-poster-texts";
import { extractPdfText } from "../support/pdf-text";

const root = join(import.meta.dirname, "../..");
const TOKEN = "compiled-server-admin-token-0123456789";
const dir = mkdtempSync(join(tmpdir(), "compiled-server-"));
let server: ServerProcess;

// What `npm ci && npm start` runs on a fresh machine: the bundle in dist/, not the TypeScript.
beforeAll(async () => {
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "ignore" });
  server = await startServerProcess(
    { DATABASE_URL: `file:${join(dir, "app.db")}`, ADMIN_API_TOKEN: TOKEN, NODE_ENV: "production" },
    { compiled: true },
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the compiled server (npm start)", () => {
  it("applies the migrations and serves the web chat page from its public folder", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<html");
  });

  it("gives an officer a QR code that scans and a poster in Vietnamese, rendered by the compiled worker", async () => {
    const venue = await registerVenue(server.url, TOKEN, { name: "Tiem tap hoa Co Ba" });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const png = Buffer.from(
      await (await fetch(`${server.url}/api/v1/venues/${venue.id}/qr.png`, { headers: auth })).arrayBuffer(),
    );
    const image = PNG.sync.read(png);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toContain(venue.code);
    const pdf = await fetch(`${server.url}/api/v1/venues/${venue.id}/poster.pdf`, { headers: auth });
    expect(pdf.status).toBe(200);
    const { text } = await extractPdfText(Buffer.from(await pdf.arrayBuffer()));
    const squash = (t: string) => t.replace(/\s+/g, "");
    expect(squash(text)).toContain(squash("Tiem tap hoa Co Ba"));
    expect(squash(text)).toContain(squash(posterTextsFromLocales().vi.title));
  });

  it("serves the dashboard's scripts", async () => {
    expect((await fetch(`${server.url}/admin/assets/dashboard.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/admin/assets/chart.umd.js`)).status).toBe(200);
  });
});
