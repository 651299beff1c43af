import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { freshDatabaseUrl } from "../helpers/test-database";
import { startTestServer, telegramEnv } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

describe("restarts", () => {
  const api = new FakeBotApi();
  afterAll(() => api.stop());

  it("a person half-way through a choice can answer it after the server restarted", async () => {
    const databaseUrl = await freshDatabaseUrl();
    const first = await startTestServer({}, { databaseUrl });
    const chat = new WebchatClient(first.url);
    await chat.send("/lang");
    await first.stop();

    const second = await startTestServer({}, { databaseUrl });
    try {
      const chatAgain = new WebchatClient(second.url);
      chatAgain.sessionCookie = chat.sessionCookie;
      expect(textsOf(await chatAgain.send("2"))).toContain("Switched to English.");
    } finally {
      await second.stop();
    }
  });

  it("updates stored but not processed before a crash are answered after restart, exactly once", async () => {
    const databaseUrl = await freshDatabaseUrl();
    // What a crash right after the acknowledgement leaves behind: stored, pending updates.
    const { db, close } = openDatabase(databaseUrl);
    for (const [i, text] of ["/start", "/help"].entries()) {
      await db.inboxUpdate.create({
        data: {
          channel: "telegram",
          updateKey: String(9000 + i),
          conversationKey: "telegram:777",
          payload: JSON.stringify({
            update_id: 9000 + i,
            message: {
              message_id: i + 1,
              date: 0,
              chat: { id: 777, type: "private" },
              from: { id: 777, first_name: "Ba" },
              text,
            },
          }),
        },
      });
    }
    await close();

    const server = await startTestServer(telegramEnv(await api.start()), { databaseUrl });
    try {
      await api.waitFor(() => api.textsTo(777).length >= 4);
      await new Promise((r) => setTimeout(r, 500));
      const texts = api.textsTo(777);
      expect(texts[0]).toMatch(/^Xin chào Ba!/);
      expect(texts.filter((t) => t.startsWith("Các lệnh dùng được"))).toHaveLength(1);
      expect(texts).toHaveLength(4);
      expect(await server.database.db.inboxUpdate.count({ where: { status: "pending" } })).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
