/**
 * The conversation model every flow is written against. Channel adapters map platform updates into
 * {@link Inbound} and render {@link Outbound} into platform calls; nothing here knows a platform.
 */

/** Channels the product speaks on. */
export type ChannelId = "webchat" | "telegram" | "zalo-bot" | "zalo-oa";

/**
 * A user-facing text: a locale key with parameters, raw text (officer-written), or several lines.
 * A parameter may itself be a Text, rendered in the same language first (e.g. a category label).
 */
export type TextParam = string | number | Text;

export type Text = { key: string; params?: Record<string, TextParam> } | { raw: string } | { lines: Text[] };

/** A choice offered to the person. Channels without buttons render it as a numbered option. */
export interface Button {
  label: Text;
  /** Opaque to channels; routed by prefix (`menu:`, `lang:`, `venue:` …). At most 64 bytes (Telegram). */
  payload: string;
  /** This choice is the answer "yes" or "no" to the question: a typed "ko", "dc", "ừ" picks it. */
  answers?: "yes" | "no";
}

/** What happened in a conversation, independent of the platform it came from. */
export type InboundEvent =
  | { type: "text"; text: string }
  | { type: "command"; command: string; args: string }
  | { type: "button"; payload: string }
  | { type: "contact"; phone: string }
  | { type: "location"; latitude: number; longitude: number }
  | { type: "follow" }
  | { type: "unfollow" }
  /** The person asked the platform to remove their data (Zalo OA `user_withdraw`): erase without asking. */
  | { type: "withdraw" }
  | { type: "unsupported"; what: string };

/** One inbound message, already mapped at the channel's edge. */
export interface Inbound {
  channel: ChannelId;
  /** The platform's id of the chat/user we answer to; with `channel` it names the conversation. */
  externalId: string;
  displayName?: string;
  /** The platform's idea of the person's language (Telegram `language_code`); a hint only. */
  languageHint?: string;
  event: InboundEvent;
  /** The platform's id of this message, when replies can point at it (Zalo OA `msg_id`). */
  messageId?: string;
  /** When the person did it, by the platform's clock (Zalo retries re-send an event up to hours later). */
  sentAt?: Date;
}

/** One message the bot sends. Media carry bytes; the channel decides how to deliver them. */
export type Outbound =
  | { type: "text"; text: Text; buttons?: Button[][]; requestPhone?: boolean }
  | { type: "image"; data: Buffer; filename: string; contentType: string; caption?: Text }
  | {
      type: "document";
      data: Buffer;
      filename: string;
      contentType: string;
      caption?: Text;
      /**
       * A public URL serving the same file for as long as it matters (a venue's poster while the venue exists),
       * for channels that send documents as a link: the media copy expires after a day.
       */
      link?: string;
    };

/** Languages with a full set of strings. Vietnamese first: it is the default everywhere. */
export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Picks a supported language from a platform hint (`en-GB` → `en`); anything else is Vietnamese. */
export function languageFromHint(hint: string | undefined): Language {
  return hint?.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** Shorthand for a locale-key text. */
export function t(key: string, params?: Record<string, TextParam>): Text {
  return params ? { key, params } : { key };
}

/**
 * The texts of one locale namespace, named after what they are for: `const venueText = namespace("venues")`
 * makes `venueText("saved")` the key `venues:saved`; `keyPrefix` narrows to a group (`"trace."`).
 */
export function namespace(ns: string, keyPrefix = "") {
  return (key: string, params?: Record<string, TextParam>): Text => t(`${ns}:${keyPrefix}${key}`, params);
}

/** Shorthand for a text message with optional buttons. */
export function say(text: Text, buttons?: Button[][]): Outbound {
  return buttons ? { type: "text", text, buttons } : { type: "text", text };
}

/** Buttons in rows of `size` (two fit a phone screen; channels without buttons number them in this order). */
export function chunkRows(buttons: Button[], size = 2): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += size) rows.push(buttons.slice(i, i + size));
  return rows;
}
