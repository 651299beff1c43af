import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger";
import type { OutboxStore } from "../../../src/core/ports";
import type { TextRenderer } from "../../../src/core/renderer";
import { BroadcastService } from "../../../src/features/broadcasts/broadcast-service";
import { FakeBroadcastStore } from "../../../src/features/broadcasts/fake-broadcast-store";

const outbox = { enqueue: async () => {} } as unknown as OutboxStore;
const texts = { render: () => "" } as unknown as TextRenderer;

describe("an officer cancels a broadcast halfway through", () => {
  it("the rest is stopped and the officer hears how many went, how many stopped and how many were in flight", async () => {
    const store = new FakeBroadcastStore();
    const ids = Array.from({ length: 10 }, (_, i) => `citizen-${i}`);
    for (const id of ids)
      store.addRecipient({
        id,
        channel: "telegram",
        externalId: id,
        language: "vi",
        reachable: true,
        subscribed: true,
        communeCode: "21025",
        ownsVenue: false,
      });
    const service = new BroadcastService(store, outbox, texts, silentLogger);
    const now = new Date();
    const b = await service.create({
      text: "Tiêm mũi nhắc lại.",
      audience: { all: true },
      sendAt: now,
      createdBy: "o-1",
    });
    await service.tick(now);
    for (const id of ids.slice(0, 4)) store.settle(b.id, id, "sent");
    store.settle(b.id, "citizen-4", "sending");
    // It has started: too late to move or rewrite it, not to stop it.
    expect(await service.update(b.id, { text: "Khác" }, "o-1")).toBeNull();

    const outcome = await service.stop(b.id, now, "o-1");
    expect(outcome).toMatchObject({ sent: 4, stopped: 5, inFlight: 1 });
    expect(store.rows.filter((r) => r.status === "pending")).toEqual([]);
    expect(await service.stop(b.id, now, "o-1")).toBe("finished");
    expect(await service.stop("no-such-id", now, "o-1")).toBe("notFound");
    expect((await service.listOpen({ limit: 10 })).map((x) => x.id)).toEqual([]);
  });

  it("a new Vietnamese text without a new English one drops the stale translation", async () => {
    const store = new FakeBroadcastStore();
    const service = new BroadcastService(store, outbox, texts, silentLogger);
    const later = new Date(Date.now() + 3_600_000);
    const b = await service.create({
      text: "Tiêm thứ Bảy.",
      textEn: "Shots on Saturday.",
      audience: { all: true },
      sendAt: later,
      createdBy: "o-1",
    });
    expect(await service.update(b.id, { text: "Tiêm Chủ nhật." }, "o-1")).toMatchObject({
      text: "Tiêm Chủ nhật.",
      textEn: null,
      sendAt: later,
    });
  });
});
