import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { countByChat, rateLimitedResponder, seedSubscribers } from "../test/helpers/broadcast-fixtures";
import { FakeBotApi } from "../test/helpers/fake-bot-api";
import { round } from "./median";
import { startProcess } from "./process";

const ADMIN = "bench-admin-token-0123456789abcdefgh";

export interface BroadcastBench {
  recipients: number;
  limitPerSec: number;
  achievedPerSec: number;
  ratio: number;
  status429: number;
  duplicates: number;
  missing: number;
}

/**
 * A district-wide broadcast to `recipients` Telegram subscribers through the real server (its own process,
 * SQLite), against a stand-in Bot API that answers 429 to anything above `limitPerSec` in any second.
 */
export async function measureBroadcast(
  root: string,
  opts: { recipients: number; limitPerSec: number },
): Promise<BroadcastBench> {
  const tmp = join(root, "bench/tmp/broadcast");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const databaseUrl = `file:${join(tmp, "bench.db")}`;
  await migrate(databaseUrl);
  const database = openDatabase(databaseUrl);
  const chats = await seedSubscribers(database.db, opts.recipients);
  await database.close();

  const api = new FakeBotApi();
  const apiRoot = await api.start();
  const stats = rateLimitedResponder(api, opts.limitPerSec);
  const server = await startProcess(root, "src/main.ts", {
    DATABASE_URL: databaseUrl,
    ADMIN_API_TOKEN: ADMIN,
    TELEGRAM_BOT_TOKEN: "123456:BENCH-token",
    TELEGRAM_WEBHOOK_SECRET: "bench-secret",
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_RATE_LIMIT_PER_SEC: String(opts.limitPerSec),
    RATE_BUDGET: "local",
    LOG_LEVEL: "warn",
  });
  try {
    const headers = { "content-type": "application/json", authorization: `Bearer ${ADMIN}` };
    const created = await fetch(`${server.url}/api/v1/broadcasts`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        text: "Nhắc nhở: quét mã QR khi vào cơ quan, chợ, cửa hàng.",
        audience: { all: true },
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const deadline = Date.now() + (opts.recipients / opts.limitPerSec) * 3000 + 30_000;
    for (;;) {
      const status = (await (await fetch(`${server.url}/api/v1/broadcasts/${id}`, { headers })).json()) as {
        status: string;
      };
      if (status.status === "done" || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    server.child.kill("SIGTERM");
    await api.stop();
  }
  const times = stats.accepted.map((d) => d.at);
  const achieved =
    times.length > 1 ? ((times.length - 1) * 1000) / (Math.max(...times) - Math.min(...times)) : 0;
  const perChat = countByChat(stats.accepted);
  return {
    recipients: opts.recipients,
    limitPerSec: opts.limitPerSec,
    achievedPerSec: round(achieved, 1),
    ratio: round(achieved / opts.limitPerSec, 3),
    status429: stats.status429,
    duplicates: [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    missing: chats.filter((c) => !perChat.has(c)).length,
  };
}
