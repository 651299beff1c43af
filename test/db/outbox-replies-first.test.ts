import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger";
import type { ChannelId } from "../../src/core/messages";
import { OutboxDispatcher } from "../../src/core/outbox-dispatcher";
import type { ChannelSender, OutboxItem, SendResult } from "../../src/core/ports";
import { RateLimiter } from "../../src/core/rate-limiter";
import type { RenderedMessage } from "../../src/core/rendered-message";
import { SqlOutboxStore } from "../../src/db/sql-outbox-store";
import { useFreshDatabase } from "../helpers/fresh-database";

interface Delivery {
  channel: ChannelId;
  chat: string;
  text: string;
  at: number;
}

/** A platform that takes `callMs` per call and records what reached whom, and when. */
function platform(
  channel: ChannelId,
  deliveries: Delivery[],
  callMs: number,
  answer?: (chat: string) => SendResult | undefined,
): ChannelSender {
  return {
    channel,
    async send(chat: string, message: RenderedMessage): Promise<SendResult> {
      await new Promise((r) => setTimeout(r, callMs));
      const custom = answer?.(chat);
      if (custom) return custom;
      deliveries.push({ channel, chat, text: message.kind === "text" ? message.text : "", at: Date.now() });
      return { status: "sent" };
    },
  };
}

const text = (t: string): RenderedMessage => ({ kind: "text", text: t });

const broadcastRows = (channel: ChannelId, count: number, first: number): OutboxItem[] =>
  Array.from({ length: count }, (_, i) => ({
    channel,
    externalId: String(first + i),
    contactId: null,
    broadcastId: "b-tiem-mui-3",
    message: text("Tiêm mũi 3 tại trạm y tế xã"),
  }));

describe("replies during a broadcast", () => {
  const db = useFreshDatabase();
  let dispatcher: OutboxDispatcher | undefined;
  afterEach(async () => {
    await dispatcher?.stop();
    await db().db.outboxMessage.deleteMany();
  });

  it("a person who asks for help while a broadcast goes out, and while Zalo is paused by a 429, is answered within a second on every channel", async () => {
    const store = new SqlOutboxStore(db().db, db().sql);
    const deliveries: Delivery[] = [];
    let zaloCalls = 0;
    const senders = new Map<ChannelId, ChannelSender>([
      ["telegram", platform("telegram", deliveries, 15)],
      ["webchat", platform("webchat", deliveries, 1)],
      // Zalo asks to slow down for 3 s on its first broadcast call: its broadcast rows wait, nobody else's.
      [
        "zalo-bot",
        platform("zalo-bot", deliveries, 15, () =>
          zaloCalls++ === 0 ? { status: "retry", afterMs: 3000, reason: "429" } : undefined,
        ),
      ],
    ]);
    const limiters = new Map<ChannelId, RateLimiter>([
      ["telegram", new RateLimiter({ perSecond: 40, perChatPerSecond: 1, perChatBurst: 3 })],
      ["zalo-bot", new RateLimiter({ perSecond: 10, perChatPerSecond: 1, perChatBurst: 3 })],
    ]);
    // The Telegram broadcast takes about 5 s at 40/s; chat 100199 is its last recipient.
    await store.enqueue([
      ...broadcastRows("telegram", 200, 100_000),
      ...broadcastRows("zalo-bot", 60, 500_000),
      ...broadcastRows("webchat", 300, 900_000),
    ]);
    dispatcher = new OutboxDispatcher(store, senders, limiters, silentLogger, {
      workerId: "w1",
      leaseMs: 60_000,
      maxAttempts: 5,
      idleDelayMs: 100,
      batchSize: 40,
    });
    dispatcher.start();
    dispatcher.notify("broadcasts");
    await new Promise((r) => setTimeout(r, 800));

    const askedAt = Date.now();
    await store.enqueue([
      { channel: "telegram", externalId: "777", contactId: null, message: text("Huong dan cai PC-Covid") },
      { channel: "telegram", externalId: "100199", contactId: null, message: text("Tra loi cho nguoi nhan") },
      { channel: "webchat", externalId: "wc-1", contactId: null, message: text("Tra loi web chat") },
      { channel: "zalo-bot", externalId: "zalo-9", contactId: null, message: text("Tra loi Zalo") },
    ]);
    dispatcher.notify();
    const answered = (chat: string) => deliveries.find((d) => d.chat === chat && d.text.startsWith("Tra"));
    const deadline = askedAt + 5000;
    while (Date.now() < deadline && !["777", "100199", "wc-1", "zalo-9"].every(answered)) {
      await new Promise((r) => setTimeout(r, 20));
    }

    for (const chat of ["100199", "wc-1"])
      expect(answered(chat)?.at ?? Infinity).toBeLessThan(askedAt + 1000);
    expect(deliveries.find((d) => d.chat === "777")?.at ?? Infinity).toBeLessThan(askedAt + 1000);
    // Zalo itself is paused for 3 s: the reply there waits for the pause, not for the broadcast's 60 rows.
    expect(answered("zalo-9")?.at ?? Infinity).toBeLessThan(askedAt + 3500);
    // The recipient still gets the broadcast before the reply (order kept), once.
    const toLast = deliveries.filter((d) => d.chat === "100199").map((d) => d.text);
    expect(toLast).toEqual(["Tiêm mũi 3 tại trạm y tế xã", "Tra loi cho nguoi nhan"]);
    // The replies jumped the queue: most of the Telegram broadcast was still to go.
    const telegramBroadcastSoFar = deliveries.filter((d) => d.channel === "telegram" && d.at <= askedAt);
    expect(telegramBroadcastSoFar.length).toBeLessThan(100);
  }, 20_000);

  it("every broadcast row still goes out exactly once, replies included, with two dispatchers sharing the outbox", async () => {
    const store = new SqlOutboxStore(db().db, db().sql);
    const deliveries: Delivery[] = [];
    const senders = new Map<ChannelId, ChannelSender>([["telegram", platform("telegram", deliveries, 2)]]);
    const make = (workerId: string) =>
      new OutboxDispatcher(
        store,
        senders,
        new Map([["telegram", new RateLimiter({ perSecond: 200, perChatPerSecond: 5, perChatBurst: 3 })]]),
        silentLogger,
        { workerId, leaseMs: 60_000, maxAttempts: 5, idleDelayMs: 50, batchSize: 50 },
      );
    await store.enqueue(broadcastRows("telegram", 300, 1));
    const a = make("a");
    const b = make("b");
    a.start();
    b.start();
    for (let i = 0; i < 30; i++) {
      await store.enqueue([
        { channel: "telegram", externalId: String(1 + i * 7), contactId: null, message: text(`Tra ${i}`) },
      ]);
      a.notify();
      await new Promise((r) => setTimeout(r, 20));
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && deliveries.length < 330) await new Promise((r) => setTimeout(r, 50));
    await a.stop();
    await b.stop();
    expect(deliveries).toHaveLength(330);
    const keys = deliveries.map((d) => `${d.chat}:${d.text}`);
    expect(new Set(keys).size).toBe(330);
    // Per recipient, the broadcast (queued first) arrives before their reply.
    for (let i = 0; i < 30; i++) {
      const texts = deliveries.filter((d) => d.chat === String(1 + i * 7)).map((d) => d.text);
      expect(texts).toEqual(["Tiêm mũi 3 tại trạm y tế xã", `Tra ${i}`]);
    }
  }, 20_000);

  it("on a channel at its limit, a newcomer's first answer goes before the second and third messages of others' answers", async () => {
    const store = new SqlOutboxStore(db().db, db().sql);
    const deliveries: Delivery[] = [];
    const senders = new Map<ChannelId, ChannelSender>([["zalo-bot", platform("zalo-bot", deliveries, 5)]]);
    const limiters = new Map<ChannelId, RateLimiter>([
      ["zalo-bot", new RateLimiter({ perSecond: 10, perChatPerSecond: 1, perChatBurst: 3 })],
    ]);
    dispatcher = new OutboxDispatcher(store, senders, limiters, silentLogger, {
      workerId: "w1",
      leaseMs: 60_000,
      maxAttempts: 5,
      idleDelayMs: 50,
    });
    // An answer is three messages (the answer, the reminder offer, "did this help?"), one turn each.
    const answerTo = (chat: string): OutboxItem[] =>
      ["Tra loi", "Nhan nhac nho?", "Co giup ich khong?"].map((t) => ({
        channel: "zalo-bot",
        externalId: chat,
        contactId: null,
        message: text(t),
      }));
    dispatcher.start();
    for (let person = 0; person < 8; person++) {
      await store.enqueue(answerTo(`zalo-${person}`));
      dispatcher.notify();
      await new Promise((r) => setTimeout(r, 3));
    }
    // Everyone has their first message; their follow-ups queue for Zalo's 10 calls a second.
    while (deliveries.length < 9) await new Promise((r) => setTimeout(r, 10));
    const before = deliveries.length;
    await store.enqueue(answerTo("zalo-newcomer"));
    dispatcher.notify();
    while (!deliveries.some((d) => d.chat === "zalo-newcomer")) await new Promise((r) => setTimeout(r, 10));

    // At most the two calls already in flight go before it, not the seven people's remaining messages.
    const first = deliveries.findIndex((d) => d.chat === "zalo-newcomer");
    expect(first - before).toBeLessThanOrEqual(2);
    expect(deliveries[first]?.text).toBe("Tra loi");
    // Each person's messages still arrive whole and in order.
    while (deliveries.length < 27) await new Promise((r) => setTimeout(r, 20));
    for (const chat of ["zalo-0", "zalo-7", "zalo-newcomer"])
      expect(deliveries.filter((d) => d.chat === chat).map((d) => d.text)).toEqual([
        "Tra loi",
        "Nhan nhac nho?",
        "Co giup ich khong?",
      ]);
  }, 20_000);
});
