import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { percentile } from "../src/features/faq/evaluate";
import { rateLimitedResponder, seedSubscribers } from "../test/helpers/broadcast-fixtures";
import { FakeBotApi } from "../test/helpers/fake-bot-api";
import { FakeZaloBotApi } from "../test/helpers/fake-zalo-bot-api";
import { WebchatClient } from "../test/helpers/webchat-client";
import { textUpdate } from "../test/helpers/zalo-updates";
import { round } from "./median";
import { startProcess } from "./process";

const ADMIN = "bench-admin-token-0123456789abcdefgh";
const TELEGRAM_SECRET = "bench-secret";
const ZALO_SECRET = "bench-zalo-bot-secret-42";

type Channel = "telegram" | "zalo-bot" | "webchat";

export interface ReplyLatencyBench {
  recipients: number;
  limitPerSec: number;
  /** The broadcast's own deliveries on Telegram, per second, over its run; and that over the limit. */
  broadcastPerSec: number;
  ratio: number;
  /** Broadcast and replies together, as Telegram accepted them during the broadcast. */
  telegramPerSec: number;
  telegramRatio: number;
  /** Per channel: people who wrote while the broadcast went out, and how long their first answer took. */
  replies: Record<Channel, { samples: number; p50Ms: number; p99Ms: number; maxMs: number }>;
}

/**
 * People write to the bot on Telegram, Zalo Bot and the web chat, one every 300 ms on each (Zalo allows 10 calls/s in all), while a
 * district-wide broadcast goes out to `recipients` Telegram subscribers (plus a few hundred on Zalo and the
 * web chat) through the real server. Measures each person's wait for the first answer (sent → at the
 * platform stand-in, or back in the web chat's answer) beside the broadcast's rate (issue 16).
 */
export async function measureReplyLatency(
  root: string,
  opts: { recipients: number; limitPerSec: number },
): Promise<ReplyLatencyBench> {
  const tmp = join(root, "bench/tmp/reply-latency");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const databaseUrl = `file:${join(tmp, "bench.db")}`;
  await migrate(databaseUrl);
  const seed = openDatabase(databaseUrl);
  const subscribers = new Set(await seedSubscribers(seed.db, opts.recipients));
  await seedSubscribers(seed.db, 300, { channel: "zalo-bot", firstChatId: 7_000_000 });
  await seedSubscribers(seed.db, 300, { channel: "webchat", firstChatId: 8_000_000 });
  await seed.close();

  const telegram = new FakeBotApi();
  const zalo = new FakeZaloBotApi();
  const stats = rateLimitedResponder(telegram, opts.limitPerSec);
  const server = await startProcess(root, "src/main.ts", {
    DATABASE_URL: databaseUrl,
    ADMIN_API_TOKEN: ADMIN,
    TELEGRAM_BOT_TOKEN: "123456:BENCH-token",
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: await telegram.start(),
    TELEGRAM_RATE_LIMIT_PER_SEC: String(opts.limitPerSec),
    ZALO_BOT_TOKEN: "4321987654:bench-zalo-token",
    ZALO_BOT_WEBHOOK_SECRET: ZALO_SECRET,
    ZALO_BOT_API_ROOT: await zalo.start(),
    PUBLIC_URL: "https://helpdesk.example.test",
    RATE_BUDGET: "local",
    // Every web chat asker here comes from 127.0.0.1: the per-address limit would measure itself.
    WEBCHAT_POSTS_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
  });
  const waits: Record<Channel, number[]> = { telegram: [], "zalo-bot": [], webchat: [] };
  const asking: Promise<void>[] = [];
  try {
    const headers = { "content-type": "application/json", authorization: `Bearer ${ADMIN}` };
    const created = await fetch(`${server.url}/api/v1/broadcasts`, {
      method: "POST",
      headers,
      body: JSON.stringify({ text: "Nhắc nhở: quét mã QR khi vào chợ, cửa hàng.", audience: { all: true } }),
    });
    const { id } = (await created.json()) as { id: string };
    while (stats.accepted.length < 50) await sleep(20);
    const deadline = Date.now() + (opts.recipients / opts.limitPerSec) * 3000 + 30_000;
    for (let person = 0; Date.now() < deadline; person++) {
      // Until about the last second of the broadcast: a question after it ended measures nothing.
      const delivered = stats.accepted.filter((d) => subscribers.has(d.chat)).length;
      if (delivered >= opts.recipients - opts.limitPerSec) break;
      asking.push(
        askTelegram(server.url, telegram, 50_000_000 + person).then((ms) => void waits.telegram.push(ms)),
        askZalo(server.url, zalo, `zalo-person-${person}`).then((ms) => void waits["zalo-bot"].push(ms)),
        askWebchat(server.url).then((ms) => void waits.webchat.push(ms)),
      );
      await sleep(300);
    }
    await Promise.all(asking);
    for (;;) {
      const status = (await (await fetch(`${server.url}/api/v1/broadcasts/${id}`, { headers })).json()) as {
        status: string;
      };
      if (status.status === "done" || Date.now() > deadline) break;
      await sleep(250);
    }
  } finally {
    server.child.kill("SIGTERM");
    await telegram.stop();
    await zalo.stop();
  }
  const times = stats.accepted.filter((d) => subscribers.has(d.chat)).map((d) => d.at);
  const rate = times.length > 1 ? ((times.length - 1) * 1000) / (Math.max(...times) - Math.min(...times)) : 0;
  // Replies to Telegram askers share the same budget: everything Telegram accepted while the broadcast ran.
  const [from, to] = [Math.min(...times), Math.max(...times)];
  const during = stats.accepted.filter((d) => d.at >= from && d.at <= to).length;
  const telegramRate = to > from ? ((during - 1) * 1000) / (to - from) : 0;
  const summary = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return {
      samples: ms.length,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p99Ms: Math.round(percentile(sorted, 0.99)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
    };
  };
  return {
    recipients: opts.recipients,
    limitPerSec: opts.limitPerSec,
    broadcastPerSec: round(rate, 1),
    ratio: round(rate / opts.limitPerSec, 3),
    telegramPerSec: round(telegramRate, 1),
    telegramRatio: round(telegramRate / opts.limitPerSec, 3),
    replies: {
      telegram: summary(waits.telegram),
      "zalo-bot": summary(waits["zalo-bot"]),
      webchat: summary(waits.webchat),
    },
  };
}

async function askTelegram(url: string, api: FakeBotApi, chatId: number): Promise<number> {
  const started = Date.now();
  const from = { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" };
  await fetch(`${url}/webhooks/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET },
    body: JSON.stringify({
      update_id: chatId,
      message: { message_id: 1, date: 0, chat: { id: chatId, type: "private" }, from, text: "/help" },
    }),
  });
  const answer = await waitFor(() =>
    api.calls.find((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(chatId)),
  );
  return answer.at - started;
}

async function askZalo(url: string, api: FakeZaloBotApi, chatId: string): Promise<number> {
  const started = Date.now();
  await fetch(`${url}/webhooks/zalo-bot`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-bot-api-secret-token": ZALO_SECRET },
    body: JSON.stringify(textUpdate(chatId, "ko nhan dc ma otp")),
  });
  const answer = await waitFor(() => api.to(chatId)[0]);
  return answer.at - started;
}

/** The web chat answers the POST once the reply is in the conversation (or reads it right after). */
async function askWebchat(url: string): Promise<number> {
  const client = new WebchatClient(url);
  const started = Date.now();
  let answer = await client.send("ko nhan dc ma otp");
  while (answer.length === 0 && Date.now() - started < 60_000) {
    await sleep(20);
    answer = await client.read();
  }
  return Date.now() - started;
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error("no answer within a minute");
    await sleep(10);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
