import { z } from "zod";
import { parseCommandText } from "../../core/command-text";
import type { Inbound } from "../../core/messages";

/**
 * The part of a Telegram Update we read (Bot API "Update", "Message", "CallbackQuery"). Anything else in
 * the body is kept in the inbox as received but ignored here. Ids are safe integers on Telegram (< 2^52).
 */
const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  language_code: z.string().optional(),
});
const chat = z.object({ id: z.number().int(), type: z.string() });
const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  contact: z.object({ phone_number: z.string(), user_id: z.number().int().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});

export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: user,
      data: z.string().optional(),
      message: z.object({ chat }).optional(),
    })
    .optional(),
  my_chat_member: z
    .object({
      chat,
      from: user,
      new_chat_member: z.object({ status: z.string() }),
    })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** The chat an update belongs to, or undefined for updates we do not handle (inline queries, polls…). */
export function telegramChatId(update: TelegramUpdate): number | undefined {
  return (
    update.message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.my_chat_member?.chat.id
  );
}

/** Maps a Telegram update into the channel-agnostic {@link Inbound}; `null` when there is nothing to answer. */
export function telegramToInbound(update: TelegramUpdate): Inbound | null {
  const chatId = telegramChatId(update);
  if (chatId === undefined) return null;
  const from = update.message?.from ?? update.callback_query?.from ?? update.my_chat_member?.from;
  const base = {
    channel: "telegram" as const,
    externalId: String(chatId),
    ...(from?.first_name ? { displayName: from.first_name } : {}),
    ...(from?.language_code ? { languageHint: from.language_code } : {}),
  };
  if (update.callback_query) {
    const data = update.callback_query.data;
    return {
      ...base,
      event: data ? { type: "button", payload: data } : { type: "unsupported", what: "game" },
    };
  }
  if (update.my_chat_member) {
    const status = update.my_chat_member.new_chat_member.status;
    if (status === "kicked" || status === "left") return { ...base, event: { type: "unfollow" } };
    return null;
  }
  const m = update.message;
  if (!m) return null;
  if (m.chat.type !== "private") return null; // the bot serves people one to one; groups are ignored
  if (m.text !== undefined) {
    const command = parseCommandText(m.text);
    if (command) return { ...base, event: { type: "command", ...command } };
    return { ...base, event: { type: "text", text: m.text } };
  }
  if (m.contact) {
    // Only accept a contact the person shared about themselves (the "share my phone" button), not a
    // forwarded card of someone else.
    const own = m.contact.user_id !== undefined && m.contact.user_id === m.from?.id;
    return {
      ...base,
      event: own
        ? { type: "contact", phone: m.contact.phone_number }
        : { type: "unsupported", what: "contact" },
    };
  }
  if (m.location) {
    return {
      ...base,
      event: { type: "location", latitude: m.location.latitude, longitude: m.location.longitude },
    };
  }
  return { ...base, event: { type: "unsupported", what: "message" } };
}
