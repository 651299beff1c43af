import { parseCommandText } from "../../core/command-text";
import type { Inbound } from "../../core/messages";
import { parseZaloBotWebhook, type ZaloBotUpdate } from "../../sdk/zalo";

/** The inbox key of an update: Zalo gives no update id, and its retry behaviour is undocumented (zalo.md §2). */
export function zaloBotUpdateKey(update: Exclude<ZaloBotUpdate, { kind: "unknown" }>): string {
  return `${update.event_name}:${update.message.message_id}`;
}

/** Maps a Bot Platform update into {@link Inbound}; `null` for events we do not answer. */
export function zaloBotToInbound(update: ZaloBotUpdate): Inbound | null {
  if (update.kind === "unknown") return null;
  const { message } = update;
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
