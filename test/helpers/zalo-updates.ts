import { createHash } from "node:crypto";
import type { ZaloOaSent } from "./fake-zalo-oa-api";
import { TEST_ZALO_BOT_SECRET, TEST_ZALO_OA_APP_ID, TEST_ZALO_OA_SECRET_KEY } from "./test-server";

let nextMessage = 0x1000;

/** A text update as the Bot Platform documents it (wrapped) or as live integrations report it (flat). */
export function textUpdate(chatId: string, text: string, form: "wrapped" | "flat" = "wrapped") {
  const update = {
    event_name: "message.text.received",
    message: {
      message_id: `9f${(nextMessage++).toString(16)}e222177a4e35`,
      date: Date.now(),
      text,
      from: { id: chatId, display_name: "Lan", is_bot: false },
      chat: { id: chatId, chat_type: "PRIVATE" },
    },
  };
  return form === "wrapped" ? { ok: true, result: update } : update;
}

export const OA_ID = "3886132808788437521";
let nextMsg = 1;

/**
 * Who sent each OA message id the tests made: the stand-in API resolves `recipient.message_id` with it,
 * as Zalo does from its own records.
 */
export const OA_MESSAGE_SENDERS = new Map<string, string>();

/** A fresh number for OA message ids and timestamps. */
export function nextOaMsgId(): number {
  return nextMsg++;
}

/** Signs a body the way Zalo does: SHA-256 of app id + exact body + body timestamp + OA Secret Key. */
export function sign(body: string, timestamp: string, secret = TEST_ZALO_OA_SECRET_KEY): string {
  const hex = createHash("sha256").update(`${TEST_ZALO_OA_APP_ID}${body}${timestamp}${secret}`).digest("hex");
  return `mac=${hex}`;
}

export function userText(userId: string, text: string, timestamp = Date.now()) {
  const msgId = `96d3cdf3af1504609${(nextMsg++).toString(16).padStart(4, "0")}`;
  OA_MESSAGE_SENDERS.set(msgId, userId);
  return {
    app_id: TEST_ZALO_OA_APP_ID,
    sender: { id: userId },
    user_id_by_app: "5521772797175226910",
    recipient: { id: OA_ID },
    event_name: "user_send_text",
    message: { text, msg_id: msgId },
    timestamp: String(timestamp),
  };
}

/**
 * Zalo Bot as a person uses it: sends a text to the server's webhook and returns the texts the bot answered
 * with, once `answers` of them have arrived at the stand-in.
 */
export function zaloBotChat(
  serverUrl: string,
  bot: { textsTo(chat: string): string[]; waitFor(done: () => boolean): Promise<void> },
) {
  return async (chat: string, text: string, answers = 1): Promise<string[]> => {
    const before = bot.textsTo(chat).length;
    const res = await fetch(`${serverUrl}/webhooks/zalo-bot`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": TEST_ZALO_BOT_SECRET },
      body: JSON.stringify(textUpdate(chat, text)),
    });
    if (res.status !== 200) throw new Error(`the Zalo Bot webhook answered ${res.status}`);
    await bot.waitFor(() => bot.textsTo(chat).length >= before + answers);
    return bot.textsTo(chat).slice(before);
  };
}

/**
 * Zalo OA as a follower uses it: sends a signed text event to the server's webhook and returns the messages
 * the OA answered with, once `answers` of them have arrived at the stand-in.
 */
export function zaloOaChat(
  serverUrl: string,
  oa: { to(user: string): ZaloOaSent[]; waitFor(done: () => boolean): Promise<void> },
) {
  return async (user: string, text: string, answers = 1): Promise<ZaloOaSent[]> => {
    const before = oa.to(user).length;
    const body = userText(user, text);
    const raw = JSON.stringify(body);
    const res = await fetch(`${serverUrl}/webhooks/zalo-oa`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zevent-signature": sign(raw, body.timestamp) },
      body: raw,
    });
    if (res.status !== 200) throw new Error(`the Zalo OA webhook answered ${res.status}`);
    await oa.waitFor(() => oa.to(user).length >= before + answers);
    return oa.to(user).slice(before);
  };
}
