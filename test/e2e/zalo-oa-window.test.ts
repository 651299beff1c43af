import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagingWindows } from "../../src/app/channels";
import { loadConfig } from "../../src/config";
import { PrismaBroadcastStore } from "../../src/db/prisma-broadcast-store";
import { BroadcastService, reachLines } from "../../src/features/broadcasts/broadcast-service";
import { createTextRenderer } from "../../src/i18n/i18n";
import { createLogger } from "../../src/logger";
import { ADMIN_TOKEN, adminApi, waitForBroadcast } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { startTestServer, TEST_ZALO_OA_APP_SECRET, type TestServer, zaloOaEnv } from "../helpers/test-server";
import { sign, userText } from "../helpers/zalo-updates";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Three Zalo OA followers who subscribed and last wrote 1 hour, 3 days and 10 days ago. */
const FOLLOWERS = {
  recent: "7700000000000000001",
  days3: "7700000000000000003",
  days10: "7700000000000000010",
};

async function seedFollowers(server: TestServer): Promise<void> {
  const { db } = server.database;
  const ages: [string, number][] = [
    [FOLLOWERS.recent, HOUR],
    [FOLLOWERS.days3, 3 * DAY],
    [FOLLOWERS.days10, 10 * DAY],
  ];
  for (const [externalId, age] of ages) {
    const id = randomUUID();
    await db.contact.create({
      data: {
        id,
        channel: "zalo-oa",
        externalId,
        languageSet: true,
        lastInboundAt: new Date(Date.now() - age),
      },
    });
    await db.subscription.create({ data: { contactId: id, active: true } });
  }
}

const text = "Nhắc nhở: khai báo y tế khi về quê.";
const delivered = (api: FakeZaloOaApi, user: string) =>
  api.to(user).filter((m) => m.kind !== "cs" || m.message.text?.startsWith(text));

async function broadcast(server: TestServer) {
  const call = adminApi(server.url);
  const created = await call("/api/v1/broadcasts", { text, audience: { all: true } });
  expect(created.status).toBe(201);
  return waitForBroadcast(call, String(created.json.id), "done", 20_000);
}

async function previewOf(server: TestServer, env: Record<string, string>) {
  const texts = await createTextRenderer(join(process.cwd(), "locales"));
  const service = new BroadcastService(
    new PrismaBroadcastStore(server.database.db),
    { enqueue: async () => undefined } as never,
    texts,
    createLogger("silent"),
    () => {},
    messagingWindows(loadConfig({ ...env, DATABASE_URL: "file::memory:" })),
  );
  const reach = await service.reach({ all: true }, new Date());
  return { reach, lines: reachLines(reach).map((line) => texts.render(line, "vi")) };
}

describe("a broadcast to Zalo OA followers seen 1 h, 3 days and 10 days ago (paid cs allowed, no templates)", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    env = {
      ...zaloOaEnv(await api.start(), api.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      ZALO_OA_PAID_CS: "true",
    };
    server = await startTestServer(env);
    await seedFollowers(server);
    // Zalo answers a send 48 h – 7 d after the last interaction without a quota object: billed.
    api.quota = (sent) => (sent.userId === FOLLOWERS.days3 ? undefined : { quota_type: "reply" });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("the preview counts them: 1 free, 1 billed, 1 outside the window", async () => {
    const { reach, lines } = await previewOf(server, env);
    expect(reach).toEqual({
      total: 3,
      byChannel: { "zalo-oa": 3 },
      zaloOa: { free: 1, billed: 1, template: 0, outside: 1 },
    });
    expect(lines).toEqual([
      "Theo kênh: Zalo OA 3.",
      "Zalo OA: 1 trong 48 giờ, 1 tính phí, 0 qua tin mẫu ZBS, 1 ngoài khung nhắn tin (sẽ không nhận được).",
    ]);
  });

  it("sends free and billed cs, skips the 10-day one as outside the window, blocks nobody; after writing they get the next", async () => {
    const done = await broadcast(server);
    expect(done.counts).toMatchObject({
      total: 3,
      sent: 2,
      skipped: 1,
      blocked: 0,
      failed: 0,
      zaloOa: { free: 1, billed: 1, template: 0, outside: 1 },
    });
    expect(delivered(api, FOLLOWERS.recent)).toHaveLength(1);
    expect(delivered(api, FOLLOWERS.days3)).toHaveLength(1);
    expect(delivered(api, FOLLOWERS.days10)).toHaveLength(0);
    const { db } = server.database;
    const rows = await db.outboxMessage.findMany({
      where: { channel: "zalo-oa", broadcastId: { not: null } },
    });
    expect(Object.fromEntries(rows.map((r) => [r.externalId, [r.status, r.quotaType]]))).toEqual({
      [FOLLOWERS.recent]: ["sent", "reply"],
      [FOLLOWERS.days3]: ["sent", "none"],
      [FOLLOWERS.days10]: ["skipped", null],
    });
    expect(rows.find((r) => r.externalId === FOLLOWERS.days10)?.lastError).toMatch(
      /^outside the Zalo window/,
    );
    expect((await db.contact.findMany({ where: { channel: "zalo-oa" } })).every((c) => c.reachable)).toBe(
      true,
    );

    // The 10-day follower writes again ("ok" typed the way people do) and the next broadcast reaches them.
    const hello = userText(FOLLOWERS.days10, "ok cam on");
    const raw = JSON.stringify(hello);
    await fetch(`${server.url}/webhooks/zalo-oa`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zevent-signature": sign(raw, hello.timestamp) },
      body: raw,
    });
    await api.waitFor(() => api.to(FOLLOWERS.days10).length >= 1);
    const again = await broadcast(server);
    expect(again.counts).toMatchObject({ sent: 3, skipped: 0, zaloOa: { free: 2, billed: 1, outside: 0 } });
    expect(delivered(api, FOLLOWERS.days10)).toHaveLength(1);
  });

  it("an exposure alert puts visitors Zalo no longer lets us reach among those to phone", async () => {
    const { db } = server.database;
    const venue = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Bình Châu" });
    const contacts = await db.contact.findMany({
      where: { channel: "zalo-oa", externalId: { in: [FOLLOWERS.recent, FOLLOWERS.days10] } },
    });
    const byUser = new Map(contacts.map((c) => [c.externalId, c.id]));
    // The 10-day follower is back to 10 days of silence (they wrote in the previous story).
    await db.contact.update({
      where: { id: byUser.get(FOLLOWERS.days10) ?? "" },
      data: { lastInboundAt: new Date(Date.now() - 10 * DAY) },
    });
    const visit = (contactId: string | undefined, phone?: string) =>
      db.visit.create({
        data: {
          id: randomUUID(),
          venueId: venue.id,
          source: "zalo-oa",
          visitedAt: new Date(Date.now() - HOUR),
          contactId: contactId ?? null,
          ...(phone ? { phone } : {}),
        },
      });
    await visit(byUser.get(FOLLOWERS.recent));
    await visit(byUser.get(FOLLOWERS.days10), "+84905777888");
    const res = await fetch(`${server.url}/api/v1/venues/${venue.id}/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        from: new Date(Date.now() - 2 * HOUR).toISOString(),
        to: new Date().toISOString(),
      }),
    });
    const outcome = (await res.json()) as Record<string, unknown>;
    expect(outcome).toMatchObject({
      reached: 1,
      queued: 1,
      outsideZalo: 1,
      phoneOnly: [{ phone: "+84905777888", outsideZalo: true }],
    });
    await api.waitFor(() => api.to(FOLLOWERS.recent).some((m) => m.message.text?.includes("Chợ Bình Châu")));
    expect(api.to(FOLLOWERS.days10).some((m) => m.message.text?.includes("Chợ Bình Châu"))).toBe(false);
  });
});

describe("the same followers when paid cs is off and a ZBS template is approved for broadcasts", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "zalo-templates-"));
    const file = join(dir, "templates.json");
    writeFileSync(
      file,
      JSON.stringify({
        broadcast: {
          category: "transaction",
          templateType: "transaction_event",
          templateId: "249573",
          elements: [
            { type: "header", content: "Thông báo của UBND huyện Bình Sơn" },
            { type: "text", content: "{text}" },
            { type: "table", rows: [{ key: "Ngày", value: "{date}" }] },
          ],
          buttons: [{ title: "Nhắn cho OA", type: "oa.query.show", value: "menu" }],
        },
      }),
    );
    env = {
      ...zaloOaEnv(await api.start(), api.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      ZALO_OA_TEMPLATES_FILE: file,
    };
    server = await startTestServer(env);
    await seedFollowers(server);
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("previews 1 free and 2 by template, then sends those two through the transaction endpoint", async () => {
    const { reach } = await previewOf(server, env);
    expect(reach.zaloOa).toEqual({ free: 1, billed: 0, template: 2, outside: 0 });
    const done = await broadcast(server);
    expect(done.counts).toMatchObject({
      sent: 3,
      skipped: 0,
      zaloOa: { free: 1, billed: 0, template: 2, outside: 0 },
    });
    for (const user of [FOLLOWERS.days3, FOLLOWERS.days10]) {
      const [sent] = api.to(user);
      expect(sent?.kind).toBe("transaction");
      expect(sent?.recipient).toEqual({ user_id: user });
      const payload = sent?.message.attachment?.payload as Record<string, unknown>;
      expect(payload).toMatchObject({
        template_type: "transaction_event",
        template_id: "249573",
        language: "VI",
      });
      const [header, body, table] = payload.elements as { content: unknown }[];
      expect(header?.content).toBe("Thông báo của UBND huyện Bình Sơn");
      // The message as the person would have had it, cut to the template's 250 characters.
      expect(String(body?.content)).toMatch(/^Nhắc nhở: khai báo y tế khi về quê\./);
      expect(String(body?.content).length).toBeLessThanOrEqual(250);
      expect(table?.content).toEqual([
        { key: "Ngày", value: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/) },
      ]);
    }
    expect(api.to(FOLLOWERS.recent)[0]?.kind).toBe("cs");
  });
});
