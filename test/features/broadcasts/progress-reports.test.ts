import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger";
import type { OutboxItem, OutboxStore } from "../../../src/core/ports";
import { BroadcastService } from "../../../src/features/broadcasts/broadcast-service";
import { FakeBroadcastStore } from "../../../src/features/broadcasts/fake-broadcast-store";
import { createTextRenderer } from "../../../src/i18n/i18n";

/** One broadcast to 200 subscribers, started by the officer on the web chat; the test delivers its rows. */
async function sendingBroadcast() {
  const store = new FakeBroadcastStore();
  const person = { channel: "zalo-bot" as const, language: "vi" as const, reachable: true, ownsVenue: false };
  store.addRecipient({
    ...person,
    id: "officer-1",
    channel: "webchat",
    externalId: "officer-chat",
    subscribed: false,
    communeCode: null,
  });
  const subscribers = Array.from({ length: 200 }, (_, i) => `citizen-${String(i).padStart(3, "0")}`);
  for (const id of subscribers)
    store.addRecipient({ ...person, id, externalId: id, subscribed: true, communeCode: "21025" });
  await store.create({
    id: "b-1234567",
    text: "Tiêm mũi nhắc lại tại trạm y tế xã.",
    textEn: null,
    audience: { all: true },
    sendAt: new Date(0),
    createdBy: "officer-1",
    creatorContactId: "officer-1",
  });
  const told: string[] = [];
  const outbox = {
    async enqueue(items: OutboxItem[]) {
      for (const item of items) if (item.message.kind === "text") told.push(item.message.text);
    },
  } as unknown as OutboxStore;
  const deliver = (sent: number) => {
    for (const id of subscribers.slice(0, sent)) store.settle("b-1234567", id, "sent");
  };
  return { store, outbox, told, deliver };
}

describe("an officer hears how a broadcast is going", () => {
  it("at 25, 50 and 75 % once each, a jump past two milestones says only the latest, then the final report", async () => {
    const { store, outbox, told, deliver } = await sendingBroadcast();
    const texts = await createTextRenderer(join(import.meta.dirname, "../../../locales"));
    const service = new BroadcastService(store, outbox, texts, silentLogger);
    const now = new Date();

    await service.tick(now); // due: queued for all 200, none sent yet
    expect(store.rows).toHaveLength(200);
    deliver(40); // 20 %
    await service.tick(now);
    expect(told).toEqual([]);

    deliver(50); // 25 %
    await service.tick(now);
    await service.tick(now);
    expect(told).toEqual([
      "📣 Thông báo #b-1234 “Tiêm mũi nhắc lại tại trạm y tế xã.”: đã xử lý 25% (50/200 đã gửi).",
    ]);

    deliver(160); // 80 %: 50 % was never seen
    await service.tick(now);
    expect(told.slice(1)).toEqual([
      "📣 Thông báo #b-1234 “Tiêm mũi nhắc lại tại trạm y tế xã.”: đã xử lý 75% (160/200 đã gửi).",
    ]);

    deliver(200);
    await service.tick(now);
    await service.tick(now);
    expect(told).toHaveLength(3);
    expect(told[2]).toMatch(
      /^✅ Đã gửi xong thông báo #b-1234 “Tiêm mũi nhắc lại tại trạm y tế xã\.”\.\nTổng: 200 – gửi được: 200 – lỗi: 0/,
    );
  });
});
