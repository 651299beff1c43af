/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): nobody types them in Vietnamese, and in a
 * venue name or a question shown to officers they reorder what is displayed ("Trojan Source" style).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may be stored and shown: a lone surrogate (not UTF-16, so no database or UTF-8 encoder takes
 * it) becomes U+FFFD, bidirectional controls are dropped. Applied at the edge, to everything that comes in.
 */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd").replace(BIDI_CONTROLS, "");
}
