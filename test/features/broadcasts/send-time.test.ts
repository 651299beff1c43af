import { describe, expect, it } from "vitest";
import { formatLocal, nextRun, parseSendTime } from "../../../src/features/broadcasts/send-time";

// 2021-12-24 20:00 in Vietnam (UTC+7).
const now = new Date("2021-12-24T13:00:00Z");

describe("times officers type (Vietnam time)", () => {
  it("'HH:MM' is today, or tomorrow once that time has passed", () => {
    expect(parseSendTime("21:30", now)).toEqual(new Date("2021-12-24T14:30:00Z"));
    expect(parseSendTime("07:00", now)).toEqual(new Date("2021-12-25T00:00:00Z"));
    expect(formatLocal(new Date("2021-12-25T00:00:00Z"))).toBe("07:00 25/12");
  });

  it("'DD/MM HH:MM' is this year; a past or impossible date is refused", () => {
    expect(parseSendTime("31/12 7:30", now)).toEqual(new Date("2021-12-31T00:30:00Z"));
    expect(parseSendTime("01/12 07:30", now)).toBe("past");
    expect(parseSendTime("31/02 07:30", now)).toBe("invalid");
    expect(parseSendTime("ngày mai", now)).toBe("invalid");
    // As officers type them: hours with "h", a part of the day, "mai".
    expect(parseSendTime("mai 8h", now)).toEqual(new Date("2021-12-25T01:00:00Z"));
    expect(parseSendTime("31/12 8h30", now)).toEqual(new Date("2021-12-31T01:30:00Z"));
    expect(parseSendTime("9 giờ tối", now)).toEqual(new Date("2021-12-24T14:00:00Z"));
    expect(parseSendTime("25:00", now)).toBe("invalid");
  });

  it("recurring reminders run daily or on their weekday at the local time", () => {
    expect(nextRun({ every: "daily", time: "07:00" }, now)).toEqual(new Date("2021-12-25T00:00:00Z"));
    // 24/12/2021 is a Friday; the next Monday (1) is 27/12.
    expect(nextRun({ every: "weekly", weekday: 1, time: "07:00" }, now)).toEqual(
      new Date("2021-12-27T00:00:00Z"),
    );
  });
});
