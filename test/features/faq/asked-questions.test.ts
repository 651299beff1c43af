import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AskedQuestionsError, loadAskedQuestions } from "../../../src/features/faq/asked-questions";
import { createFaqMatcher } from "../../../src/features/faq/matcher";
import { FAQ_TOPIC_IDS } from "../../../src/features/faq/topics";
import { LOCALES_DIR, LOOKALIKE_TOPICS } from "./labelled-questions";

describe("the questions people asked teach the FAQ how strangers word things", () => {
  it("ships labelled questions for every topic, each label a topic the FAQ has", () => {
    const asked = loadAskedQuestions(LOCALES_DIR);
    expect(asked.length).toBeGreaterThan(1000);
    const labels = new Set(asked.map((question) => question.topic));
    for (const id of FAQ_TOPIC_IDS) expect(labels, id).toContain(id);
    const known = new Set<string | null>([null, ...FAQ_TOPIC_IDS]);
    expect(asked.filter((question) => !known.has(question.topic))).toEqual([]);
    expect(asked.filter((question) => question.topic === null).length).toBeGreaterThan(200);
  });

  it("a wording only the asked questions use finds the topic they label", () => {
    const question = "sskdt quen mk thi lam sao";
    const without = createFaqMatcher(LOOKALIKE_TOPICS).explain(question);
    const asked = [
      { q: "quên mk sổ sức khỏe", topic: "sskdt.login" },
      { q: "quen mat khau so suc khoe dien tu", topic: "sskdt.login" },
    ];
    const taught = createFaqMatcher(LOOKALIKE_TOPICS, { asked }).explain(question);
    expect(taught.evidence?.classifierProbability ?? 0).toBeGreaterThan(
      without.evidence?.classifierProbability ?? 0,
    );
    expect(taught.ranked[0]?.topic).toBe("sskdt.login");
  });

  it("a question labelled with a topic officers removed is left out, not learned under a dead id", () => {
    const asked = [{ q: "quen mk so suc khoe", topic: "sskdt.removed" }];
    const matcher = createFaqMatcher(LOOKALIKE_TOPICS, { asked });
    expect(matcher.explain("quen mk so suc khoe").ranked.map((r) => r.topic)).not.toContain("sskdt.removed");
  });

  it("a line that is not a labelled question stops the start with the file and line named", () => {
    const dir = mkdtempSync(join(tmpdir(), "asked-"));
    mkdirSync(join(dir, "faq-asked"));
    writeFileSync(
      join(dir, "faq-asked", "a.jsonl"),
      '{"q":"tiem mui 3 o dau","topic":"vaccine.booster"}\n\n{"q":""}\n',
    );
    expect(() => loadAskedQuestions(dir)).toThrow(AskedQuestionsError);
    expect(() => loadAskedQuestions(dir)).toThrow("faq-asked/a.jsonl:3");
  });
});
