import { Input, Telegram, TelegramError } from "telegraf";
import type { ChannelSender, MediaStore, SendResult } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import { splitText } from "../../sdk/zalo";
import { messageOf, transientFailure } from "../shared/network-errors";

/** Telegram's hard limit on one message's text (Bot API sendMessage). Longer texts are split. */
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

/** Creates the telegraf API client; `apiRoot` points at a local stand-in in tests. */
export function createTelegramClient(token: string, apiRoot: string): Telegram {
  // webhookReply off: every call is a real request whose errors we see (telegraf would otherwise answer
  // some calls inside the webhook response, before the update is processed).
  return new Telegram(token, { apiRoot, webhookReply: false });
}

/** Renders {@link RenderedMessage}s as Bot API calls and classifies the platform's errors. */
export class TelegramSender implements ChannelSender {
  readonly channel = "telegram" as const;

  constructor(
    private readonly telegram: Telegram,
    private readonly media: MediaStore,
  ) {}

  async send(externalId: string, message: RenderedMessage): Promise<SendResult> {
    try {
      await this.deliver(externalId, message);
      return { status: "sent" };
    } catch (error) {
      return classifyTelegramError(error);
    }
  }

  private async deliver(chatId: string, message: RenderedMessage): Promise<void> {
    if (message.kind === "text") {
      // An empty text still goes out as one call, so Telegram's own 400 reports it.
      const text =
        message.requestPhone && message.requestPhoneHint
          ? `${message.text}\n${message.requestPhoneHint}`
          : message.text;
      const parts = splitText(text, MAX_TEXT);
      if (parts.length === 0) parts.push(text);
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await this.telegram.sendMessage(chatId, part, {
          link_preview_options: { is_disabled: true },
          ...(last ? { reply_markup: replyMarkup(message) } : {}),
        });
      }
      return;
    }
    const file = await this.media.get(message.mediaId, new Date());
    if (!file) throw new TelegramError({ error_code: 400, description: "media expired before sending" });
    const input = Input.fromBuffer(file.data, file.filename);
    const caption = message.caption ? { caption: message.caption.slice(0, MAX_CAPTION) } : {};
    if (message.kind === "image") await this.telegram.sendPhoto(chatId, input, caption);
    else await this.telegram.sendDocument(chatId, input, caption);
  }
}

function replyMarkup(message: Extract<RenderedMessage, { kind: "text" }>) {
  // Telegram cannot show "share my phone" (a reply keyboard) and inline buttons on one message, so the
  // other choices (Skip, Back, Cancel) become keys of the same reply keyboard: a tapped key sends its
  // label as text, which the engine reads as that choice.
  if (message.requestPhone) {
    return {
      keyboard: [
        [{ text: message.requestPhone, request_contact: true }],
        ...(message.buttons ?? []).map((row) => row.map((b) => ({ text: b.label }))),
      ],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  }
  if (message.buttons?.length) {
    return {
      inline_keyboard: message.buttons.map((row) =>
        row.map((b) => ({ text: b.label, callback_data: b.payload })),
      ),
    };
  }
  // Removes a "share my phone" keyboard left from an earlier step.
  return { remove_keyboard: true as const };
}

/**
 * 429 → wait `retry_after`; 403 (blocked, deactivated, kicked) → blocked; other 4xx → permanent failure;
 * 5xx and network errors → transient (network errors after the connection was made: maybe delivered).
 * Matched on error_code, not on the description text, which varies.
 */
export function classifyTelegramError(error: unknown): SendResult {
  if (error instanceof TelegramError) {
    const reason = `${error.code}: ${error.description}`;
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return { status: "retry", afterMs: seconds * 1000, reason };
    }
    if (error.code === 403) return { status: "blocked", reason };
    if (error.code >= 400 && error.code < 500) return { status: "failed", reason };
    return { status: "transient", reason };
  }
  return transientFailure(messageOf(error), error);
}
