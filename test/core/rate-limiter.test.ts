import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/core/rate-limiter";

describe("rate limiter", () => {
  it("never lets more than the overall rate through in any second", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 30, perChatPerSecond: 1, perChatBurst: 1 }, () => now);
    const sentAt: number[] = [];
    for (let chat = 0; sentAt.length < 300; ) {
      const wait = limiter.tryTake(`chat-${chat}`);
      if (wait === 0) {
        sentAt.push(now);
        chat++;
      } else now += wait;
    }
    for (const t of sentAt)
      expect(sentAt.filter((s) => s > t - 1000 && s <= t).length).toBeLessThanOrEqual(31);
    expect(now).toBeGreaterThanOrEqual(9_000);
  });

  it("lets a short reply burst through in one chat, then paces it to one per second", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 30, perChatPerSecond: 1, perChatBurst: 3 }, () => now);
    now = 1000;
    expect([limiter.tryTake("a"), limiter.tryTake("a"), limiter.tryTake("a")]).toEqual([0, 0, 0]);
    expect(limiter.tryTake("a")).toBeGreaterThan(900);
  });
});
