import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import {
  startTestServer,
  TEST_WEBHOOK_SECRET,
  TEST_ZALO_BOT_SECRET,
  type TestServer,
  telegramEnv,
  zaloBotEnv,
} from "../helpers/test-server";
import { textUpdate } from "../helpers/zalo-updates";

/** A valid Telegram update to mutate: the fuzzer then breaks it in every way it can. */
const telegramSeed = {
  update_id: 1,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: 7, type: "private" },
    from: { id: 7, first_name: "A" },
    text: "/start",
  },
};

/** Replaces one random leaf of a JSON value with arbitrary JSON (a "mutated" body, not just random noise). */
const mutated = (seed: unknown) =>
  fc.tuple(fc.nat(), fc.jsonValue()).map(([pick, replacement]) => {
    const copy = structuredClone(seed) as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      paths.push(path);
      if (v && typeof v === "object") for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
    };
    walk(copy, []);
    const path = paths[pick % paths.length] ?? [];
    if (path.length === 0) return replacement;
    let parent: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    parent[path.at(-1) ?? ""] = replacement;
    return copy;
  });

const bodies = (seed: unknown) =>
  fc.oneof(
    mutated(seed).map((v) => JSON.stringify(v)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 300 }),
  );

describe("webhooks under thousands of random and mutated bodies", () => {
  const telegram = new FakeBotApi();
  const zalo = new FakeZaloBotApi();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await telegram.start()),
      ...zaloBotEnv(await zalo.start()),
    });
  });
  afterAll(async () => {
    await server.stop();
    await telegram.stop();
    await zalo.stop();
  });

  const post = (path: string, header: Record<string, string>, body: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...header },
      body,
    });

  const targets: {
    name: string;
    channel: string;
    path: string;
    header: Record<string, string>;
    seed: unknown;
  }[] = [
    {
      name: "Telegram",
      channel: "telegram",
      path: "/webhooks/telegram",
      header: { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      seed: telegramSeed,
    },
    {
      name: "Zalo Bot",
      channel: "zalo-bot",
      path: "/webhooks/zalo-bot",
      header: { "x-bot-api-secret-token": TEST_ZALO_BOT_SECRET },
      seed: textUpdate("fuzzchat0001", "/start"),
    },
    {
      name: "web chat",
      channel: "webchat",
      path: "/webchat/api/messages",
      header: {},
      seed: { clientId: "fuzz-client-01", text: "hi" },
    },
  ];
  for (const target of targets) {
    it(`${target.name}: never a 5xx, and every stored update is whole JSON the parser accepts`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(target.seed), async (body) => {
          const res = await post(target.path, target.header, body);
          expect(res.status, body).toBeLessThan(500);
        }),
        { numRuns: 700 },
      );
      const stored = await server.database.db.inboxUpdate.findMany({
        where: {
          channel:
            target.name === "Telegram" ? "telegram" : target.name === "Zalo Bot" ? "zalo-bot" : "webchat",
        },
      });
      for (const row of stored) expect(() => JSON.parse(row.payload)).not.toThrow();
    });
  }

  it("the server is still healthy and the inbox drains: nothing is stuck or half-processed", async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (
      (await server.database.db.inboxUpdate.count({ where: { status: "pending" } })) > 0 &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await server.database.db.inboxUpdate.count({ where: { status: "pending" } })).toBe(0);
    expect(await server.database.db.inboxUpdate.count({ where: { status: "failed" } })).toBe(0);
  });
});
