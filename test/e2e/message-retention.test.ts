import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACTED_BODY } from "../../src/db/prisma-message-retention";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

const DAY = 24 * 60 * 60 * 1000;

describe("handled messages do not outlive MESSAGE_RETENTION_DAYS", () => {
  const api = new FakeBotApi();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await api.start()),
      MESSAGE_RETENTION_DAYS: "7",
      UNANSWERED_RETENTION_DAYS: "30",
      FAQ_RATING_RETENTION_DAYS: "90",
    });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("a person's shared phone number, the bot's replies and old broadcast texts are gone after a week; queued messages stay", async () => {
    const { db } = server.database;
    // Lan shares her phone number with the bot (Telegram's contact button): the raw update holds it.
    const shared = {
      update_id: 880_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 8801, type: "private" },
        from: { id: 8801, is_bot: false, first_name: "Lan" },
        contact: { phone_number: "+84905123456", first_name: "Lan", user_id: 8801 },
      },
    };
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(shared),
    });
    expect(res.status).toBe(200);
    await api.waitFor(() => api.textsTo(8801).length >= 1);
    const stored = () => db.inboxUpdate.count({ where: { updateKey: "880001" } });
    await expect.poll(() => db.inboxUpdate.count({ where: { updateKey: "880001", status: "done" } })).toBe(1);
    const unsent = { externalId: "8801", status: { in: ["pending", "claimed", "sending"] } };
    await expect.poll(() => db.outboxMessage.count({ where: unsent })).toBe(0);
    const replies = await db.outboxMessage.count({ where: { externalId: "8801", status: "sent" } });
    expect(replies).toBeGreaterThanOrEqual(1);

    // A broadcast delivered to her, a message still queued for someone else, and a web chat line.
    await db.outboxMessage.createMany({
      data: [
        {
          channel: "telegram",
          externalId: "8801",
          broadcastId: "b-old",
          body: '{"kind":"text","text":"Nhắc"}',
          status: "sent",
        },
        {
          // Queued for later (a retry after a long 429): not due, so the dispatcher leaves it queued.
          channel: "telegram",
          externalId: "8802",
          body: '{"kind":"text","text":"Chưa gửi"}',
          status: "pending",
          nextAttemptAt: new Date(Date.now() + 30 * DAY),
        },
      ],
    });
    await db.webchatMessage.create({ data: { sessionId: "s-1", direction: "in", body: "0905 123 456" } });

    const now = Date.now();
    expect(await server.purge(new Date(now + 6 * DAY))).toMatchObject({
      messages: { inbox: 0, replies: 0, broadcastBodies: 0, webchat: 0, unanswered: 0, faqRatings: 0 },
    });
    expect(await stored()).toBe(1);

    const week = await server.purge(new Date(now + 8 * DAY));
    expect(week.messages).toEqual({
      inbox: 1,
      replies,
      broadcastBodies: 1,
      webchat: 1,
      unanswered: 0,
      faqRatings: 0,
      tickets: 0,
    });
    expect(await stored()).toBe(0);
    expect(await db.outboxMessage.count({ where: { externalId: "8801", broadcastId: null } })).toBe(0);
    // The broadcast row stays (its delivery report still counts her) but no longer holds the text.
    const broadcastRow = await db.outboxMessage.findFirstOrThrow({ where: { broadcastId: "b-old" } });
    expect(broadcastRow).toMatchObject({ status: "sent", body: REDACTED_BODY });
    expect(await db.outboxMessage.count({ where: { externalId: "8802", status: "pending" } })).toBe(1);
    expect(await db.webchatMessage.count()).toBe(0);
    // Nothing in the database still holds her number.
    const everything = JSON.stringify([
      await db.inboxUpdate.findMany(),
      await db.outboxMessage.findMany(),
      await db.webchatMessage.findMany(),
    ]);
    expect(everything).not.toContain("905123456");
    // A second run finds nothing more to do.
    expect((await server.purge(new Date(now + 8 * DAY))).messages).toEqual({
      inbox: 0,
      replies: 0,
      broadcastBodies: 0,
      webchat: 0,
      unanswered: 0,
      faqRatings: 0,
      tickets: 0,
    });
  });

  it("a question the bot could not answer goes after UNANSWERED_RETENTION_DAYS, a rating after FAQ_RATING_RETENTION_DAYS", async () => {
    const { db } = server.database;
    await db.faqUnanswered.deleteMany();
    const ask = {
      update_id: 880_100,
      message: {
        message_id: 2,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 8810, type: "private" },
        from: { id: 8810, is_bot: false, first_name: "Nam" },
        text: "con meo nha em bi lac o cho binh son, sdt em 0905 123 456",
      },
    };
    await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(ask),
    });
    await expect.poll(() => db.faqUnanswered.count()).toBe(1);
    expect((await db.faqUnanswered.findFirstOrThrow()).text).not.toContain("905 123");
    await db.faqFeedback.create({ data: { topic: "pc-covid-otp", helpful: false, contactId: "c-nam" } });

    const now = Date.now();
    expect((await server.purge(new Date(now + 29 * DAY))).messages).toMatchObject({
      unanswered: 0,
      faqRatings: 0,
    });
    expect((await server.purge(new Date(now + 31 * DAY))).messages).toMatchObject({
      unanswered: 1,
      faqRatings: 0,
    });
    expect(await db.faqUnanswered.count()).toBe(0);
    expect(await db.faqFeedback.count()).toBe(1);
    expect((await server.purge(new Date(now + 91 * DAY))).messages).toMatchObject({ faqRatings: 1 });
    expect(await db.faqFeedback.count()).toBe(0);
  });
});
