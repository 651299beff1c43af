import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { CheckinBrowser } from "../helpers/checkin-form";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import {
  startTestServer,
  TEST_WEBHOOK_SECRET,
  TEST_ZALO_BOT_SECRET,
  TEST_ZALO_OA_APP_SECRET,
  type TestServer,
  telegramEnv,
  zaloBotEnv,
  zaloOaEnv,
} from "../helpers/test-server";
import { WebchatClient } from "../helpers/webchat-client";
import { sign, textUpdate, userText } from "../helpers/zalo-updates";

const TELEGRAM = { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET };
const ZALO_BOT = { "x-bot-api-secret-token": TEST_ZALO_BOT_SECRET };
const BAD_ESCAPE = "%E0%A4%A";

/** Something nested `depth` levels deep, written out without recursion (as an attacker would send it). */
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("hostile requests get 4xx, never 500, and the person is answered normally afterwards", () => {
  const telegram = new FakeBotApi();
  const zalo = new FakeZaloBotApi();
  const oa = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let code = "";

  beforeAll(async () => {
    const oaRoot = await oa.start();
    server = await startTestServer({
      ...telegramEnv(await telegram.start()),
      ...zaloBotEnv(await zalo.start()),
      ...zaloOaEnv(oaRoot, oa.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    });
    const res = await api("/api/v1/venues", {
      method: "POST",
      body: JSON.stringify({
        name: "Cho Binh Son",
        category: "market",
        communeCode: "21067",
        address: "Thon 1",
        contactName: "Le Thi Hoa",
        contactPhone: "0905111222",
      }),
    });
    ({ code } = (await res.json()) as { code: string });
  });
  afterAll(async () => {
    await server.stop();
    await telegram.stop();
    await zalo.stop();
    await oa.stop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...init.headers,
      },
    });

  const telegramUpdate = (chatId: number, text: string, extra: Record<string, unknown> = {}) => ({
    update_id: chatId * 10 + text.length,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: chatId, type: "private" },
      from: { id: chatId, first_name: "Lan" },
      text,
    },
    ...extra,
  });

  it("a body that claims gzip or deflate but is not is refused with 400 on every route", async () => {
    for (const path of [
      "/webhooks/telegram",
      "/webhooks/zalo-bot",
      "/webchat/api/messages",
      "/api/v1/venues",
    ]) {
      for (const encoding of ["gzip", "deflate", "br"]) {
        const res = await fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-encoding": encoding, ...TELEGRAM },
          body: "{not compressed at all}",
        });
        expect(res.status, `${path} ${encoding}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${encoding}`).toBeLessThan(500);
      }
    }
    // A body that really is gzip is read as usual.
    const ok = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip", ...TELEGRAM },
      body: gzipSync(JSON.stringify(telegramUpdate(9001, "/start"))),
    });
    expect(ok.status).toBe(200);
  });

  it("a malformed %-escape in a path is 400, on every route with a parameter", async () => {
    for (const path of [
      "/c/%",
      `/c/${BAD_ESCAPE}`,
      "/media/%",
      "/admin/login/%",
      "/admin/venues/%/poster.pdf",
      "/api/v1/venues/%/qr.png",
      "/api/v1/broadcasts/%",
    ]) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(res.status, path).toBe(400);
    }
    const post = await fetch(`${server.url}/admin/login/%`, { method: "POST" });
    expect(post.status).toBe(400);
  });

  it("a broken cookie set by a sibling site does not lock a browser out of the web chat: it gets a fresh session", async () => {
    const client = new WebchatClient(server.url);
    client.sessionCookie = `wc_session=${BAD_ESCAPE}; dash_sid=%; ck_nonce=%zz`;
    const answer = await client.send("xin chao");
    expect(answer.length).toBeGreaterThan(0);
    expect(client.sessionCookie).toMatch(/^wc_session=/);
    expect(client.sessionCookie).not.toContain(BAD_ESCAPE);

    const dashboard = await fetch(`${server.url}/admin`, { headers: { cookie: "dash_sid=%E0%A4%A" } });
    expect(dashboard.status).toBeLessThan(500);
    const checkin = new CheckinBrowser(server.url);
    checkin.cookie = "ck_nonce=%E0%A4%A";
    const page = await checkin.open(code);
    expect(page.status).toBe(200);
    expect(page.csrf).not.toBe("");
  });

  it("a check-in form with more fields than the parser takes is 413, and a normal one still checks in", async () => {
    const browser = new CheckinBrowser(server.url);
    const { csrf } = await browser.open(code);
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, "x"]));
    expect((await browser.submit(code, { csrf, ...fields })).status).toBe(413);
    const ok = await browser.checkIn(code, { phone: "0905123456" });
    expect(ok.status).toBeLessThan(400);
  });

  it("a lone surrogate in web chat text is answered like any message, and a venue name with one is stored clean", async () => {
    const client = new WebchatClient(server.url);
    const answer = await client.send("ko nhan dc ma otp \ud800");
    const texts = answer.map((m) => (m.kind === "text" ? m.text : ""));
    expect(texts.join(" ")).not.toMatch(/xin lỗi|sorry/i);
    expect(answer.length).toBeGreaterThan(0);

    const res = await api("/api/v1/venues", {
      method: "POST",
      body: JSON.stringify({
        name: "Quan \ud800 Hoa Sen",
        category: "food-service",
        communeCode: "21067",
        address: "Thon 2",
        contactName: "Tran Van Nam",
        contactPhone: "0905111333",
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stored = await server.database.db.venue.findUniqueOrThrow({ where: { id } });
    expect(stored.name).toBe("Quan \ufffd Hoa Sen");
  });

  it("a valid Telegram update carrying a 10,000-deep extra field is refused with 400; an ordinary one is answered", async () => {
    const body = JSON.stringify(telegramUpdate(9100, "/start")).replace(/}$/, `,"extra":${deep(10_000)}}`);
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", ...TELEGRAM },
      body,
    });
    expect(res.status).toBe(400);
    const ok = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", ...TELEGRAM },
      body: JSON.stringify(telegramUpdate(9101, "/start", { extra: { a: { b: [1, [2]] } } })),
    });
    expect(ok.status).toBe(200);
    await telegram.waitFor(() => telegram.calls.some((c) => String(c.body.chat_id) === "9101"));
  });

  /** Every route that takes a body, with what it needs to get past its door. */
  const routes = (): { path: string; headers: Record<string, string>; sign?: boolean }[] => [
    { path: "/webhooks/telegram", headers: TELEGRAM },
    { path: "/webhooks/zalo-bot", headers: ZALO_BOT },
    { path: "/webhooks/zalo-oa", headers: {}, sign: true },
    { path: "/webchat/api/messages", headers: {} },
    { path: `/c/${code}`, headers: {} },
    { path: "/api/v1/venues", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    { path: "/api/v1/broadcasts", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    { path: "/admin/login/abc", headers: {} },
  ];

  it("random content types, encodings, headers, cookies, deep nesting and long tokens on every route: never a 5xx", async () => {
    const seedBody = (path: string) =>
      path.includes("zalo-oa")
        ? userText("fuzz-oa-user", "hi")
        : path.includes("zalo-bot")
          ? textUpdate("fuzzchat", "hi")
          : path.includes("telegram")
            ? telegramUpdate(9200, "hi")
            : { text: "hi", clientId: "fuzz-0001", name: "x" };
    const request = fc.record({
      route: fc.nat(),
      contentType: fc.constantFrom(
        "application/json",
        "application/json; charset=utf-16",
        "application/json; charset=klingon",
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x",
        "",
      ),
      encoding: fc.constantFrom("", "gzip", "deflate", "identity", "br", "x-unknown"),
      body: fc.oneof(
        fc.constant("__seed__"),
        fc.nat({ max: 20_000 }).map((d) => deep(d + 1)),
        fc.string({ maxLength: 200 }),
        fc.string({ minLength: 5000, maxLength: 20_000 }).map((s) => JSON.stringify({ text: s, token: s })),
        fc.constant(`{"text":"\\ud800\\udc00\\ud800","update_id":1}`),
      ),
      cookie: fc.oneof(
        fc.constant(""),
        fc.string({ maxLength: 60 }).map((s) => `wc_session=${encodeURIComponent(s)}%`),
        fc.constantFrom("dash_sid=%", `ck_nonce=${BAD_ESCAPE}`, "wc_session=a=b=c; =; ;;"),
      ),
      secret: fc.oneof(
        fc.constant(""),
        fc.string({ minLength: 1000, maxLength: 5000 }).map(encodeURIComponent),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes()[r.route % routes().length];
        if (!route) return;
        const raw = r.body === "__seed__" ? JSON.stringify(seedBody(route.path)) : r.body;
        const headers: Record<string, string> = { ...route.headers };
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.encoding) headers["content-encoding"] = r.encoding;
        if (r.cookie) headers.cookie = r.cookie;
        if (r.secret) headers["x-telegram-bot-api-secret-token"] = r.secret;
        if (route.sign) headers["x-zevent-signature"] = sign(raw, "");
        const res = await fetch(`${server.url}${route.path}`, { method: "POST", headers, body: raw });
        expect(res.status, `${route.path} ${JSON.stringify(r).slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 120_000);
});
