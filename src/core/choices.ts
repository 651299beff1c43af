import type { RenderedChoice } from "./ports";
import type { RenderedMessage } from "./rendered-message";
import { readChoice } from "./understanding/choice-reading";

/** The choices a turn leaves open: the buttons of its last message, in reading order (1, 2, 3 …). */
export function choicesOf(messages: RenderedMessage[]): RenderedChoice[] {
  const last = messages.at(-1);
  if (last?.kind !== "text" || !last.buttons) return [];
  return last.buttons
    .flat()
    .map((b) => ({ label: b.label, payload: b.payload, ...(b.answers ? { answers: b.answers } : {}) }));
}

/**
 * Reads a typed answer as one of the offered choices by its number ("2", "2.", "số 2", "#2") or its whole
 * label, ignoring case, diacritics and emoji; an exact spelling wins over a folded one. This is how numbered
 * options work on channels without buttons (Zalo Bot). It is strict on purpose: it runs before any flow, where
 * the text may be free data, so partial and misspelt answers are left to the step (see `readChoice`).
 */
export function matchChoice(text: string, choices: RenderedChoice[]): RenderedChoice | undefined {
  const reading = readChoice(text, choices, { upTo: "folded" });
  return reading.kind === "match" ? reading.choice : undefined;
}
