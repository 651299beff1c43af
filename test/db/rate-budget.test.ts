import { describe, expect, it } from "vitest";
import { SqlRateBudget } from "../../src/db/sql-rate-budget";
import { useFreshDatabase } from "../helpers/fresh-database";

// The send schedule that several processes share (runs on SQLite, and on PostgreSQL in CI).
describe("shared send schedule", () => {
  const db = useFreshDatabase();

  it("gives every send its own slot, one interval apart, whoever asks", async () => {
    const now = 1_800_000_000_000;
    const a = new SqlRateBudget(db().sql);
    const b = new SqlRateBudget(db().sql);
    const slots = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).reserve("telegram", 40, now)),
    );
    expect([...slots].sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => now + i * 40));
  });

  it("after a quiet spell starts again from now, not with a run of slots in the past", async () => {
    const budget = new SqlRateBudget(db().sql);
    const later = 1_800_000_600_000;
    expect(await budget.reserve("telegram", 40, later)).toBe(later);
    expect(await budget.reserve("telegram", 40, later)).toBe(later + 40);
    // Another channel has a schedule of its own.
    expect(await budget.reserve("zalo-bot", 100, later)).toBe(later);
  });
});
