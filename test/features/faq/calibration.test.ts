import { describe, expect, it } from "vitest";
import { calibrateOnAskedGroups } from "../../../src/features/faq/calibration";
import { LOOKALIKE_TOPICS } from "./labelled-questions";

// One writer's file: "quên mk" is their wording, and no other file has it.
const WRITER_A = {
  name: "tune-a.jsonl",
  questions: [
    { q: "quen mk so suc khoe", topic: "sskdt.login" },
    { q: "so suc khoe bi quen mk", topic: "sskdt.login" },
    { q: "so suc khoe la cai chi", topic: "sskdt.about" },
    { q: "gia ve xe khach di sai gon", topic: null },
  ],
};
const WRITER_B = {
  name: "tune-b.jsonl",
  questions: [
    { q: "so suc khoe dung de lam gi vay", topic: "sskdt.about" },
    { q: "khong dang nhap duoc so suc khoe", topic: "sskdt.login" },
    { q: "thoi tiet mai the nao", topic: null },
  ],
};

describe("refitting the FAQ's confidence on the questions people asked", () => {
  it("scores each file with a matcher that never learned it, so a writer's wording does not vouch for itself", () => {
    const apart = calibrateOnAskedGroups(LOOKALIKE_TOPICS, {}, [WRITER_A, WRITER_B]);
    // Scored without its own file, "quen mk" is a stranger's wording and the login is not found for it.
    expect(apart.rankedFirst).toBeLessThan(1);
    // The same file twice: each copy is scored by a matcher that learned the other, as if it had learned itself.
    const copied = calibrateOnAskedGroups(LOOKALIKE_TOPICS, {}, [
      WRITER_A,
      { ...WRITER_A, name: "copy" },
      WRITER_B,
    ]);
    expect(copied.rankedFirst).toBe(1);
  });

  it("reports every threshold and picks the one where the weaker figure is best, ties to more rejection", () => {
    const report = calibrateOnAskedGroups(LOOKALIKE_TOPICS, {}, [WRITER_A, WRITER_B]);
    expect(report.weights).toHaveLength(9);
    const rows = report.thresholds;
    for (const [i, row] of rows.entries()) {
      // No threshold answers right more often than the ranking is right.
      expect(row.inScopeTop1).toBeLessThanOrEqual(report.rankedFirst);
      const previous = rows[i - 1];
      if (previous === undefined) continue;
      expect(row.threshold).toBeGreaterThan(previous.threshold);
      expect(row.inScopeTop1).toBeLessThanOrEqual(previous.inScopeTop1);
      expect(row.outOfScopeRejection).toBeGreaterThanOrEqual(previous.outOfScopeRejection);
    }
    const weaker = (row: (typeof rows)[number]) => Math.min(row.inScopeTop1, row.outOfScopeRejection);
    const best = Math.max(...rows.map(weaker));
    const chosen = rows.find((row) => row.threshold === report.chosen);
    expect(chosen && weaker(chosen)).toBe(best);
    expect(rows.filter((row) => row.threshold > report.chosen && weaker(row) === best)).toEqual([]);
  });

  it("leaves out, and counts, questions labelled with a topic the FAQ does not have", () => {
    const stale = {
      name: "old.jsonl",
      questions: [{ q: "bluezone con dung duoc khong", topic: "pccovid.bluezone" }],
    };
    expect(calibrateOnAskedGroups(LOOKALIKE_TOPICS, {}, [WRITER_A, WRITER_B, stale]).skipped).toBe(1);
  });
});
