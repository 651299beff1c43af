import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { WebchatEntry } from "../../src/channels/webchat/webchat-store";
import { openDatabase } from "../../src/db/database";
import { ADMIN_TOKEN, adminApi, seedSubscribers } from "../helpers/broadcast-fixtures";
import { NGINX, nginxAvailable, startNginx } from "../helpers/nginx";
import { freePort, type ServerProcess, startServerProcess } from "../helpers/server-process";
import { freshDatabaseUrl } from "../helpers/test-database";

/**
 * 50 people in CI (issue 21). SCALEOUT_CHATS runs fewer on a crowded machine, where each process gets a
 * fraction of a core and 1,000 messages take minutes; the checks are the same.
 */
const CHATS = Number(process.env.SCALEOUT_CHATS ?? 50);
const BROADCAST_RECIPIENTS = 30;
const onPostgres = inject("dbProvider") === "postgresql";
if (onPostgres && !nginxAvailable)
  console.warn(`load-balanced scale-out test skipped: no nginx at ${NGINX} (apt-get install -y nginx)`);

/** The processes run the compiled build, as `npm start` does: it starts in a fraction of tsx's time. */
const start = (env: Record<string, string>, port: number) =>
  startServerProcess(env, { port, compiled: true, readyWithinMs: 60_000 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One person on the web chat page, through the load balancer; retries a message as the page would. */
class Person {
  private cookie = "";
  constructor(private readonly baseUrl: string) {}

  async say(input: string | { payload: string }): Promise<void> {
    const body = { clientId: randomUUID(), ...(typeof input === "string" ? { text: input } : input) };
    for (let attempt = 0; ; attempt++) {
      // The same clientId each time: a message stored before its process died is a duplicate, not new.
      const res = await fetch(`${this.baseUrl}/webchat/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
        body: JSON.stringify(body),
      }).catch(() => undefined);
      const set = res?.headers.get("set-cookie");
      if (set) this.cookie = set.split(";")[0] ?? "";
      if (res && res.status < 300) return;
      if (res && res.status < 500) throw new Error(`web chat answered ${res.status}: ${await res.text()}`);
      if (attempt > 40) throw new Error(`web chat kept failing (${res?.status ?? "no answer"})`);
      await sleep(250);
    }
  }

  /** Every bot line of the conversation so far, oldest first, with what differs between people masked. */
  async botLines(): Promise<string[]> {
    return (await this.rawBotLines()).map(masked);
  }

  private async rawBotLines(): Promise<string[]> {
    const res = await fetch(`${this.baseUrl}/webchat/api/messages?after=0`, {
      headers: { cookie: this.cookie },
    });
    const { messages } = (await res.json()) as { messages: WebchatEntry[] };
    return messages.flatMap((m) =>
      m.from === "bot" ? [m.message.kind === "text" ? m.message.text : `[${m.message.kind}]`] : [],
    );
  }

  /** Waits for a bot line matching `pattern` (a survey question queued by a scheduler tick somewhere). */
  async waitForLine(pattern: RegExp): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!(await this.rawBotLines()).some((l) => pattern.test(l))) {
      if (Date.now() > deadline) throw new Error(`no line matching ${pattern}`);
      await sleep(250);
    }
  }

  /**
   * The venue code in the registration's last answer. The page stops waiting for answers after a few
   * seconds (the QR and the poster may take longer to render under load), so it looks again meanwhile.
   */
  async venueCode(): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const lines = await this.rawBotLines();
      const code = lines.join("\n").match(/Mã địa điểm: ([2-9A-Z]{10})/)?.[1];
      if (code) return code;
      if (Date.now() > deadline) throw new Error(`no venue code in the transcript: ${lines.join(" | ")}`);
      await sleep(250);
    }
  }
}

/** Reads until the lines stop changing for a second (and there are at least `atLeast`), at most 30 s. */
async function settled(read: () => Promise<string[]>, atLeast = 0): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  let last = await read();
  for (;;) {
    await sleep(1_000);
    const now = await read();
    if ((now.length === last.length && now.length >= atLeast) || Date.now() > deadline) return now;
    last = now;
  }
}

function masked(line: string): string {
  // Venue codes first: a random code may hold "K4Z", which the person's number mask would break up.
  return line
    .replace(/[2-9A-Z]{10}/g, "CODE")
    .replace(/K\d+Z/g, "K#Z")
    .replace(/\d{1,2}:\d{2}/g, "HH:MM");
}

/** Twenty quick messages: a venue registration with mistakes, an edit, then a check-in at the new venue. */
async function conversation(person: Person, n: number): Promise<void> {
  const mark = `K${n}Z`;
  const steps: (string | { payload: string })[] = [
    "/start",
    { payload: "venues:start" },
    "Q",
    `Quán Hoa Sen ${mark}`,
    "pizza",
    "Nhà hàng/quán ăn/cà phê",
    "Xã Atlantis",
    "thi tran chau o",
    `${mark} Phạm Văn Đồng`,
    "Nguyễn 2",
    "Nguyễn Thị Lan",
    "12345",
    "84-905-123-456",
    { payload: "venue:edit" },
    { payload: "venue:field:address" },
    `${mark}A Phạm Văn Đồng`,
    { payload: "venue:confirm" },
  ];
  for (const step of steps) await person.say(step);
  await person.say(`/start c_${await person.venueCode()}`);
  await person.say("ko");
  await person.say("khong");
}

describe.skipIf(!onPostgres || !nginxAvailable)("three processes behind nginx on one PostgreSQL", () => {
  const processes: ServerProcess[] = [];
  let balancer: { stop(): Promise<void> } | undefined;
  afterAll(async () => {
    await balancer?.stop();
    for (const p of processes) await p.stop();
  });

  it("answers 50 people's 20 messages each completely, in order and once, while one process is killed and restarted; they answer a survey once each", async () => {
    const databaseUrl = await freshDatabaseUrl();
    const seeded = openDatabase(databaseUrl);
    const subscribers = await seedSubscribers(seeded.db, BROADCAST_RECIPIENTS, {
      channel: "webchat",
      firstChatId: 900_000,
    });
    const env = {
      DATABASE_URL: databaseUrl,
      // Migrated once beforehand, as a deploy does (docs/deploy/README.md).
      MIGRATE_ON_START: "off",
      SESSION_SECRET: "a-shared-secret-for-every-process-0123456789",
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      SCHEDULER_TICK_MS: "200",
      // Rows the killed process had claimed come back after this; shorter would also expire the claims of
      // live processes that a crowded machine slows down.
      OUTBOX_LEASE_MS: "10000",
      WEBCHAT_POSTS_PER_MINUTE: "1000000",
      PUBLIC_URL: "https://qr.binhson.example",
    };
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    execFileSync(process.execPath, [join(import.meta.dirname, "../../scripts/build.mjs"), "--if-stale"]);
    processes.push(...(await Promise.all(ports.map((port) => start(env, port)))));
    const lbPort = await freePort();
    balancer = await startNginx(lbPort, ports);
    const base = `http://127.0.0.1:${lbPort}`;

    // A broadcast scheduled to go out while the people are talking and a process is down.
    const created = await adminApi(base)("/api/v1/broadcasts", {
      text: "Nhắc lịch tiêm mũi nhắc lại tại trạm y tế xã.",
      audience: { all: true },
      sendAt: new Date(Date.now() + 4_000).toISOString(),
    });
    expect(created.status).toBe(201);

    const people = Array.from({ length: CHATS }, () => new Person(base));
    let said = 0;
    const counting = people.map((p) => {
      const say = p.say.bind(p);
      p.say = async (input) => {
        await say(input);
        said++;
      };
      return p;
    });
    const started = Date.now();
    const progress = setInterval(
      () => console.log(`${said} messages after ${Date.now() - started} ms`),
      5_000,
    );
    const talks = Promise.all(counting.map((p, n) => conversation(p, n))).finally(() =>
      clearInterval(progress),
    );
    // Mid-run, one process dies without a word (kill -9) and comes back a little later on its port.
    const killer = (async () => {
      while (said < (CHATS * 20) / 3) await sleep(20);
      console.log(`killing one process after ${said} messages`);
      const victim = processes[1];
      if (!victim) throw new Error("no second process");
      await victim.kill9();
      await sleep(1_500);
      processes[1] = await start(env, ports[1] ?? 0);
    })();
    await Promise.all([talks, killer]);

    // Every person saw the same conversation: each answer once, in the order of their messages. The last
    // answers may still be on their way (the page's wait is short).
    const expectedLines = await settled(() => people[0]?.botLines() ?? Promise.resolve([]));
    const transcripts = await Promise.all(
      people.map((p) => settled(() => p.botLines(), expectedLines.length)),
    );
    const reference = transcripts[0] ?? [];
    expect(reference.filter((l) => l.startsWith("🎉 Đã đăng ký xong"))).toHaveLength(1);
    expect(reference.findIndex((l) => /^Bước 6\/6/.test(l))).toBeLessThan(
      reference.findIndex((l) => l.startsWith("🎉")),
    );
    for (const [n, lines] of transcripts.entries()) expect({ n, lines }).toEqual({ n, lines: reference });

    // Every person now owns a venue: an officer surveys the owners, and each answers both questions by
    // tapping, each tap reaching the next process in turn.
    const asked = await adminApi(base)("/api/v1/surveys", {
      title: "Niêm yết mã QR",
      questions: [
        { kind: "yesno", text: "Cơ sở của bạn đã niêm yết mã QR chưa?" },
        { kind: "yesno", text: "Nhân viên của cơ sở đã tiêm đủ mũi chưa?" },
      ],
      audience: { roles: ["venue-owner"] },
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(asked.status).toBe(201);
    const surveyId = String(asked.json.id);
    await Promise.all(
      people.map(async (p) => {
        await p.waitForLine(/niêm yết mã QR chưa/);
        await p.say({ payload: `survey:a:${surveyId}:0:yes` });
        await p.waitForLine(/tiêm đủ mũi chưa/);
        await p.say({ payload: `survey:a:${surveyId}:1:no` });
      }),
    );
    // Queued once by one scheduler (each owner asked once), each question once, each answer once.
    for (const lines of await Promise.all(people.map((p) => settled(() => p.botLines())))) {
      expect(lines.filter((l) => /niêm yết mã QR chưa/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => /tiêm đủ mũi chưa/.test(l))).toHaveLength(1);
    }

    const db = openDatabase(databaseUrl);
    try {
      // One venue and one visit per person, whatever ran twice or was taken over.
      const venues = await db.db.venue.groupBy({ by: ["ownerContactId"], _count: true });
      expect(venues).toHaveLength(CHATS);
      expect(venues.every((v) => v._count === 1)).toBe(true);
      const visits = await db.db.visit.groupBy({ by: ["contactId"], _count: true });
      expect(visits).toHaveLength(CHATS);
      expect(visits.every((v) => v._count === 1)).toBe(true);
      const answers = await db.db.surveyAnswer.groupBy({ by: ["contactId"], _count: true });
      expect(answers).toHaveLength(CHATS);
      expect(answers.every((a) => a._count === 2)).toBe(true);
      expect(await db.db.surveyRecipient.count({ where: { surveyId, status: "done" } })).toBe(CHATS);

      // The scheduled broadcast went out once: one broadcast, each subscriber's line once.
      const deadline = Date.now() + 20_000;
      let lines: { sessionId: string }[] = [];
      while (Date.now() < deadline) {
        lines = await db.db.webchatMessage.findMany({
          where: { sessionId: { in: subscribers }, body: { contains: "Nhắc lịch tiêm" } },
          select: { sessionId: true },
        });
        if (lines.length >= BROADCAST_RECIPIENTS) break;
        await sleep(200);
      }
      await sleep(500);
      lines = await db.db.webchatMessage.findMany({
        where: { sessionId: { in: subscribers }, body: { contains: "Nhắc lịch tiêm" } },
        select: { sessionId: true },
      });
      expect(lines.map((l) => l.sessionId).sort()).toEqual([...subscribers].sort());
      expect(await db.db.broadcast.count()).toBe(1);
    } finally {
      await db.close();
    }
  }, 300_000);
});
