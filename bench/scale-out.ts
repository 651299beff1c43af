import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../src/db/migrate";
import { round } from "./median";
import { startProcess } from "./process";
import { makeUpdate, serverBenchEnv } from "./webhook";

const SECRET_HEADER = {
  "x-telegram-bot-api-secret-token": "bench-secret",
  "content-type": "application/json",
};

export interface ScaleOutRun {
  processes: number;
  updates: number;
  /** Updates acknowledged per second while they were sent. */
  acknowledgedPerSec: number;
  /** Updates processed (answered) per second, from the first send until the inbox was empty. */
  processedPerSec: number;
  /** Turns that ran twice or out of order would leave updates pending or failed; none may. */
  failed: number;
}

export interface ScaleOutBench {
  runs: ScaleOutRun[];
  /** processed/s with two processes over processed/s with one. */
  ratio: number;
}

/**
 * Processed updates per second with one and with two server processes on the same PostgreSQL server
 * (docs/adr/017-capacity-plan.md), side by side in one run: each gets a fresh database, the same updates
 * (5,000 people's /start, menu buttons, FAQ questions and registration steps) sent round robin over the
 * processes by 32 connections, and the time until every update has been processed.
 */
export async function measureScaleOut(
  root: string,
  options: { databaseUrl: string; quick: boolean },
): Promise<ScaleOutBench> {
  const api = await startProcess(root, "bench/stand-in-bot-api.ts", {});
  const runs: ScaleOutRun[] = [];
  try {
    for (const processes of [1, 2]) {
      runs.push(await runWith(root, options.databaseUrl, api.url, processes, options.quick ? 3000 : 10_000));
    }
  } finally {
    api.child.kill("SIGTERM");
  }
  const [one, two] = runs;
  return { runs, ratio: one && two ? round(two.processedPerSec / one.processedPerSec, 2) : 0 };
}

async function runWith(
  root: string,
  serverUrl: string,
  apiUrl: string,
  processes: number,
  updates: number,
): Promise<ScaleOutRun> {
  const name = `bench_scale_${processes}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await migrate(databaseUrl);
    const env = { ...serverBenchEnv(apiUrl, databaseUrl), MIGRATE_ON_START: "off" };
    const started = await Promise.all(
      Array.from({ length: processes }, () => startProcess(root, "src/main.ts", env)),
    );
    children.push(...started.map((s) => s.child));
    const urls = started.map((s) => s.url);
    await db.connect();
    const first = Math.floor(Math.random() * 1e9);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let i = next++; i < updates; i = next++) {
          const res = await fetch(`${urls[i % urls.length]}/webhooks/telegram`, {
            method: "POST",
            headers: SECRET_HEADER,
            body: makeUpdate(first + i),
          });
          await res.arrayBuffer();
        }
      }),
    );
    const acknowledged = performance.now();
    for (;;) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM "InboxUpdate" WHERE "status" = 'pending'`,
      );
      if (Number(rows[0]?.n) === 0) break;
      if (performance.now() - acknowledged > 300_000) throw new Error("the inbox did not drain in 5 minutes");
      await new Promise((r) => setTimeout(r, 50));
    }
    const drained = performance.now();
    const { rows } = await db.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM "InboxUpdate" WHERE "status" = 'failed'`,
    );
    return {
      processes,
      updates,
      acknowledgedPerSec: round(updates / ((acknowledged - t0) / 1000), 1),
      processedPerSec: round(updates / ((drained - t0) / 1000), 1),
      failed: Number(rows[0]?.n ?? 0),
    };
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))),
    );
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
    await admin.end();
  }
}
