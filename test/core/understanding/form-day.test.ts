import { describe, expect, it } from "vitest";
import { readFormDay } from "../../../src/core/understanding/form-day";
import { readVisitWindow } from "../../../src/http/dashboard/visit-window";

// 10:00 on 2 December 2026 in Vietnam.
const NOW = new Date("2026-12-02T03:00:00Z");

describe("a day typed in a dashboard field is read as officers and browsers write it", () => {
  it("reads dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd and the chat's past days", () => {
    expect(readFormDay("26/11/2026", NOW)).toEqual({ ok: true, day: "2026-11-26" });
    expect(readFormDay(" 3/7/2026 ", NOW)).toEqual({ ok: true, day: "2026-07-03" });
    expect(readFormDay("2026-11-26", NOW)).toEqual({ ok: true, day: "2026-11-26" });
    expect(readFormDay("hôm qua", NOW)).toEqual({ ok: true, day: "2026-12-01" });
  });

  it("says why a day cannot be used: not a day, one that does not exist, one to come", () => {
    expect(readFormDay("tuần gì đó", NOW)).toEqual({ ok: false, reason: "unreadable" });
    expect(readFormDay("31/02/2026", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(readFormDay("2026-02-31", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(readFormDay("25/12/2026", NOW)).toEqual({ ok: false, reason: "future" });
  });
});

describe("the tracing window of the visits page", () => {
  it("is the last 14 days unless typed; a day alone runs from its start to its end, a time is kept", () => {
    const fallback = readVisitWindow({ from: "", to: "" }, NOW);
    expect(fallback).toEqual({ ok: true, window: { from: new Date("2026-11-18T03:00:00Z"), to: NOW } });
    expect(readVisitWindow({ from: "20/11/2026", to: "21/11/2026" }, NOW)).toEqual({
      ok: true,
      window: { from: new Date("2026-11-19T17:00:00Z"), to: new Date("2026-11-21T17:00:00Z") },
    });
    expect(readVisitWindow({ from: "20/11/2026 08:30", to: "17:00 20/11/2026" }, NOW)).toEqual({
      ok: true,
      window: { from: new Date("2026-11-20T01:30:00Z"), to: new Date("2026-11-20T10:00:00Z") },
    });
  });

  it("refuses a reversed, too long or unreadable window with the reason", () => {
    expect(readVisitWindow({ from: "21/11/2026", to: "20/11/2026 06:00" }, NOW)).toEqual({
      ok: false,
      error: "reversed",
    });
    expect(readVisitWindow({ from: "01/09/2026", to: "" }, NOW)).toEqual({ ok: false, error: "tooLong" });
    expect(readVisitWindow({ from: "abc", to: "" }, NOW)).toEqual({ ok: false, error: "fromUnreadable" });
    expect(readVisitWindow({ from: "", to: "25:00 01/12/2026" }, NOW)).toEqual({
      ok: false,
      error: "toUnreadable",
    });
  });
});
