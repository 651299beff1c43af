import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("web chat", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("a newcomer opens the page and is greeted in Vietnamese with the main menu", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Trợ lý Covid-19 Bình Sơn");

    const chat = new WebchatClient(server.url);
    const replies = await chat.send("/start");
    expect(textsOf(replies)[0]).toMatch(/^Xin chào!/);
    expect(buttonsOf(replies)).toContain("❓ Trợ giúp");
  });

  it("a visitor switches to English by typing the option's number and the choice sticks", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/lang");
    const switched = await chat.send("2");
    expect(textsOf(switched)[0]).toBe("Switched to English.");
    const help = await chat.send("/help");
    expect(textsOf(help)[0]).toMatch(/^Commands:/);
    // And back, asked for in a sentence.
    expect(textsOf(await chat.send("chuyen sang tieng viet di"))[0]).toBe("Đã chuyển sang tiếng Việt.");
  });

  it("a visitor who writes in English is answered in English, and in Vietnamese again when they write it", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("xin chào");
    const english = await chat.send("How do I download PC-Covid on my iPhone?");
    expect(textsOf(english)[0]).toMatch(/^Installing PC-Covid/);
    expect(textsOf(await chat.send("ok"))[0]).not.toMatch(/[ạảãàáâấầẩẫậ]/);
    // Never chosen, so the language follows what they write.
    const vietnamese = await chat.send("cài pc covid trên điện thoại thế nào");
    expect(textsOf(vietnamese)[0]).toMatch(/^Cài PC-Covid/);
    // Once chosen, it stays whatever they write.
    await chat.send("/lang");
    await chat.send("1");
    expect(textsOf(await chat.send("How do I download PC-Covid on my iPhone?"))[0]).toMatch(/^Cài PC-Covid/);
  });

  it("typing menu or help outside a conversation shows them, with no apology first", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/start");
    for (const typed of ["menu", "Menu chinh", "danh muc"]) {
      const replies = await chat.send(typed);
      expect(textsOf(replies).join("\n"), typed).not.toContain("chưa hiểu");
      expect(buttonsOf(replies), typed).toContain("❓ Trợ giúp");
    }
    const help = textsOf(await chat.send("help"));
    expect(help.join("\n")).not.toContain("chưa hiểu");
    expect(help[0]).toEqual(textsOf(await chat.send("/help"))[0]);
  });

  it("text the bot does not understand gets a helpful answer and the menu, never silence", async () => {
    const chat = new WebchatClient(server.url);
    const replies = await chat.send("asdkjh qwe");
    expect(textsOf(replies)[0]).toContain("chưa hiểu");
    expect(textsOf(replies)[0]).toContain("1900 9095");
    expect(buttonsOf(replies).length).toBeGreaterThan(0);
  });

  it("a button that no longer exists is explained, not ignored", async () => {
    const chat = new WebchatClient(server.url);
    const replies = await chat.send({ payload: "nothing:here" });
    expect(textsOf(replies)[0]).toBe("Nút này không còn dùng được nữa.");
  });

  it("a resent request with the same client id is processed once", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/start");
    const body = { clientId: "resend-test-0001", text: "/help" };
    const first = await chat.request("POST", "/webchat/api/messages", body);
    const second = await chat.request("POST", "/webchat/api/messages", body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ duplicate: true });
    const helpAnswers = textsOf(await chat.read()).filter((t) => t.startsWith("Các lệnh dùng được"));
    expect(helpAnswers).toHaveLength(1);
  });

  it("a forged session cookie does not open someone else's conversation", async () => {
    const alice = new WebchatClient(server.url);
    await alice.send("/start");
    const [id] = alice.sessionCookie.split("=")[1]?.split(".") ?? [];
    const mallory = new WebchatClient(server.url);
    mallory.sessionCookie = `wc_session=${id}.forged-signature`;
    const res = await mallory.request("GET", "/webchat/api/messages?after=0");
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([]);
    expect(res.headers.get("set-cookie")).toContain("HttpOnly");
  });

  it("malformed, oversized and invalid requests are refused and store nothing", async () => {
    const chat = new WebchatClient(server.url);
    const before = await server.database.db.inboxUpdate.count();
    const malformed = await fetch(`${server.url}/webchat/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    const huge = await chat.request("POST", "/webchat/api/messages", {
      clientId: "huge-body-00001",
      text: "x".repeat(300_000),
    });
    expect(huge.status).toBe(413);
    const both = await chat.request("POST", "/webchat/api/messages", {
      clientId: "bad-0000001",
      text: "a",
      payload: "b",
    });
    expect(both.status).toBe(400);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
  });

  it("health and readiness answer for operators", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: "up" });
  });
});

describe("web chat abuse", () => {
  it("a script flooding the public chat from one address is refused with 429 and nothing more is stored", async () => {
    const server = await startTestServer({ WEBCHAT_POSTS_PER_MINUTE: "3" });
    try {
      const chat = new WebchatClient(server.url);
      for (let i = 0; i < 3; i++) await chat.send("/help");
      const refused = await chat.request("POST", "/webchat/api/messages", {
        clientId: "flood-00000001",
        text: "/help",
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect(await server.database.db.inboxUpdate.count()).toBe(3);
    } finally {
      await server.stop();
    }
  });
});
