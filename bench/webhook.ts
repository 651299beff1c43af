import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { loadTest } from "loadtest";
import { type Database, openDatabase } from "../src/db/database";
import { round } from "./median";
import { type ProbeStats, readProbe, rssMb, startProcess } from "./process";

const TOKEN = "123456:BENCH-token";
const SECRET = "bench-secret";

/**
 * Realistic updates: /start, menu buttons, FAQ questions and registration steps, from 5,000 people (with
 * fewer, each chat would get more than Telegram's one message per second and replies would queue up).
 */
export function makeUpdate(n: number): string {
  const chatId = 10_000 + (n % 5000);
  const from = { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" };
  const chat = { id: chatId, type: "private" };
  const kind = n % 6;
  if (kind === 1 || kind === 4) {
    const data = kind === 1 ? "faq:menu" : "lang:menu";
    return JSON.stringify({
      update_id: n,
      callback_query: {
        id: `q${n}`,
        from,
        chat_instance: "1",
        message: { message_id: 1, date: 0, chat },
        data,
      },
    });
  }
  const texts = ["/start", "", "ko nhan dc ma otp", "/venue", "", "Quán Cà Phê Hoa Sen"];
  return JSON.stringify({ update_id: n, message: { message_id: n, date: 0, chat, from, text: texts[kind] } });
}

type Load = Awaited<ReturnType<typeof load>>;
type Phase = Load & { processedPerSec: number; drainMs: number };

/**
 * Runs a load and waits until every acknowledged update has been processed: acknowledging is only half
 * the work, so the rate of processed updates (load time plus the time to drain the backlog) is reported
 * next to the rate of acknowledgements.
 */
async function processed(database: Database, run: () => Promise<Load>): Promise<Phase> {
  const { db } = database;
  const done = () => db.inboxUpdate.count({ where: { status: { not: "pending" } } });
  const before = await done();
  const started = performance.now();
  const result = await run();
  const loaded = performance.now();
  while ((await db.inboxUpdate.count({ where: { status: "pending" } })) > 0) {
    if (performance.now() - loaded > 300_000) throw new Error("the inbox did not drain within 5 minutes");
    await new Promise((r) => setTimeout(r, 50));
  }
  const finished = performance.now();
  const count = (await done()) - before;
  return {
    ...result,
    processedPerSec: round(count / ((finished - started) / 1000), 1),
    drainMs: Math.round(finished - loaded),
  };
}

let n = Math.floor(Math.random() * 1e9);

/** The server's environment in the benches: Telegram through the stand-in Bot API at `apiUrl`. */
export function serverBenchEnv(apiUrl: string, databaseUrl: string): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: apiUrl,
    TELEGRAM_RATE_LIMIT_PER_SEC: "1000",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
  };
}

const HEADERS = { "x-telegram-bot-api-secret-token": SECRET };

/**
 * autocannon, closed loop: each connection sends its next update when the previous one is answered. Without
 * a rate this finds the saturation throughput. With `overallRate` it is not a steady rate: each connection
 * sends its share of the second back to back as soon as the second starts (autocannon's httpClient.js), so
 * "200/s" arrives as a burst of 200 at full speed, once a second — reported as the burst figure.
 */
async function load(url: string, options: { durationSec: number; rate?: number; connections: number }) {
  const result = await autocannon({
    url: `${url}/webhooks/telegram`,
    method: "POST",
    headers: { "content-type": "application/json", ...HEADERS },
    connections: options.connections,
    duration: options.durationSec,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, body: makeUpdate(n++) }) }],
  });
  return {
    updatesPerSec: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** What loadtest returns (its bundled typings describe an older version). */
interface LoadtestResult {
  totalRequests: number;
  totalErrors: number;
  effectiveRps: number;
  percentiles: Record<string, number>;
}

/**
 * loadtest, open loop: one update every 1/rate seconds whatever the answers do (a new connection is opened
 * when all are busy), as a platform delivers messages that people send. Latency is timed from each send, so
 * a slow answer cannot hold back the requests after it and hide its cost.
 */
export async function steady(url: string, options: { durationSec: number; rate: number }) {
  const run = loadTest as unknown as (options: object) => Promise<LoadtestResult>;
  const result = await run({
    url: `${url}/webhooks/telegram`,
    method: "POST",
    contentType: "application/json",
    headers: HEADERS,
    body: () => makeUpdate(n++),
    requestsPerSecond: options.rate,
    maxSeconds: options.durationSec,
    agentKeepAlive: true,
    quiet: true,
  });
  return {
    updatesPerSec: result.effectiveRps,
    p50Ms: result.percentiles["50"] ?? 0,
    p99Ms: result.percentiles["99"] ?? 0,
    non2xx: result.totalErrors,
    errors: result.totalErrors,
  };
}

export interface WebhookBench {
  /** A steady 200 updates/s (loadtest, open loop): the goal's "p99 at 200 updates/s". */
  target: {
    rate: number;
    updatesPerSec: number;
    p50Ms: number;
    p99Ms: number;
    non2xx: number;
    processedPerSec: number;
    drainMs: number;
    /** The bare echo bot at the same steady rate: what the machine and the load generator add. */
    baselineP50Ms: number;
    baselineP99Ms: number;
    /** Measured inside our server (bench/server-probe.mjs): request time and event-loop lateness. */
    server: ProbeStats;
  };
  /** autocannon's overallRate 200: 200 updates sent as fast as 20 connections allow, once a second. */
  burst: { rate: number; p50Ms: number; p99Ms: number; baselineP50Ms: number; baselineP99Ms: number };
  /** Acknowledged updates per second at saturation. */
  updatesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Updates processed (answered) per second over the saturation run and the drain after it. */
  processedPerSec: number;
  drainMs: number;
  baselineUpdatesPerSec: number;
  ratio: number;
  /** Processed (answered) per second over acknowledged per second of the echo bot: the 0.5× goal. */
  processedRatio: number;
  /**
   * The realistic peer at saturation (bench/baseline-session.ts: telegraf + express + a SQLite session, one
   * read, write and reply per update; it answers each update before acknowledging it).
   */
  peerUpdatesPerSec: number;
  /** Ours processed over the peer's answered: the 1.0× goal. */
  peerRatio: number;
  rssPeakMb: number | null;
  /** Each part of the server's memory at its highest under the saturation load (the probe's samples). */
  memoryPeakMb: ProbeStats["memoryPeakMb"];
  database: string;
}

const RATE = 200;
const CONNECTIONS = 20;

/**
 * Fires realistic Telegram updates at POST /webhooks/telegram of the real server and of a bare telegraf +
 * express echo bot, in the same run: a steady 200 updates/s and bursts of 200 (latency), then saturation
 * (throughput).
 */
export async function measureWebhook(
  root: string,
  opts: { quick: boolean; databaseUrl?: string },
): Promise<WebhookBench> {
  const api = await startProcess(root, "bench/stand-in-bot-api.ts", {});
  const tmp = join(root, "bench/tmp");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const databaseUrl = opts.databaseUrl ?? `file:${join(tmp, "bench.db")}`;
  const durationSec = opts.quick ? 5 : 10;
  const env = serverBenchEnv(api.url, databaseUrl);
  const probeFile = join(tmp, "probe.json");
  const ours = await startProcess(root, "src/main.ts", env, probeFile);
  const inbox = openDatabase(databaseUrl);
  let target: Phase;
  let inside: ProbeStats;
  let burst: Phase;
  let saturation: Phase;
  let rssPeakMb: number | null;
  let saturationInside: ProbeStats;
  try {
    // Warm-up at the target rate (JIT, caches, connections), then the measured runs.
    await processed(inbox, () => steady(ours.url, { durationSec: 3, rate: RATE }));
    await readProbe(ours.child, probeFile);
    target = await processed(inbox, () => steady(ours.url, { durationSec, rate: RATE }));
    inside = await readProbe(ours.child, probeFile);
    burst = await processed(inbox, () =>
      load(ours.url, { durationSec, rate: RATE, connections: CONNECTIONS }),
    );
    await readProbe(ours.child, probeFile);
    saturation = await processed(inbox, () => load(ours.url, { durationSec, connections: CONNECTIONS }));
    saturationInside = await readProbe(ours.child, probeFile);
    rssPeakMb = rssMb(ours.child.pid, "VmHWM");
  } finally {
    ours.child.kill("SIGTERM");
    await inbox.close();
  }
  const baselineProc = await startProcess(root, "bench/baseline-echo.ts", env);
  let baseline: Load;
  let baselineTarget: Load;
  let baselineBurst: Load;
  try {
    await steady(baselineProc.url, { durationSec: 3, rate: RATE });
    baselineTarget = await steady(baselineProc.url, { durationSec, rate: RATE });
    baselineBurst = await load(baselineProc.url, { durationSec, rate: RATE, connections: CONNECTIONS });
    baseline = await load(baselineProc.url, { durationSec, connections: CONNECTIONS });
  } finally {
    baselineProc.child.kill("SIGTERM");
  }
  const peerProc = await startProcess(root, "bench/baseline-session.ts", {
    ...env,
    PEER_DB_FILE: join(tmp, "peer-session.db"),
  });
  let peer: Load;
  try {
    await steady(peerProc.url, { durationSec: 3, rate: RATE });
    peer = await load(peerProc.url, { durationSec, connections: CONNECTIONS });
  } finally {
    peerProc.child.kill("SIGTERM");
    api.child.kill("SIGTERM");
  }
  return {
    target: {
      rate: RATE,
      updatesPerSec: target.updatesPerSec,
      p50Ms: target.p50Ms,
      p99Ms: target.p99Ms,
      non2xx: target.non2xx,
      processedPerSec: target.processedPerSec,
      drainMs: target.drainMs,
      baselineP50Ms: baselineTarget.p50Ms,
      baselineP99Ms: baselineTarget.p99Ms,
      server: inside,
    },
    burst: {
      rate: RATE,
      p50Ms: burst.p50Ms,
      p99Ms: burst.p99Ms,
      baselineP50Ms: baselineBurst.p50Ms,
      baselineP99Ms: baselineBurst.p99Ms,
    },
    updatesPerSec: saturation.updatesPerSec,
    p50Ms: saturation.p50Ms,
    p99Ms: saturation.p99Ms,
    processedPerSec: saturation.processedPerSec,
    drainMs: saturation.drainMs,
    baselineUpdatesPerSec: baseline.updatesPerSec,
    ratio: round(saturation.updatesPerSec / baseline.updatesPerSec, 3),
    processedRatio: round(saturation.processedPerSec / baseline.updatesPerSec, 3),
    peerUpdatesPerSec: peer.updatesPerSec,
    peerRatio: round(saturation.processedPerSec / peer.updatesPerSec, 3),
    rssPeakMb,
    memoryPeakMb: saturationInside.memoryPeakMb,
    database: databaseUrl.startsWith("postgres") ? "postgresql" : "sqlite",
  };
}
