import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger";
import type { OutboxItem, OutboxStore } from "../../../src/core/ports";
import { BroadcastService } from "../../../src/features/broadcasts/broadcast-service";
import type {
  BroadcastCounts,
  BroadcastRecord,
  BroadcastStore,
} from "../../../src/features/broadcasts/broadcast-store";
import { createTextRenderer } from "../../../src/i18n/i18n";

/** One broadcast to 200 people, already queued; the test moves its delivery counts along. */
function sendingBroadcast() {
  const broadcast: BroadcastRecord = {
    id: "b-1234567",
    text: "Tiêm mũi nhắc lại tại trạm y tế xã.",
    textEn: null,
    audience: { all: true },
    status: "sending",
    sendAt: new Date(0),
    createdBy: "officer-1",
    creatorContactId: "officer-1",
    materialisedAt: new Date(0),
    reported: 0,
    createdAt: new Date(0),
    finishedAt: null,
  };
  const counts: BroadcastCounts = {
    total: 200,
    sent: 0,
    failed: 0,
    unknown: 0,
    blocked: 0,
    pending: 200,
    cancelled: 0,
    skipped: 0,
  };
  const store = {
    async startDue() {
      return [];
    },
    async listSending() {
      return broadcast.status === "sending" ? [{ ...broadcast }] : [];
    },
    async get() {
      return { ...broadcast };
    },
    async counts() {
      return { ...counts };
    },
    async advanceReported(_id: string, from: number, to: number) {
      if (broadcast.reported !== from) return false;
      broadcast.reported = to;
      return true;
    },
    async finishIfDrained() {
      if (counts.pending > 0 || broadcast.status !== "sending") return false;
      broadcast.status = "done";
      return true;
    },
    async contactAddress() {
      return { channel: "webchat" as const, externalId: "officer-chat", language: "vi" as const };
    },
  } as unknown as BroadcastStore;
  const told: string[] = [];
  const outbox = {
    async enqueue(items: OutboxItem[]) {
      for (const item of items) if (item.message.kind === "text") told.push(item.message.text);
    },
  } as unknown as OutboxStore;
  const deliver = (sent: number) => {
    counts.sent = sent;
    counts.pending = counts.total - sent;
  };
  return { store, outbox, told, deliver };
}

describe("an officer hears how a broadcast is going", () => {
  it("at 25, 50 and 75 % once each, a jump past two milestones says only the latest, then the final report", async () => {
    const { store, outbox, told, deliver } = sendingBroadcast();
    const texts = await createTextRenderer(join(import.meta.dirname, "../../../locales"));
    const service = new BroadcastService(store, outbox, texts, silentLogger);
    const now = new Date();

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
