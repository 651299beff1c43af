import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/database";
import type { BroadcastCounts } from "../../src/features/broadcasts/broadcast-store";
import type { BotApiCall, FakeBotApi } from "./fake-bot-api";

export const ADMIN_TOKEN = "broadcast-admin-token-0123456789abcdef";

/**
 * Seeds `count` Telegram contacts who subscribed to reminders (chat ids from `firstChatId`), straight into
 * the database as a district would have them after months of use.
 */
export async function seedSubscribers(
  db: Db,
  count: number,
  options: {
    firstChatId?: number;
    communeCode?: string | null;
    language?: "vi" | "en";
    channel?: string;
  } = {},
): Promise<string[]> {
  const first = options.firstChatId ?? 100_000;
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    channel: options.channel ?? "telegram",
    externalId: String(first + i),
    language: options.language ?? "vi",
    languageSet: true,
  }));
  for (let i = 0; i < contacts.length; i += 500) {
    const slice = contacts.slice(i, i + 500);
    await db.contact.createMany({ data: slice });
    await db.subscription.createMany({
      data: slice.map((c) => ({ contactId: c.id, active: true, communeCode: options.communeCode ?? null })),
    });
  }
  return contacts.map((c) => c.externalId);
}

/**
 * Makes the stand-in Bot API behave like Telegram under load: more than `limitPerSec` sendMessage calls
 * arriving within any one second are answered 429 with retry_after. Returns the counters.
 */
export function rateLimitedResponder(api: FakeBotApi, limitPerSec: number) {
  const arrivals: number[] = [];
  const stats = { status429: 0, accepted: [] as { chat: string; at: number }[] };
  api.responder = (call: BotApiCall) => {
    if (call.method !== "sendMessage") return undefined;
    const now = performance.now();
    while (arrivals.length && (arrivals[0] ?? 0) <= now - 1000) arrivals.shift();
    if (arrivals.length >= limitPerSec) {
      stats.status429++;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        },
      };
    }
    arrivals.push(now);
    stats.accepted.push({ chat: String(call.body.chat_id), at: now });
    return undefined;
  };
  return stats;
}

/** Per chat id: how many messages arrived. */
export function countByChat(deliveries: { chat: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { chat } of deliveries) counts.set(chat, (counts.get(chat) ?? 0) + 1);
  return counts;
}

/** The most calls that arrived within any one-second window. */
export function maxInAnySecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** Calls the admin API. */
export function adminApi(baseUrl: string, token: string | null = ADMIN_TOKEN) {
  return async (path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
}

/** Polls a broadcast until its status is `status` (or times out). */
export async function waitForBroadcast(
  call: ReturnType<typeof adminApi>,
  id: string,
  status: string,
  timeoutMs = 30_000,
): Promise<{ status: string; counts: Counts }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await call(`/api/v1/broadcasts/${id}`);
    if (json.status === status) return json as { status: string; counts: Counts };
    if (Date.now() > deadline) throw new Error(`broadcast still ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Counts as GET /api/v1/broadcasts/:id reports them. */
export type Counts = BroadcastCounts;
