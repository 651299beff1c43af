import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/core/messages";
import { fixedFaqKnowledge, loadPublishedFaqFromFiles } from "../../src/features/faq/content/published-faq";
import { FakeFaqStore } from "../../src/features/faq/fake-faq-store";
import { registerFaq } from "../../src/features/faq/faq-feature";
import { loadDistrict } from "../../src/features/venues/district";
import { FakeVenueStore } from "../../src/features/venues/fake-venue-store";
import { VenueService } from "../../src/features/venues/venue-service";
import { registerVenues, VENUE_MENU } from "../../src/features/venues/venues-feature";
import { createTextRenderer } from "../../src/i18n/i18n";
import { createEngineHarness } from "../helpers/engine-harness";

const root = join(import.meta.dirname, "../..");
const district = loadDistrict(JSON.parse(readFileSync(join(root, "data/districts/binh-son.json"), "utf8")));

/** Payloads the bot really offers, plus broken and forged variants of them. */
const payloads = [
  "venues:start",
  "venues:mine",
  "venues:resume",
  "venues:restart",
  "venue:cat:shop",
  "venue:cat:castle",
  "venue:commune:21040",
  "venue:commune:00000",
  "venue:communes:1",
  "venue:communes:-5",
  "venue:communes:x",
  "venue:confirm",
  "venue:edit",
  "venue:nav:cancel",
  "venue:nav:back",
  "venue:nav:cancel-yes",
  "venue:nav:stay",
  "venue:field:phone",
  "venue:field:nope",
  "venue:dup:yes",
  "venues:show:not-a-venue",
  "venues:toggle:",
  "faq:menu",
  "faq:group:pccovid",
  "faq:group:none",
  "faq:topic:pccovid.otp",
  "faq:topic:../../x",
  "faq:fb:up:pccovid.otp",
  "faq:fb:up:",
  "lang:en",
  "lang:xx",
  "menu:main",
];

const event: fc.Arbitrary<InboundEvent> = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => ({ type: "text" as const, text })),
  fc
    .constantFrom("1", "2", "9", "99", "0905 123 456", "Bình Hải", "Quán Hoa Sen", "hủy")
    .map((text) => ({ type: "text" as const, text })),
  fc.constantFrom(...payloads).map((payload) => ({ type: "button" as const, payload })),
  fc.string({ maxLength: 64 }).map((payload) => ({ type: "button" as const, payload })),
  fc
    .tuple(
      fc.constantFrom("start", "venue", "menu", "cancel", "lang", "help", "faq", "myvenues", "nope"),
      fc.string({ maxLength: 30 }),
    )
    .map(([command, args]) => ({ type: "command" as const, command, args })),
  fc.string({ maxLength: 20 }).map((phone) => ({ type: "contact" as const, phone })),
  fc.constant({ type: "unsupported" as const, what: "sticker" }),
  fc
    .tuple(fc.double(), fc.double())
    .map(([latitude, longitude]) => ({ type: "location" as const, latitude, longitude })),
);

describe("every dialog step under random input", () => {
  it("always answers, never crashes, never leaves a half-made venue", async () => {
    const texts = await createTextRenderer(join(root, "locales"));
    const venues = new FakeVenueStore();
    const knowledge = fixedFaqKnowledge(loadPublishedFaqFromFiles(join(root, "locales")));
    const harness = await createEngineHarness(
      (router, showMenu) => {
        const service = new VenueService(venues, district, texts, "https://example.test");
        registerFaq(router, { knowledge, store: new FakeFaqStore(), showMenu });
        registerVenues(router, { service, store: venues, district, showMenu });
      },
      { menuEntries: VENUE_MENU },
    );
    // A real registration with random messages mixed in: the bad ones must be refused without derailing it.
    const happyPath: InboundEvent[] = [
      { type: "command", command: "venue", args: "" },
      { type: "text", text: "Quán Cơm Bình Dân" },
      { type: "button", payload: "venue:cat:food-service" },
      { type: "text", text: "Bình Hải" },
      { type: "text", text: "Thôn Thanh Thủy" },
      { type: "text", text: "Nguyễn Văn An" },
      { type: "text", text: "0905 111 333" },
      { type: "button", payload: "venue:confirm" },
    ];
    const withNoise = fc
      .array(fc.tuple(fc.nat({ max: happyPath.length }), event), { maxLength: 6 })
      .map((noise) => {
        const out = [...happyPath];
        for (const [at, e] of noise.sort((a, b) => b[0] - a[0])) out.splice(at, 0, e);
        return out;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.array(event, { minLength: 1, maxLength: 25 }), withNoise),
        async (events) => {
          for (const e of events) {
            const answers = await harness.send(e, { externalId: "fuzzer" });
            // Every message gets an answer (an unfollow is the one event that is meant to get none).
            const errors = answers.filter(
              (m) => m.kind === "text" && m.text.startsWith("Xin lỗi, hệ thống vừa gặp sự cố"),
            );
            expect(errors, JSON.stringify(e)).toEqual([]);
          }
          for (const v of venues.venues.values()) {
            expect(v.name.length).toBeGreaterThanOrEqual(2);
            expect(v.contactPhone).toMatch(/^\+84\d{9,10}$/);
            expect(district.units.some((u) => u.code === v.communeCode)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property above is only meaningful if some runs really registered venues.
    expect(venues.venues.size).toBeGreaterThan(0);
  });
});
