import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger";
import { type ClassifierCache, fileClassifierCache } from "../../../src/features/faq/classifier-cache";
import { createFaqMatcher } from "../../../src/features/faq/matcher";
import { TopicClassifier } from "../../../src/features/faq/topic-classifier";
import { loadFaqTopics } from "../../../src/features/faq/topics";
import { LOCALES_DIR } from "./labelled-questions";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "faq-cache-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lines = [
  { text: "quên mật khẩu", label: "login" },
  { text: "mật khẩu sai", label: "login" },
  { text: "sổ sức khoẻ là gì", label: "about" },
];
const samples = [
  { terms: ["quen", "mat", "khau"], label: "login" },
  { terms: ["mat", "khau", "sai"], label: "login" },
  { terms: ["so", "suc", "khoe", "la", "gi"], label: "about" },
];

/** A cache that counts what it was asked, around a real one. */
function counting(inner: ClassifierCache) {
  const counts = { hits: 0, misses: 0, writes: 0 };
  const cache: ClassifierCache = {
    read(l) {
      const state = inner.read(l);
      if (state === undefined) counts.misses += 1;
      else counts.hits += 1;
      return state;
    },
    write(l, state) {
      counts.writes += 1;
      inner.write(l, state);
    },
  };
  return { cache, counts };
}

describe("a built server keeping its trained FAQ classifier between starts", () => {
  it("reads back the very model it kept, weight for weight", () => {
    const cache = fileClassifierCache(freshDir(), "build-a", silentLogger);
    const trained = TopicClassifier.train(samples);
    cache.write(lines, trained.state());
    const kept = cache.read(lines);
    expect(kept).toBeDefined();
    const restored = TopicClassifier.restore(kept as NonNullable<typeof kept>);
    expect(restored.labels).toEqual(trained.labels);
    for (const question of [
      ["quen", "mat", "khau"],
      ["so", "suc"],
      ["bong", "da"],
    ])
      expect([...restored.probabilities(question)]).toEqual([...trained.probabilities(question)]);
  });

  it("never reads a model another build or other lines made", () => {
    const dir = freshDir();
    fileClassifierCache(dir, "build-a", silentLogger).write(lines, TopicClassifier.train(samples).state());
    expect(fileClassifierCache(dir, "build-b", silentLogger).read(lines)).toBeUndefined();
    const edited = [...lines.slice(0, 2), { text: "sổ sức khoẻ để làm gì", label: "about" }];
    expect(fileClassifierCache(dir, "build-a", silentLogger).read(edited)).toBeUndefined();
    expect(fileClassifierCache(dir, "build-a", silentLogger).read(lines)).toBeDefined();
  });

  it("trains again, and says so, when the kept file is damaged", () => {
    const dir = freshDir();
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_: object, msg?: string) => void warnings.push(msg ?? "") };
    const cache = fileClassifierCache(dir, "build-a", logger);
    cache.write(lines, TopicClassifier.train(samples).state());
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), "FAQCLS2\ntruncated");
    expect(cache.read(lines)).toBeUndefined();
    expect(warnings).toEqual(["kept FAQ model unreadable; training again"]);
  });

  it("keeps only the newest few models as officers' edits make new ones", () => {
    const dir = freshDir();
    const cache = fileClassifierCache(dir, "build-a", silentLogger);
    const state = TopicClassifier.train(samples).state();
    for (let edit = 0; edit < 7; edit += 1) {
      const before = new Set(readdirSync(dir));
      cache.write([...lines, { text: `sửa lần ${edit}`, label: "about" }], state);
      // Written a second apart, so which survive does not depend on the file system's clock resolution.
      const at = new Date(Date.now() - (10 - edit) * 1000);
      for (const name of readdirSync(dir)) if (!before.has(name)) utimesSync(join(dir, name), at, at);
    }
    expect(readdirSync(dir)).toHaveLength(4);
    expect(cache.read([...lines, { text: "sửa lần 6", label: "about" }])).toBeDefined();
  });

  it("gives the shipped matcher the same answers from a kept model as from training", () => {
    const topics = loadFaqTopics(JSON.parse(readFileSync(join(LOCALES_DIR, "faq-topics.json"), "utf8")));
    const { cache, counts } = counting(fileClassifierCache(freshDir(), "build-a", silentLogger));
    const first = createFaqMatcher(topics, { classifierCache: cache });
    const second = createFaqMatcher(topics, { classifierCache: cache });
    expect(counts).toEqual({ hits: 1, misses: 1, writes: 1 });
    for (const question of ["quen mat khau so suc khoe", "tiem mui 3 o dau", "where do I get a vaccine"])
      expect(second.match(question)).toEqual(first.match(question));
  });
});
