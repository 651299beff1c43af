import { describe, expect, it } from "vitest";
import { splitOptions } from "../../../src/features/surveys/compose-flow";
import { readNumberAnswer, readSurveyCommand, textAnswer } from "../../../src/features/surveys/survey-model";
import { percent, resultsCsv, tallyResults } from "../../../src/features/surveys/survey-results";
import type { SurveyRecord } from "../../../src/features/surveys/survey-store";

describe("survey answers as strangers type them", () => {
  it("reads a number typed with words, dots and spaces, and refuses ranges and words", () => {
    expect(readNumberAnswer("3")).toBe(3);
    expect(readNumberAnswer("3 người")).toBe(3);
    expect(readNumberAnswer("khoảng 12.")).toBe(12);
    expect(readNumberAnswer("1.500")).toBe(1500);
    expect(readNumberAnswer("3-4")).toBeUndefined();
    expect(readNumberAnswer("ba")).toBeUndefined();
    expect(readNumberAnswer("99999999")).toBeUndefined();
  });

  it("knows 'bỏ qua' and 'dừng', but not 'đúng' (which folds to the same letters as 'dừng')", () => {
    expect(readSurveyCommand("bo qua")).toBe("skip");
    expect(readSurveyCommand("Bỏ qua")).toBe("skip");
    expect(readSurveyCommand("dừng")).toBe("stop");
    expect(readSurveyCommand("dung lai")).toBe("stop");
    expect(readSurveyCommand("đúng")).toBeUndefined();
    expect(readSurveyCommand("dung")).toBeUndefined();
  });

  it("masks phone numbers in short text answers and refuses empty or long ones", () => {
    expect(textAnswer("  gọi  0905 123 456 ")).not.toContain("123 456");
    expect(textAnswer("   ")).toBeUndefined();
    expect(textAnswer("x".repeat(301))).toBeUndefined();
  });

  it("splits an officer's options typed on one line or several", () => {
    expect(splitOptions("Rồi; Chưa; Đang làm")).toEqual(["Rồi", "Chưa", "Đang làm"]);
    expect(splitOptions("1. In lại mã QR\n2) Hướng dẫn\n- Không cần")).toEqual([
      "In lại mã QR",
      "Hướng dẫn",
      "Không cần",
    ]);
  });
});

describe("survey results", () => {
  const survey: SurveyRecord = {
    id: "s1",
    title: "QR",
    questions: [
      { kind: "yesno", text: "Đã niêm yết chưa?" },
      { kind: "number", text: "Mấy nhân viên?" },
    ],
    audience: { roles: ["venue-owner"] },
    status: "open",
    closesAt: new Date(0),
    createdBy: "api",
    creatorContactId: null,
    materialisedAt: null,
    remindedAt: null,
    createdAt: new Date(0),
    closedAt: null,
  };
  const at = new Date(0);
  const answers = [
    { contactId: "a", question: 0, value: "yes", communeCode: "21040", venueId: null, answeredAt: at },
    { contactId: "b", question: 0, value: "no", communeCode: "21040", venueId: null, answeredAt: at },
    { contactId: "c", question: 0, value: "yes", communeCode: "21043", venueId: null, answeredAt: at },
    { contactId: "a", question: 1, value: "4", communeCode: "21040", venueId: null, answeredAt: at },
    { contactId: "c", question: 1, value: "7", communeCode: "21043", venueId: null, answeredAt: at },
  ];
  const counts = [
    { communeCode: "21040", recipients: 4, responded: 2 },
    { communeCode: "21043", recipients: 2, responded: 1 },
  ];

  it("counts per commune and overall, with the response rate and a number question's mean", () => {
    const r = tallyResults(survey, answers, counts);
    expect(r).toMatchObject({ recipients: 6, responded: 3, rate: 50 });
    expect(r.questions[0]?.byCommune).toEqual({
      "21040": { answered: 2, counts: { yes: 1, no: 1 } },
      "21043": { answered: 1, counts: { yes: 1 } },
    });
    expect(r.questions[1]?.mean).toBe(5.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBe(0);
  });

  it("writes the same numbers to CSV, a zero row for an answer nobody gave", () => {
    const csv = resultsCsv(survey, tallyResults(survey, answers, counts), {
      header: ["q", "text", "commune", "answer", "count", "percent"],
      commune: (c) => c,
      answer: (_q, k) => k,
    });
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toContain('"1","Đã niêm yết chưa?","21043","no","0","0"');
    expect(rows).toContain('"1","Đã niêm yết chưa?","21040","yes","1","50"');
    expect(rows).toContain('"2","Mấy nhân viên?","21043","7","1","100"');
  });
});
