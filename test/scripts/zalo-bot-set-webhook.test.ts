import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { TEST_ZALO_BOT_TOKEN, zaloBotEnv } from "../helpers/test-server";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = fileURLToPath(new URL("../../scripts/zalo-bot-set-webhook.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/** Runs the script asynchronously: the stand-in answers from this very process. */
function run(env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script], { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("close", (status) => resolve({ status, out }));
  });
}

describe("npm run zalo:bot:set-webhook", () => {
  const api = new FakeZaloBotApi();
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { ...zaloBotEnv(await api.start()), DATABASE_URL: "file::memory:" };
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.calls.length = 0;
    api.responder = undefined;
  });

  it("registers the webhook URL with the secret and says so once Zalo reports it", async () => {
    api.responder = (call) =>
      call.method === "getWebhookInfo"
        ? {
            status: 200,
            body: {
              ok: true,
              result: { url: "https://helpdesk.example.test/webhooks/zalo-bot", updated_at: 1 },
            },
          }
        : undefined;
    const { status, out } = await run(env);
    expect(out.trim()).toBe("Zalo Bot webhook set: https://helpdesk.example.test/webhooks/zalo-bot");
    expect(status).toBe(0);
    expect(api.calls[0]?.body).toMatchObject({ url: "https://helpdesk.example.test/webhooks/zalo-bot" });
  }, 30_000);

  it("a refused setWebhook is shown with Zalo's code and description and exits non-zero, token never printed", async () => {
    api.responder = (call) =>
      call.method === "setWebhook"
        ? { status: 400, body: { ok: false, error_code: 400, description: "Domain is not verified" } }
        : undefined;
    const { status, out } = await run(env);
    expect(status).toBe(1);
    expect(out).toContain("Zalo Bot webhook NOT set");
    expect(out).toContain("Domain is not verified");
    expect(out).not.toContain(TEST_ZALO_BOT_TOKEN);
  }, 30_000);

  it("an answer naming another URL is a failure too", async () => {
    api.responder = (call) =>
      call.method === "setWebhook" || call.method === "getWebhookInfo"
        ? { status: 200, body: { ok: true, result: { url: "", updated_at: 1 } } }
        : undefined;
    const { status, out } = await run(env);
    expect(status).toBe(1);
    expect(out).toContain(
      "Zalo Bot webhook NOT set: asked for https://helpdesk.example.test/webhooks/zalo-bot",
    );
  }, 30_000);
});
