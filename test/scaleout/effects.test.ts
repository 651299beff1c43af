import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effectId } from "../../src/core/effect-id";
import { silentLogger } from "../../src/core/logger";
import { createMessageStores } from "../../src/db/message-stores";
import { PrismaBroadcastStore } from "../../src/db/prisma-broadcast-store";
import { PrismaVenueStore } from "../../src/db/prisma-venue-store";
import { PrismaVisitStore } from "../../src/db/prisma-visit-store";
import { BroadcastService } from "../../src/features/broadcasts/broadcast-service";
import { CheckinService } from "../../src/features/checkin/checkin-service";
import { loadDistrict } from "../../src/features/venues/district";
import { VenueService } from "../../src/features/venues/venue-service";
import { createTextRenderer } from "../../src/i18n/i18n";
import { useFreshDatabase } from "../helpers/fresh-database";

const root = join(import.meta.dirname, "../..");

/**
 * A turn runs again when its process died after the turn's effect and before the turn committed (ADR 016).
 * What it created outside the turn's transaction takes its id from the update, so the second run finds it.
 */
describe("a turn run twice creates its venue, visit and broadcast once", () => {
  const database = useFreshDatabase();

  it("registers the venue of one update once, however often the turn runs; another update registers its own", async () => {
    const { db } = database();
    const district = loadDistrict(
      JSON.parse(readFileSync(join(root, "data/districts/binh-son.json"), "utf8")),
    );
    const service = new VenueService(
      new PrismaVenueStore(db),
      district,
      await createTextRenderer(join(root, "locales")),
      "https://qr.example",
    );
    const details = {
      name: "Tiệm tạp hóa Cô Ba",
      category: "shop" as const,
      communeCode: "21040",
      address: "Thôn 3, xã Bình Sơn",
      contactName: "Trần Thị Ba",
      contactPhone: "+84905123456",
    };
    const first = await service.register(details, null, effectId("inbox:41", "venue"));
    const again = await service.register(details, null, effectId("inbox:41", "venue"));
    expect(again).toEqual(first);
    const other = await service.register(details, null, effectId("inbox:42", "venue"));
    expect(other.code).not.toBe(first.code);
    expect(await db.venue.count({ where: { name: details.name } })).toBe(2);

    // The check-in at that venue, in a turn that also ran twice: one visit, answered as new both times.
    const checkin = new CheckinService(new PrismaVisitStore(db), 21);
    const input = { venueId: first.id, source: "telegram" as const, contactId: null, now: new Date() };
    const a = await checkin.checkIn({ ...input, id: effectId("inbox:43", "visit") });
    const b = await checkin.checkIn({ ...input, id: effectId("inbox:43", "visit") });
    expect(b).toEqual(a);
    expect(b.repeat).toBe(false);
    expect(await db.visit.count({ where: { venueId: first.id } })).toBe(1);
  });

  it("derives a different, stable id per update and per kind of effect", () => {
    expect(effectId("inbox:1", "venue")).toBe(effectId("inbox:1", "venue"));
    expect(effectId("inbox:1", "venue")).not.toBe(effectId("inbox:2", "venue"));
    expect(effectId("inbox:1", "venue")).not.toBe(effectId("inbox:1", "visit"));
    expect(effectId("inbox:1", "ticket")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("creates the broadcast an officer confirmed in chat once, even when the confirming turn runs twice", async () => {
    const { db } = database();
    const service = new BroadcastService(
      new PrismaBroadcastStore(db),
      createMessageStores(database()).outbox,
      await createTextRenderer(join(root, "locales")),
      silentLogger,
    );
    const input = {
      text: "Tiêm mũi nhắc lại tại trạm y tế xã sáng thứ Bảy.",
      audience: { all: true as const },
      sendAt: new Date(Date.now() + 3_600_000),
      createdBy: "officer-1",
      id: effectId("inbox:44", "broadcast"),
    };
    const first = await service.create(input);
    const again = await service.create(input);
    expect(again.id).toBe(first.id);
    expect(await db.broadcast.count({ where: { text: input.text } })).toBe(1);
  });
});
