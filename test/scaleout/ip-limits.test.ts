import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { freshDatabaseUrl } from "../helpers/test-database";

const onPostgres = inject("dbProvider") === "postgresql";
const LIMIT = 10;

/**
 * Behind a round-robin balancer one flooder's posts reach every process in turn; counted per process, N
 * processes let N times the limit through. On PostgreSQL the count is kept in the database (ADR 016).
 */
describe.skipIf(!onPostgres)("the per-IP limit holds in total across two processes", () => {
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of processes) await p.stop();
  });

  it("a script posting to the web chat through two processes in turn gets the limit, not twice it", async () => {
    const env = {
      DATABASE_URL: await freshDatabaseUrl(),
      MIGRATE_ON_START: "off",
      SESSION_SECRET: "a-shared-secret-for-every-process-0123456789",
      WEBCHAT_POSTS_PER_MINUTE: String(LIMIT),
    };
    processes.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    // A sliding window (ADR 016): the count holds across a minute boundary too, so no waiting for one.

    let cookie = "";
    const statuses: number[] = [];
    for (let i = 0; i < 3 * LIMIT; i++) {
      const target = processes[i % 2];
      if (!target) throw new Error("no process");
      const res = await fetch(`${target.url}/webchat/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ clientId: randomUUID(), text: `xin chào ${i}` }),
      });
      cookie = res.headers.get("set-cookie")?.split(";")[0] ?? cookie;
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
  }, 120_000);
});
