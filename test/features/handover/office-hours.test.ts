import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config";
import {
  describeHours,
  describeMoment,
  isOpen,
  nextOpening,
  parseOfficeHours,
} from "../../../src/features/handover/office-hours";

const HOURS = parseOfficeHours("Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30");
/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe("office hours (Vietnam time) decide what a person is told", () => {
  it("is open in the morning and afternoon of a weekday, closed at lunch, at night and on Sunday", () => {
    expect(isOpen(HOURS, vn("2026-12-02T07:30:00"))).toBe(true); // Wednesday
    expect(isOpen(HOURS, vn("2026-12-02T12:00:00"))).toBe(false);
    expect(isOpen(HOURS, vn("2026-12-02T16:59:00"))).toBe(true);
    expect(isOpen(HOURS, vn("2026-12-02T17:00:00"))).toBe(false);
    expect(isOpen(HOURS, vn("2026-12-05T09:00:00"))).toBe(true); // Saturday morning
    expect(isOpen(HOURS, vn("2026-12-05T14:00:00"))).toBe(false);
    expect(isOpen(HOURS, vn("2026-12-06T09:00:00"))).toBe(false); // Sunday
  });

  it("says when the next answer can be expected: after lunch, the next morning, or Monday", () => {
    expect(nextOpening(HOURS, vn("2026-12-02T12:00:00"))).toEqual(vn("2026-12-02T13:30:00"));
    expect(nextOpening(HOURS, vn("2026-12-02T22:15:00"))).toEqual(vn("2026-12-03T07:30:00"));
    expect(nextOpening(HOURS, vn("2026-12-05T12:00:00"))).toEqual(vn("2026-12-07T07:30:00"));
    expect(describeMoment(vn("2026-12-07T07:30:00"), "vi")).toBe("07:30 Thứ 2, 07/12");
    expect(describeMoment(vn("2026-12-07T07:30:00"), "en")).toBe("07:30 Mon, 07/12");
  });

  it("describes the hours the way a notice board does", () => {
    expect(describeHours(HOURS, "vi")).toBe("Thứ 2–Thứ 6: 07:30–11:30, 13:30–17:00; Thứ 7: 07:30–11:30");
    expect(describeHours(HOURS, "en")).toBe("Mon–Fri: 07:30–11:30, 13:30–17:00; Sat: 07:30–11:30");
  });

  it("a bad HANDOVER_OFFICE_HOURS stops start-up with a line naming it", () => {
    expect(() => loadConfig({ HANDOVER_OFFICE_HOURS: "Mon-Fri 7h30 to 17h" })).toThrow(
      /HANDOVER_OFFICE_HOURS/,
    );
    expect(() => loadConfig({ HANDOVER_OFFICE_HOURS: "Moonday 07:30-11:30" })).toThrow(/unknown day/);
    expect(() => loadConfig({ HANDOVER_OFFICE_HOURS: "Mon 17:00-07:30" })).toThrow(/not a range/);
    expect(loadConfig({}).HANDOVER_OFFICE_HOURS.source).toBe("Mon-Fri 07:30-11:30,13:30-17:00");
  });
});
