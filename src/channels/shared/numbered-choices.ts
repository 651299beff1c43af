import type { RenderedMessage } from "../../core/rendered-message";

type TextMessage = Extract<RenderedMessage, { kind: "text" }>;

/**
 * Writes a message's buttons as numbered lines under its text, followed by the rendered hint
 * ("1. Tiếng Việt\n2. English\n\nTrả lời bằng số thứ tự …"). Used where a platform has no buttons (Zalo Bot)
 * or cannot show this many (Zalo OA, more than five). The numbering is the reading order of the button
 * rows, the same order `matchChoice` uses, so a typed "2" or label answers the right choice.
 */
export function withNumberedChoices(message: TextMessage): string {
  const buttons = message.buttons?.flat() ?? [];
  if (buttons.length === 0) return message.text;
  const list = buttons.map((b, i) => `${i + 1}. ${b.label}`).join("\n");
  return [message.text, list, message.choiceHint].filter((part) => part).join("\n\n");
}
