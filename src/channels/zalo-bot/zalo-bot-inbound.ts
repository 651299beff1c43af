import { parseCommandText } from "../../core/command-text";
import type { Inbound } from "../../core/messages";
import {
  parseZaloBotWebhook,
  type ZaloBotMessage,
  type ZaloBotUpdate,
  zaloBotUnknownMessage,
} from "../../sdk/zalo";

/** The message an update carries, known event or not; `undefined` for events that are not messages. */
export function zaloBotMessageOf(update: ZaloBotUpdate): ZaloBotMessage | undefined {
  return update.kind === "unknown" ? zaloBotUnknownMessage(update) : update.message;
}

/** The inbox key of an update: Zalo gives no update id, and its retry behaviour is undocumented (zalo.md §2). */
export function zaloBotUpdateKey(update: ZaloBotUpdate, message: ZaloBotMessage): string {
  return `${update.event_name}:${message.message_id}`;
}

/** Maps a Bot Platform update into {@link Inbound}; `null` for events we do not answer. */
export function zaloBotToInbound(update: ZaloBotUpdate): Inbound | null {
  const message = zaloBotMessageOf(update);
  if (!message) return null;
  // Group chats are in internal testing (zalo.md §2); the helpdesk serves people one to one.
  if (message.chat.chat_type !== "PRIVATE") return null;
  const base = {
    channel: "zalo-bot" as const,
    externalId: message.chat.id,
    ...(message.from.display_name ? { displayName: message.from.display_name } : {}),
  };
  switch (update.kind) {
    case "text": {
      const command = parseCommandText(update.message.text);
      return {
        ...base,
        event: command ? { type: "command", ...command } : { type: "text", text: update.message.text },
      };
    }
    case "image":
      return { ...base, event: { type: "unsupported", what: "image" } };
    case "sticker":
      return { ...base, event: { type: "unsupported", what: "sticker" } };
    case "voice":
      return { ...base, event: { type: "unsupported", what: "voice" } };
    case "unknown":
      // A message kind newer than this code (video, file …): the same short "please type" answer.
      return { ...base, event: { type: "unsupported", what: update.event_name.split(".")[1] ?? "message" } };
    default:
      // Also what a protected user's (e.g. a minor's) messages arrive as: a polite "please type" fits both.
      return { ...base, event: { type: "unsupported", what: "message" } };
  }
}

/** Reads a stored webhook body (wrapped or flat, kept as received) back into {@link Inbound}. */
export function parseStoredZaloBotUpdate(payload: string): Inbound | null {
  const parsed = parseZaloBotWebhook(payload);
  return parsed.ok ? zaloBotToInbound(parsed.value) : null;
}
