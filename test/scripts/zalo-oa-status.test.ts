import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { freshDatabaseUrl } from "../helpers/test-database";
import { TEST_ZALO_OA_APP_SECRET, zaloOaEnv } from "../helpers/test-server";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));

function run(name: string, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script(name)], { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    const add = (d: Buffer) => {
      out += d.toString();
    };
    child.stdout.on("data", add);
    child.stderr.on("data", add);
    child.on("close", (status) => resolve({ status, out }));
  });
}

describe("npm run zalo:oa:status", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let root: string;
  beforeAll(async () => {
    root = await api.start();
  });
  afterAll(() => api.stop());

  it("without a grant it says so and how to authorise; with one it prints state, expiry and the OA's name", async () => {
    const env: Record<string, string> = {
      ...zaloOaEnv(root, api.issue()),
      DATABASE_URL: await freshDatabaseUrl(),
    };
    const { ZALO_OA_ACCESS_TOKEN: _a, ZALO_OA_REFRESH_TOKEN: _r, ...unseeded } = env;
    const none = await run("zalo-oa-status.ts", unseeded);
    expect(none.status).toBe(1);
    expect(none.out).toContain("Zalo OA grant: none. Authorise the app: npm run zalo:oa:authorize -- <code>");

    const ok = await run("zalo-oa-status.ts", env);
    expect(ok.status).toBe(0);
    const lines = ok.out.trim().split("\n");
    expect(lines[0]).toBe("Zalo OA grant: active");
    expect(lines[1]).toMatch(
      /^Access token valid until \d{4}-\d{2}-\d{2}T.*Z \(refreshed daily by the server\)$/,
    );
    expect(lines[2]).toBe("OA: UBND huyện Bình Sơn (id 3886132808788437521, verified, package Nâng cao)");
    expect(ok.out).not.toMatch(/OA\.(acc|ref)\./);
  }, 60_000);
});
