import { describe, expect, it } from "vitest";
import { withinEditDistance } from "../../../src/features/faq/bounded-edit-distance";
import { loadFaqMatcher } from "../../../src/features/faq/load-faq-matcher";
import { LOCALES_DIR } from "./labelled-questions";

/**
 * Milliseconds of CPU this process spent in `task`. CPU time rather than wall time: the test machine is
 * shared, and waiting for a core is not the matcher's cost.
 */
function cpuMs(task: () => unknown): number {
  const before = process.cpuUsage();
  task();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

describe("withinEditDistance", () => {
  it("accepts one slip of the finger: a missing, extra, wrong or swapped letter", () => {
    expect(withinEditDistance("bluzone", "bluezone", 1)).toBe(true);
    expect(withinEditDistance("vaccinee", "vaccine", 1)).toBe(true);
    expect(withinEditDistance("thoaj", "thoai", 1)).toBe(true);
    expect(withinEditDistance("thaoi", "thoai", 1)).toBe(true);
  });

  it("rejects words further apart than allowed", () => {
    expect(withinEditDistance("kitten", "sitting", 2)).toBe(false);
    expect(withinEditDistance("kitten", "sitting", 3)).toBe(true);
    expect(withinEditDistance("abc", "xyz", 2)).toBe(false);
    expect(withinEditDistance("a", "abcd", 2)).toBe(false);
  });

  it("handles empty words", () => {
    expect(withinEditDistance("", "", 0)).toBe(true);
    expect(withinEditDistance("", "ab", 2)).toBe(true);
    expect(withinEditDistance("", "abc", 2)).toBe(false);
  });

  it("compares two 12,000-letter words without quadratic work", () => {
    const long = "x".repeat(12_000);
    // Warm-up on 1,200-letter words, so the timing measures the algorithm and not the JIT compiler; a
    // quadratic algorithm fills 144 million cells for 12,000 letters (about a second), the banded one 60,000.
    // The bound is generous because the test machine is shared.
    const shorter = "x".repeat(1_200);
    for (let i = 0; i < 30; i += 1) withinEditDistance(shorter, `${shorter}y`, 2);
    const spent = cpuMs(() => {
      expect(withinEditDistance(long, `${long}y`, 2)).toBe(true);
      expect(withinEditDistance(long, "y".repeat(12_000), 2)).toBe(false);
    });
    expect(spent).toBeLessThan(100);
  });
});

describe("FAQ matcher on pathological input", () => {
  const matcher = loadFaqMatcher(LOCALES_DIR);
  matcher.match(`warm up ${"b".repeat(12_000)}`);

  it("answers a 12,000-letter word quickly and with no topic", () => {
    let topic: string | null = "unset";
    // About 2 ms once warm; generous for a cold first call on a shared machine.
    expect(cpuMs(() => (topic = matcher.match("a".repeat(12_000)).topic))).toBeLessThan(50);
    expect(topic).toBeNull();
  });

  it("answers a pasted essay of near-miss words quickly", () => {
    const essay = Array.from({ length: 3000 }, (_, i) => `tiemchung${i % 50}x khaibaoo`).join(" ");
    // About 7 ms: the text is cut at 1,000 letters before any work.
    expect(cpuMs(() => matcher.match(essay))).toBeLessThan(50);
  });
});
