import { describe, expect, it, onTestFailed } from "vitest";
import { migrate } from "../../src/db/migrate";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { postgresBin, startPrivatePostgres } from "../helpers/private-postgres";
import { startServerProcess } from "../helpers/server-process";
import { TEST_WEBHOOK_SECRET, telegramEnv } from "../helpers/test-server";

const bin = postgresBin();

describe("PostgreSQL restarted under load", () => {
  // Needs Debian's PostgreSQL binaries to run a private server it can stop; .ci/run installs them.
  it.skipIf(!bin)(
    "nothing unstored is acknowledged, /readyz reports the gap, and the server reconnects",
    async () => {
      if (!bin) return;
      const pg = await startPrivatePostgres(bin);
      await migrate(pg.url);
      const api = new FakeBotApi();
      // Debug logs: if this ever fails, the dump below shows every update processed and every retry.
      const server = await startServerProcess({
        ...telegramEnv(await api.start()),
        DATABASE_URL: pg.url,
        LOG_LEVEL: "debug",
      });
      onTestFailed(() => console.error(`server output:\n${server.output.join("")}`));
      const post = (id: number) =>
        fetch(`${server.url}/webhooks/telegram`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET,
          },
          body: JSON.stringify({
            update_id: id,
            message: {
              message_id: id,
              date: 0,
              chat: { id: 5000 + id, type: "private" },
              from: { id: 5000 + id },
              text: "/help",
            },
          }),
        });
      try {
        expect((await post(1)).status).toBe(200);
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        pg.stop();
        const during = await post(2);
        expect(during.status).toBe(503);
        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(503);
        const gap = (await ready.json()) as { database: string; downSince: string; lastOk: string };
        expect(gap.database).toBe("down");
        expect(new Date(gap.downSince).getTime()).toBeGreaterThanOrEqual(new Date(gap.lastOk).getTime());

        pg.start();
        const deadline = Date.now() + 20_000;
        while ((await fetch(`${server.url}/readyz`)).status !== 200 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
        }
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        // Telegram retries the refused update; now it is stored and answered.
        expect((await post(2)).status).toBe(200);
        // Both are answered: the refused one after its retry, and the one acknowledged just before the outage,
        // whose processing the outage interrupted (or whose commit the crash undid), by the sweep of all
        // pending updates that the server runs once the database answers again.
        await api.waitFor(() => api.textsTo(5002).length >= 1 && api.textsTo(5001).length >= 1, 20_000);
      } finally {
        await server.stop();
        await api.stop();
        pg.stopQuietly();
      }
    },
    120_000,
  );
});
