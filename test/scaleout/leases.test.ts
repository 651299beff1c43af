import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { ConversationEngine } from "../../src/core/conversation-engine";
import { InboxProcessor } from "../../src/core/inbox-processor";
import { silentLogger } from "../../src/core/logger";
import type { Inbound } from "../../src/core/messages";
import { Scheduler } from "../../src/core/scheduler";
import { type Database, openDatabase } from "../../src/db/database";
import { createMessageStores } from "../../src/db/message-stores";
import { PgAdvisoryLeases } from "../../src/db/pg-advisory-leases";
import { freshDatabaseUrl } from "../helpers/test-database";

const onPostgres = inject("dbProvider") === "postgresql";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One app process as far as the inbox is concerned: its own connections, leases and processor. */
function processOn(url: string, name: string, journal: { running: Map<string, string>; log: Entry[] }) {
  const database: Database = openDatabase(url);
  const { inbox } = createMessageStores(database);
  const leases = new PgAdvisoryLeases(url);
  // A turn that takes a few milliseconds, notes whether another process was inside the same conversation,
  // and commits as the real one does: only if the update is still pending.
  const engine = {
    async handle(inboxId: number, inbound: Inbound) {
      const key = inbound.externalId;
      const overlap = journal.running.get(key);
      journal.running.set(key, name);
      await sleep(2 + Math.random() * 6);
      journal.running.delete(key);
      const changed = await database.sql.run((sql) =>
        sql.run(
          `UPDATE "InboxUpdate" SET "status" = 'done' WHERE "id" = ? AND "status" = 'pending'`,
          inboxId,
        ),
      );
      journal.log.push({ key, inboxId, process: name, overlap: overlap ?? null, committed: changed === 1 });
    },
  } as unknown as ConversationEngine;
  const parse = (record: { conversationKey: string }) =>
    ({
      channel: "webchat",
      externalId: record.conversationKey,
      event: { type: "text", text: "hi" },
    }) as Inbound;
  const processor = new InboxProcessor(inbox, engine, { webchat: parse }, silentLogger, () => {}, 4, {
    leases,
  });
  return {
    processor,
    leases,
    async close() {
      await processor.stop();
      await leases.close();
      await database.close();
    },
  };
}

type Entry = { key: string; inboxId: number; process: string; overlap: string | null; committed: boolean };

describe.skipIf(!onPostgres)("several processes on one PostgreSQL database (leases)", () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it("runs each conversation's updates one at a time, in the order they were stored, whichever process stored them", async () => {
    const url = await freshDatabaseUrl();
    const journal = { running: new Map<string, string>(), log: [] as Entry[] };
    const a = processOn(url, "a", journal);
    const b = processOn(url, "b", journal);
    closers.push(a.close, b.close);
    const stored = new Map<string, number[]>();
    // 12 people, 15 messages each; each person's messages alternate between the processes (a round-robin
    // load balancer) and a person sends the next one once the previous was acknowledged, as platforms do.
    await Promise.all(
      Array.from({ length: 12 }, async (_, person) => {
        const key = `chat-${person}`;
        for (let n = 0; n < 15; n++) {
          const via = n % 2 === 0 ? a : b;
          const { id } = await via.processor.accept({
            channel: "webchat",
            updateKey: `${key}:${n}`,
            conversationKey: key,
            payload: "{}",
          });
          stored.set(key, [...(stored.get(key) ?? []), id]);
          await sleep(Math.random() * 4);
        }
      }),
    );
    for (let waited = 0; journal.log.length < 12 * 15 && waited < 15_000; waited += 50) await sleep(50);

    expect(journal.log.filter((e) => e.overlap !== null)).toEqual([]);
    expect(journal.log.filter((e) => !e.committed)).toEqual([]);
    for (const [key, ids] of stored) {
      expect(journal.log.filter((e) => e.key === key).map((e) => e.inboxId)).toEqual(ids);
    }
    // Both processes did turns: the lease moves between them instead of one process taking everything.
    expect(new Set(journal.log.map((e) => e.process))).toEqual(new Set(["a", "b"]));
  }, 30_000);

  it("runs a job in one process at a time, and in another one as soon as the holder's connection is gone", async () => {
    const url = await freshDatabaseUrl();
    const leasesA = new PgAdvisoryLeases(url);
    const leasesB = new PgAdvisoryLeases(url);
    closers.push(
      () => leasesA.close(),
      () => leasesB.close(),
    );
    let inside = 0;
    let most = 0;
    const runs: string[] = [];
    const job = (process: string, hang?: Promise<void>) => ({
      jobName: "due-broadcasts",
      async tick() {
        inside++;
        most = Math.max(most, inside);
        runs.push(process);
        await (hang ?? sleep(5));
        inside--;
      },
    });
    const a = new Scheduler([job("a")], silentLogger, { leases: leasesA });
    const b = new Scheduler([job("b")], silentLogger, { leases: leasesB });
    for (let i = 0; i < 20; i++) await Promise.all([a.tick(), b.tick()]);
    expect(most).toBe(1);
    expect(runs.length).toBeGreaterThanOrEqual(20);

    // Process "c" stops in the middle of the job (killed: it never finishes, never unlocks).
    const leasesC = new PgAdvisoryLeases(url);
    const c = new Scheduler([job("c", new Promise(() => {}))], silentLogger, { leases: leasesC });
    void c.tick();
    await sleep(200);
    runs.length = 0;
    await b.tick();
    expect(runs).toEqual([]);
    // Its connections die with it: the server drops their locks, and the next tick elsewhere runs the job.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'helpdesk-leases' AND datname = current_database()
         AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')`,
    );
    await admin.end();
    inside = 0;
    await b.tick();
    expect(runs).toEqual(["b"]);
  }, 30_000);
});
