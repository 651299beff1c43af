import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadFaqOutOfScope } from "../../../src/features/faq/out-of-scope";
import { FAQ_GROUPS, FAQ_TOPIC_IDS, FaqTopicsError, loadFaqTopics } from "../../../src/features/faq/topics";

const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../locales/${path}`, import.meta.url)), "utf8"));
const topicsJson = readJson("faq-topics.json");

/** Resolves an i18next-style dotted key ("pccovid.install.answer") in a nested namespace object. */
function lookup(namespace: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => {
    if (typeof node !== "object" || node === null) return undefined;
    return (node as Record<string, unknown>)[part];
  }, namespace);
}

describe("FAQ topic data", () => {
  it("loads the shipped topic file with every known topic exactly once", () => {
    const topics = loadFaqTopics(topicsJson);
    expect(topics.map((topic) => topic.id).sort()).toEqual([...FAQ_TOPIC_IDS].sort());
  });

  it("marks the topics that open a follow-up flow", () => {
    const topics = loadFaqTopics(topicsJson);
    const actions = Object.fromEntries(topics.filter((t) => t.action).map((t) => [t.id, t.action]));
    expect(actions).toEqual({
      "venue.register-qr": "venue.register",
      "reminders.subscribe": "subscriptions.settings",
      "vaccine.booster": "doses.remind",
      "vaccine.second-dose-elsewhere": "doses.remind",
    });
  });

  it.each(["vi", "en"])(
    "gives every topic a title, an answer of at most 8 lines and a group title in %s",
    (lng) => {
      const namespace = readJson(`${lng}/faq.json`);
      for (const id of FAQ_TOPIC_IDS) {
        const title = lookup(namespace, `${id}.title`);
        const answer = lookup(namespace, `${id}.answer`);
        expect(typeof title === "string" && title.length > 0, `${lng} ${id}.title`).toBe(true);
        expect(typeof answer === "string" && answer.length > 0, `${lng} ${id}.answer`).toBe(true);
        expect(String(answer).split("\n").length, `${lng} ${id}.answer`).toBeLessThanOrEqual(8);
      }
      for (const group of FAQ_GROUPS) expect(typeof lookup(namespace, `groups.${group}`)).toBe("string");
    },
  );

  it("never publishes the hotline numbers that could not be verified", () => {
    const text = ["vi/faq.json", "en/faq.json"].map((path) => JSON.stringify(readJson(path))).join(" ");
    expect(text).not.toMatch(/1800\s?9000|1900\s?8600/);
    expect(text).toContain("1900 9095");
  });

  it("rejects a topic file with an unknown id and names the id", () => {
    const bad = structuredClone(topicsJson) as { id: string }[];
    (bad[0] as { id: string }).id = "pccovid.instal";
    expect(() => loadFaqTopics(bad)).toThrow(FaqTopicsError);
    expect(() => loadFaqTopics(bad)).toThrow(/unknown topic id "pccovid\.instal"/);
  });

  it("rejects a topic file with a missing topic", () => {
    const bad = (topicsJson as { id: string }[]).filter((topic) => topic.id !== "contact.hotline");
    expect(() => loadFaqTopics(bad)).toThrow(/missing topic "contact\.hotline"/);
  });

  it("rejects a topic file with a duplicate id", () => {
    const topics = topicsJson as { id: string }[];
    expect(() => loadFaqTopics([...topics, topics[0]])).toThrow(/duplicate topic id "pccovid\.install"/);
  });

  it("rejects a topic with too few Vietnamese examples or an unknown action", () => {
    const few = structuredClone(topicsJson) as { examples: { vi: string[] }; action?: string }[];
    (few[0] as { examples: { vi: string[] } }).examples.vi = ["một", "hai"];
    expect(() => loadFaqTopics(few)).toThrow(/examples\.vi/);
    const action = structuredClone(topicsJson) as { action?: string }[];
    (action[0] as { action?: string }).action = "venue.delete";
    expect(() => loadFaqTopics(action)).toThrow(/action/);
  });

  it("rejects something that is not a list of topics", () => {
    expect(() => loadFaqTopics({ topics: [] })).toThrow(FaqTopicsError);
  });

  it("loads the out-of-scope list and rejects a malformed one", () => {
    const categories = loadFaqOutOfScope(readJson("faq-out-of-scope.json"));
    expect(categories.map((category) => category.id)).toEqual(
      expect.arrayContaining([
        "transport",
        "health-insurance",
        "other-vaccines",
        "land-housing",
        "social-support",
      ]),
    );
    expect(() => loadFaqOutOfScope({ categories: [{ id: "weather", vi: "thời tiết", en: [] }] })).toThrow(
      /vi/,
    );
    const twice = {
      categories: [
        { id: "weather", vi: ["mưa"], en: [] },
        { id: "weather", vi: ["bão"], en: [] },
      ],
    };
    expect(() => loadFaqOutOfScope(twice)).toThrow(/duplicate category "weather"/);
  });
});
