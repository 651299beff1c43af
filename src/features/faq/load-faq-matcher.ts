import { readFileSync } from "node:fs";
import { loadAskedQuestions } from "./asked-questions";
import { createFaqMatcher, type FaqMatcher, type FaqMatcherOptions } from "./matcher";
import { type FaqOutOfScopeCategory, loadFaqOutOfScope } from "./out-of-scope";
import { type FaqTopic, loadFaqTopics } from "./topics";

/**
 * Reads and validates `locales/faq-topics.json`, `locales/faq-out-of-scope.json` and `locales/faq-asked/` and
 * builds the matcher.
 * One place for this keeps the bot, the CLI script and the tests on the same data.
 *
 * @param localesDir absolute path of the `locales` folder
 * @param options thresholds (the out-of-scope list always comes from the file)
 * @throws FaqTopicsError or FaqOutOfScopeError when a file is invalid, and the fs error when it is missing
 */
export function loadFaqMatcher(
  localesDir: string,
  options: Omit<FaqMatcherOptions, "outOfScope"> = {},
): FaqMatcher {
  return loadFaqKnowledge(localesDir, options).matcher;
}

/** The validated topics and "not ours" categories with the matcher built from them (files read once). */
export function loadFaqKnowledge(
  localesDir: string,
  options: Omit<FaqMatcherOptions, "outOfScope"> = {},
): { topics: FaqTopic[]; outOfScope: FaqOutOfScopeCategory[]; matcher: FaqMatcher } {
  const read = (name: string): unknown => JSON.parse(readFileSync(`${localesDir}/${name}`, "utf8"));
  const topics = loadFaqTopics(read("faq-topics.json"));
  const outOfScope = loadFaqOutOfScope(read("faq-out-of-scope.json"));
  const asked = loadAskedQuestions(localesDir);
  return { topics, outOfScope, matcher: createFaqMatcher(topics, { ...options, outOfScope, asked }) };
}
