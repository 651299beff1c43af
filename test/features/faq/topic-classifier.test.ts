import { describe, expect, it } from "vitest";
import { loadFaqKnowledge } from "../../../src/features/faq/load-faq-matcher";
import { TopicClassifier } from "../../../src/features/faq/topic-classifier";
import { LOCALES_DIR } from "./labelled-questions";

const { matcher } = loadFaqKnowledge(LOCALES_DIR);

describe("topics whose examples share most of their words", () => {
  it.each([
    ["chủ quán khai hộ cho khách không có điện thoại được không", "venue.staff-scan"],
    ["ong toi xai dien thoai bam so thi di dau cung phai lam sao", "pccovid.no-smartphone"],
    ["quen mk so suc khoe dt lay lai the nao", "sskdt.login"],
    ["so suc khoe dien tu de lam gi vay", "sskdt.about"],
    ["chich mui nhac lai o dau ad", "vaccine.booster"],
    ["dang ky tiem mui dau tien cho ong ba", "vaccine.register"],
  ])("%j goes to %s", (question, topic) => {
    expect(matcher.explain(question).ranked[0]?.topic).toBe(topic);
  });
});

describe("the topic classifier", () => {
  const samples = [
    { terms: ["quen", "mat", "khau"], label: "login" },
    { terms: ["mat", "khau", "sai"], label: "login" },
    { terms: ["so", "suc", "khoe", "la", "gi"], label: "about" },
    { terms: ["so", "suc", "khoe", "tai"], label: "about" },
  ];

  it("learns the words that tell two topics apart, the same way on every build", () => {
    const a = TopicClassifier.train(samples);
    const b = TopicClassifier.train(samples);
    const p = a.probabilities(["so", "suc", "khoe", "quen", "mat", "khau"]);
    expect(p.get("login") ?? 0).toBeGreaterThan(0.5);
    expect(a.probabilities(["suc", "khoe"]).get("about") ?? 0).toBeGreaterThan(0.7);
    expect([...b.probabilities(["quen"])]).toEqual([...a.probabilities(["quen"])]);
  });

  it("has no opinion on words it never saw", () => {
    const p = TopicClassifier.train(samples).probabilities(["bong", "da"]);
    expect(p.get("login") ?? 0).toBeCloseTo(p.get("about") ?? 0, 1);
  });
});
