import { describe, expect, it } from "vitest";
import { validateFaqContent } from "../../../src/features/faq/content/faq-content";
import { faqContentFromCsv, faqContentToCsv } from "../../../src/features/faq/content/faq-csv";
import { usableTopics } from "../../../src/features/faq/content/live-faq-knowledge";
import { createLogger } from "../../../src/logger";
import { SEED, seedTopic } from "../../helpers/faq-content-fixtures";

const ids = new Set(SEED.map((t) => t.id));
const quiet = createLogger("silent");

describe("FAQ content officers edit", () => {
  it("every shipped topic passes the checks a dashboard edit must pass", () => {
    for (const topic of SEED) expect(validateFaqContent(topic, ids), topic.id).toEqual([]);
  });

  it("a district's spreadsheet round trip changes nothing", () => {
    const back = faqContentFromCsv(faqContentToCsv(SEED));
    expect(back).toEqual(SEED);
  });

  it("names each field that is wrong: a missing language, a bare link, an unsourced hotline, no review date", () => {
    const otp = seedTopic("pccovid.otp");
    const errors = validateFaqContent(
      {
        ...otp,
        answer: { vi: "Gọi 1900 9095 hoặc xem www.pccovid.gov.vn", en: "" },
        sourceNote: "",
        reviewBy: "",
        related: ["pccovid.nope"],
      },
      ids,
    );
    expect(errors.map((e) => `${e.field}:${e.reason}`).sort()).toEqual([
      "answer.en:required",
      "answer.vi:link",
      "related:related",
      "reviewBy:date",
      "sourceNote:phoneSource",
    ]);
  });

  it("a number with its source, and a full https link, are accepted", () => {
    const otp = seedTopic("pccovid.otp");
    const ok = {
      ...otp,
      answer: { vi: "Gọi 0255 3822 123 (https://quangngai.gov.vn).", en: "Call 0255 3822 123." },
      sourceNote: "Trang của tỉnh, 1/12/2026",
    };
    expect(validateFaqContent(ok, ids)).toEqual([]);
  });

  it("a published row edited by hand into nonsense is left out, and the other topics still match", () => {
    const broken = { ...seedTopic("pccovid.otp"), answer: { vi: "", en: "" } };
    const usable = usableTopics([...SEED.filter((t) => t.id !== broken.id), broken], quiet);
    expect(usable.map((t) => t.id)).not.toContain("pccovid.otp");
    expect(usable).toHaveLength(SEED.length - 1);
  });
});
