import { describe, expect, it } from "vitest";
import { readDate } from "../../../src/core/understanding/date-reading";
import { readTime } from "../../../src/core/understanding/time-reading";

// Tuesday 1 December 2026, 10:00 in Vietnam (03:00 UTC).
const NOW = new Date("2026-12-01T03:00:00Z");

/** "HH:MM DD/MM/YYYY" in Vietnam time, or the failure reason. */
function when(text: string, now = NOW): string {
  const r = readTime(text, now);
  if (!r.ok) return r.reason;
  const local = new Date(r.at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

describe("a send time typed as people write it (Vietnam time)", () => {
  it.each([
    ["11h", "11:00 01/12/2026"],
    ["11h30", "11:30 01/12/2026"],
    ["11 giờ 30", "11:30 01/12/2026"],
    ["11 gio 30 phut", "11:30 01/12/2026"],
    ["11g30", "11:30 01/12/2026"],
    ["20h", "20:00 01/12/2026"],
    ["20:00", "20:00 01/12/2026"],
    ["8:30 tối", "20:30 01/12/2026"],
    ["8:30 toi", "20:30 01/12/2026"],
    ["2:30 chiều", "14:30 01/12/2026"],
    ["8 giờ tối", "20:00 01/12/2026"],
    ["8h rưỡi tối", "20:30 01/12/2026"],
    ["12h trưa", "12:00 01/12/2026"],
    ["1h trưa", "13:00 01/12/2026"],
    ["tối nay 8h", "20:00 01/12/2026"],
    ["mai 8h", "08:00 02/12/2026"],
    ["ngày mai 8h", "08:00 02/12/2026"],
    ["8h sáng mai", "08:00 02/12/2026"],
    ["sáng mai lúc 7 giờ", "07:00 02/12/2026"],
    ["thứ 2 8h", "08:00 07/12/2026"],
    ["thứ hai 8h", "08:00 07/12/2026"],
    ["t2 8h", "08:00 07/12/2026"],
    ["8h thứ 3", "08:00 08/12/2026"],
    ["thứ 3 15h", "15:00 01/12/2026"],
    ["chủ nhật 9h", "09:00 06/12/2026"],
    ["cn 9h", "09:00 06/12/2026"],
    ["thứ 6 tuần sau 9h", "09:00 11/12/2026"],
    ["25/12", "00:00 25/12/2026"],
    ["25/12 8h", "08:00 25/12/2026"],
    ["8h 25/12", "08:00 25/12/2026"],
    ["25-12-2026 20:30", "20:30 25/12/2026"],
    ["ngày 25 tháng 12 lúc 8h", "08:00 25/12/2026"],
    ["5/1 8h", "08:00 05/01/2027"],
    ["tomorrow 8am", "08:00 02/12/2026"],
    ["8pm", "20:00 01/12/2026"],
    ["8:30pm", "20:30 01/12/2026"],
    ["at 3pm", "15:00 01/12/2026"],
  ])("%j is %s", (text, expected) => {
    expect(when(text)).toBe(expected);
  });

  it("a time alone that has passed today means tomorrow, flagged so the composer can confirm it", () => {
    const r = readTime("8h", NOW);
    expect(r.ok && r.rolledToTomorrow).toBe(true);
    expect(when("8h")).toBe("08:00 02/12/2026");
  });

  it("a weekday named today whose time has passed is next week's", () => {
    expect(when("thứ 3 8h")).toBe("08:00 08/12/2026");
  });

  it.each([
    ["30/11 8h", "past"],
    ["1/12 9h", "past"],
    ["hôm nay 9h", "past"],
    ["30/11/2026", "past"],
    ["31/2", "invalid"],
    ["25h", "invalid"],
    ["8h70", "invalid"],
    ["13h sáng", "invalid"],
    ["25/12/2028", "too-far"],
    ["8", "unreadable"],
    ["khi nào rảnh", "unreadable"],
    ["8h tối hoặc 9h", "unreadable"],
    ["", "unreadable"],
    ["🙂", "unreadable"],
    ["0905123456", "unreadable"],
  ])("%j is %s: explained and asked again", (text, reason) => {
    expect(when(text)).toBe(reason);
  });

  it("tells whether a day and a time were given", () => {
    expect(readTime("25/12", NOW)).toMatchObject({ ok: true, hasDate: true, hasTime: false });
    expect(readTime("20h", NOW)).toMatchObject({ ok: true, hasDate: false, hasTime: true });
    expect(readTime("mai 8h", NOW)).toMatchObject({ ok: true, hasDate: true, hasTime: true });
  });

  it("crosses the date line at Vietnam midnight, not UTC's", () => {
    // 23:30 on 1 Dec in Vietnam is 16:30 UTC; "mai" is 2 Dec, "23h" tonight has passed.
    const late = new Date("2026-12-01T16:30:00Z");
    expect(when("mai 7h", late)).toBe("07:00 02/12/2026");
    expect(when("23h45", late)).toBe("23:45 01/12/2026");
  });
});

/** "DD/MM/YYYY precision" or the failure reason. */
function day(text: string, notBefore?: Date): string {
  const r = readDate(text, NOW, notBefore ? { notBefore } : {});
  if (!r.ok) return r.reason;
  const local = new Date(r.date.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${r.precision}`;
}

describe("a date of the past (the last vaccine dose)", () => {
  it.each([
    ["12/3", "12/03/2026 day"],
    ["12/03/2022", "12/03/2022 day"],
    ["12-3-22", "12/03/2022 day"],
    ["12 tháng 3", "12/03/2026 day"],
    ["ngày 12 tháng 3 năm 2022", "12/03/2022 day"],
    ["25/12", "25/12/2025 day"],
    ["tháng 3/2022", "01/03/2022 month"],
    ["thang 3 nam 2022", "01/03/2022 month"],
    ["3/2022", "01/03/2022 month"],
    ["tháng 3", "01/03/2026 month"],
    ["3 tháng trước", "01/09/2026 day"],
    ["khoảng 3 tháng trước", "01/09/2026 day"],
    ["2 tuần trước", "17/11/2026 day"],
    ["10 ngày trước", "21/11/2026 day"],
    ["hôm qua", "30/11/2026 day"],
    ["hôm nay", "01/12/2026 day"],
    ["tháng trước", "01/11/2026 month"],
    ["năm ngoái", "01/01/2025 year"],
    ["2021", "01/01/2021 year"],
    ["3 months ago", "01/09/2026 day"],
  ])("%j is %s", (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    ["12/12/2026", "future"],
    ["2027", "future"],
    ["12/3/1990", "too-old"],
    ["31/2/2022", "invalid"],
    ["tháng 13/2022", "invalid"],
    ["lâu rồi", "unreadable"],
    ["", "unreadable"],
  ])("%j is %s", (text, reason) => {
    expect(day(text)).toBe(reason);
  });

  it("a campaign sets its own earliest day", () => {
    const campaign = new Date("2021-03-08T00:00:00+07:00");
    expect(day("1/1/2021", campaign)).toBe("too-old");
    expect(day("2021", campaign)).toBe("01/01/2021 year");
    expect(day("tháng 2/2021", campaign)).toBe("too-old");
  });
});
