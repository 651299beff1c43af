import { describe, expect, it } from "vitest";
import { DOSE_INTERVALS, intervalFor } from "../../../src/features/follow-ups/dose-intervals";
import { saysStopReminders, saysVaccinated } from "../../../src/features/follow-ups/follow-ups-feature";

describe("dose reminders", () => {
  it("ships no interval: none is confirmed with a source in the project's domain notes", () => {
    expect(DOSE_INTERVALS).toEqual([]);
    expect(intervalFor("pfizer")).toBeUndefined();
  });

  it("uses an interval only when it carries a source", () => {
    const table = [
      { vaccine: "pfizer", days: 21, source: "" },
      { vaccine: "moderna", days: 28, source: "Công văn số …/BYT-DP" },
    ];
    expect(intervalFor("pfizer", table)).toBeUndefined();
    expect(intervalFor("moderna", table)?.days).toBe(28);
    expect(intervalFor(null, table)).toBeUndefined();
  });

  it("reads 'đã tiêm' and 'dừng' as people type them", () => {
    for (const t of ["đã tiêm", "da tiem", "Đã tiêm rồi", "tiêm rồi", "tôi đã tiêm xong", "vaccinated"])
      expect(saysVaccinated(t), t).toBe(true);
    for (const t of ["đã tiêm mũi mấy?", "tiêm ở đâu", "chưa tiêm"]) expect(saysVaccinated(t), t).toBe(false);
    for (const t of ["dừng", "Dừng nhắc", "thôi nhắc nữa", "stop"])
      expect(saysStopReminders(t), t).toBe(true);
    for (const t of ["đúng", "dung"]) expect(saysStopReminders(t), t).toBe(false);
  });
});
