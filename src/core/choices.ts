import { foldText } from "./fold-text";
import type { RenderedChoice } from "./ports";
import type { RenderedMessage } from "./rendered";

/** The choices a turn leaves open: the buttons of its last message, in reading order (1, 2, 3 …). */
export function choicesOf(messages: RenderedMessage[]): RenderedChoice[] {
  const last = messages.at(-1);
  if (last?.kind !== "text" || !last.buttons) return [];
  return last.buttons.flat().map((b) => ({ label: b.label, payload: b.payload }));
}

/**
 * Reads a typed answer as one of the offered choices: its number ("2", "2.", "số 2") or its label, ignoring
 * case and diacritics. This is how numbered options work on channels without buttons (Zalo Bot), and it
 * also lets a Telegram user type a label instead of tapping.
 */
export function matchChoice(text: string, choices: RenderedChoice[]): RenderedChoice | undefined {
  if (choices.length === 0) return undefined;
  const folded = foldText(text);
  const number = /^(?:so\s*|#)?(\d{1,2})[.)]?$/.exec(folded);
  if (number?.[1]) return choices[Number(number[1]) - 1];
  return choices.find((c) => foldText(stripEmoji(c.label)) === stripEmojiFolded(folded));
}

function stripEmoji(label: string): string {
  return label.replace(/(?:\p{Extended_Pictographic}|\uFE0F)/gu, "").trim();
}

function stripEmojiFolded(folded: string): string {
  return stripEmoji(folded).trim();
}
