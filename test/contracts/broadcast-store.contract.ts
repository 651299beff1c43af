import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/core/messages";
import { DELIVERY_UNKNOWN } from "../../src/core/ports";
import type { Audience } from "../../src/features/broadcasts/audience";
import type { BroadcastStore } from "../../src/features/broadcasts/broadcast-store";
import type { FakeRecipient } from "../../src/features/broadcasts/fake-broadcast-store";
import { freshWorld, type Opened } from "./fresh-world";

/** A broadcast store with the people it may reach and the outbox rows it queues. */
export interface BroadcastWorld {
  store: BroadcastStore;
  /** Someone with a contact and a subscription (active or not), maybe owning an active venue. */
  person(recipient: FakeRecipient): Promise<void>;
  /** The broadcast's queued rows: to whom, what text, and how far the dispatcher got. */
  rows(broadcastId: string): Promise<{ contactId: string; text: string; status: string }[]>;
  /** What the dispatcher did with the row to one recipient. */
  settle(broadcastId: string, contactId: string, status: string, lastError?: string): Promise<void>;
}

const HOUR = 3_600_000;

/** What every {@link BroadcastStore} promises the broadcast service, the fake as much as the Prisma store. */
export function broadcastStoreContract(subject: string, open: () => Promise<Opened<BroadcastWorld>>): void {
  describe(`${subject} sends officers' broadcasts to the subscribers they aim at`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const now = new Date();
    const person = async (p: Partial<FakeRecipient> & { externalId: string }) => {
      const id = randomUUID();
      await world().person({
        id,
        channel: "zalo-bot",
        language: "vi",
        reachable: true,
        subscribed: true,
        communeCode: "21025",
        ownsVenue: false,
        ...p,
      });
      return id;
    };
    const broadcast = (audience: Audience = { all: true }, sendAt = new Date(now.getTime() - 1000)) =>
      store().create({
        id: randomUUID(),
        text: "Tiêm mũi nhắc lại tại trạm y tế xã sáng thứ Bảy.",
        textEn: "Booster shots at the commune health station on Saturday morning.",
        audience,
        sendAt,
        createdBy: "officer-1",
        creatorContactId: null,
      });
    const render = (lang: Language) => ({
      kind: "text" as const,
      text: lang === "en" ? "Booster" : "Mũi nhắc",
    });
    const queueAll = async (id: string) => {
      await store().startDue(now);
      while ((await store().materialiseNext(id, 500, render, now)) === "more");
    };

    it("a new broadcast waits scheduled, nothing reported, nothing queued", async () => {
      const created = await broadcast({ communes: ["21025"], languages: ["vi"] });
      expect(created).toMatchObject({
        status: "scheduled",
        audience: { communes: ["21025"], languages: ["vi"] },
        materialisedAt: null,
        reported: 0,
        finishedAt: null,
      });
      expect(await store().get(created.id)).toEqual(created);
      expect(await store().get(randomUUID())).toBeNull();
      expect(await store().counts(created.id)).toEqual({
        total: 0,
        sent: 0,
        failed: 0,
        unknown: 0,
        blocked: 0,
        pending: 0,
        cancelled: 0,
        skipped: 0,
      });
    });

    it("starts the broadcasts whose time has come, each only once, the later ones wait", async () => {
      const due = await broadcast();
      const later = await broadcast({ all: true }, new Date(now.getTime() + HOUR));
      expect(await store().startDue(now)).toEqual([due.id]);
      expect(await store().startDue(now)).toEqual([]);
      expect((await store().listSending()).map((b) => b.id)).toEqual([due.id]);
      expect((await store().get(later.id))?.status).toBe("scheduled");
    });

    it("lists sending broadcasts in the order they were due", async () => {
      const second = await broadcast({ all: true }, new Date(now.getTime() - 1000));
      const first = await broadcast({ all: true }, new Date(now.getTime() - HOUR));
      await store().startDue(now);
      expect((await store().listSending()).map((b) => b.id)).toEqual([first.id, second.id]);
    });

    it("reaches reachable subscribers only, narrowed by commune, language and venue ownership", async () => {
      await person({ externalId: "owner-vi", ownsVenue: true });
      await person({ externalId: "citizen-en", language: "en", communeCode: "21028" });
      await person({ externalId: "district-only", communeCode: null });
      await person({ externalId: "not-subscribed", subscribed: false });
      await person({ externalId: "blocked-bot", reachable: false });
      expect(await store().countAudience({ all: true })).toBe(3);
      expect(await store().countAudience({ communes: ["21025"] })).toBe(1);
      expect(await store().countAudience({ communes: ["21025", "21028"] })).toBe(2);
      expect(await store().countAudience({ languages: ["en"] })).toBe(1);
      expect(await store().countAudience({ roles: ["venue-owner"] })).toBe(1);
      expect(await store().countAudience({ roles: ["citizen"] })).toBe(2);
      expect(await store().countAudience({ roles: ["citizen", "venue-owner"] })).toBe(3);
    });

    it("queues one row per recipient in each one's language, batch by batch, and only once", async () => {
      const vi = await person({ externalId: "a" });
      const en = await person({ externalId: "b", language: "en" });
      const vi2 = await person({ externalId: "c" });
      await person({ externalId: "gone", reachable: false });
      const b = await broadcast();
      await store().startDue(now);
      const steps = [];
      for (let i = 0; i < 4; i++) steps.push(await store().materialiseNext(b.id, 2, render, now));
      expect(steps).toEqual(["more", "more", "done", "stopped"]);
      const rows = await world().rows(b.id);
      expect(rows.map((r) => [r.contactId, r.text, r.status]).sort()).toEqual(
        [
          [vi, "Mũi nhắc", "pending"],
          [en, "Booster", "pending"],
          [vi2, "Mũi nhắc", "pending"],
        ].sort(),
      );
      expect((await store().get(b.id))?.materialisedAt).toEqual(now);
      expect((await store().counts(b.id)).pending).toBe(3);
    });

    it("queues nothing for a broadcast that has not started", async () => {
      await person({ externalId: "a" });
      const b = await broadcast({ all: true }, new Date(now.getTime() + HOUR));
      expect(await store().materialiseNext(b.id, 10, render, now)).toBe("stopped");
      expect(await world().rows(b.id)).toEqual([]);
    });

    it("counts what the dispatcher did; a row cut off mid-send is failed and unknown", async () => {
      const sent = await person({ externalId: "sent" });
      const failed = await person({ externalId: "failed" });
      const cutOff = await person({ externalId: "cut-off" });
      const blocked = await person({ externalId: "blocked" });
      await person({ externalId: "waiting" });
      const b = await broadcast();
      await queueAll(b.id);
      await world().settle(b.id, sent, "sent");
      await world().settle(b.id, failed, "failed", "429 too many requests");
      await world().settle(b.id, cutOff, "failed", DELIVERY_UNKNOWN);
      await world().settle(b.id, blocked, "blocked");
      expect(await store().counts(b.id)).toEqual({
        total: 5,
        sent: 1,
        failed: 2,
        unknown: 1,
        blocked: 1,
        pending: 1,
        cancelled: 0,
        skipped: 0,
      });
    });

    it("is done only once every row is settled, and only one caller finishes it", async () => {
      const a = await person({ externalId: "a" });
      const b = await broadcast();
      await store().startDue(now);
      expect(await store().finishIfDrained(b.id, now)).toBe(false);
      await queueAll(b.id);
      expect(await store().finishIfDrained(b.id, now)).toBe(false);
      await world().settle(b.id, a, "sent");
      expect(await store().finishIfDrained(b.id, now)).toBe(true);
      expect(await store().finishIfDrained(b.id, now)).toBe(false);
      expect(await store().get(b.id)).toMatchObject({ status: "done", finishedAt: now });
      expect(await store().listSending()).toEqual([]);
    });

    it("each progress milestone is claimed by one caller", async () => {
      const b = await broadcast();
      expect(await store().advanceReported(b.id, 0, 25)).toBe(true);
      expect(await store().advanceReported(b.id, 0, 25)).toBe(false);
      expect(await store().advanceReported(b.id, 25, 75)).toBe(true);
      expect((await store().get(b.id))?.reported).toBe(75);
    });

    it("cancelling stops the unsent rows, keeps the sent ones, and happens once", async () => {
      const a = await person({ externalId: "a" });
      await person({ externalId: "b" });
      const b = await broadcast();
      await queueAll(b.id);
      await world().settle(b.id, a, "sent");
      expect(await store().cancel(b.id, now)).toMatchObject({
        id: b.id,
        status: "cancelled",
        finishedAt: now,
      });
      expect(await store().counts(b.id)).toMatchObject({ total: 2, sent: 1, pending: 0, cancelled: 1 });
      expect(await store().cancel(b.id, now)).toBeNull();
      expect(await store().finishIfDrained(b.id, now)).toBe(false);
      const scheduled = await broadcast({ all: true }, new Date(now.getTime() + HOUR));
      expect((await store().cancel(scheduled.id, now))?.status).toBe("cancelled");
      expect(await store().startDue(new Date(now.getTime() + 2 * HOUR))).toEqual([]);
    });

    it("an officer moves or rewrites a scheduled broadcast; one already started is left alone", async () => {
      const later = await broadcast({ all: true }, new Date(now.getTime() + HOUR));
      const mine = await store().listOpen({ createdBy: "officer-1", limit: 10 });
      expect(mine.map((b) => b.id)).toEqual([later.id]);
      expect(await store().listOpen({ createdBy: "someone-else", limit: 10 })).toEqual([]);
      const moved = new Date(now.getTime() + 3 * HOUR);
      expect(
        await store().update(later.id, { sendAt: moved, text: "Tiêm mũi nhắc lại chuyển sang Chủ nhật." }),
      ).toMatchObject({
        id: later.id,
        status: "scheduled",
        sendAt: moved,
        text: "Tiêm mũi nhắc lại chuyển sang Chủ nhật.",
      });
      expect(await store().startDue(new Date(now.getTime() + 2 * HOUR))).toEqual([]);
      const started = await broadcast();
      await store().startDue(now);
      expect(await store().update(started.id, { text: "quá muộn" })).toBeNull();
      expect((await store().get(started.id))?.text).toBe("Tiêm mũi nhắc lại tại trạm y tế xã sáng thứ Bảy.");
      expect((await store().listOpen({ limit: 10 })).map((b) => b.id)).toEqual([started.id, later.id]);
      await store().cancel(later.id, now);
      expect((await store().listOpen({ limit: 10 })).map((b) => b.id)).toEqual([started.id]);
    });

    it("finds where, and in which language, to tell the officer", async () => {
      const officer = await person({
        externalId: "officer-chat",
        channel: "webchat",
        language: "en",
        subscribed: false,
      });
      expect(await store().contactAddress(officer)).toEqual({
        channel: "webchat",
        externalId: "officer-chat",
        language: "en",
      });
      expect(await store().contactAddress(randomUUID())).toBeNull();
    });
  });
}
