import type { ChannelSender, SendResult } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import { ZaloBotApiError, type ZaloBotClient, ZaloTransportError, ZaloValidationError } from "../../sdk/zalo";
import { messageOf, transientFailure } from "../shared/network-errors";
import { withNumberedChoices } from "../shared/numbered-choices";

/**
 * Zalo documents no retry-after for its 429 (zalo.md §2, §3: "undocumented numbers"), so a 429 pauses the
 * channel for this long; the dispatcher's own backoff takes over if it repeats.
 */
const RATE_LIMIT_PAUSE_MS = 5_000;

/**
 * Delivers rendered messages through the Zalo Bot Platform. The platform has text and photo-by-URL only:
 * buttons become numbered lines (answered by number or label through the core's choice matching), a
 * phone request adds nothing (the person types the number), images are sent by their /media URL and
 * documents as a link.
 */
export class ZaloBotSender implements ChannelSender {
  readonly channel = "zalo-bot" as const;

  /**
   * @param bot SDK client (it splits texts over 2,000 characters)
   * @param publicUrl base URL Zalo can fetch /media/<id> from
   */
  constructor(
    private readonly bot: ZaloBotClient,
    private readonly publicUrl: string,
  ) {}

  async send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    try {
      if (message.kind === "text") {
        await this.bot.sendMessage(chatId, withNumberedChoices(message));
        return { status: "sent" };
      }
      const url = `${this.publicUrl}/media/${message.mediaId}`;
      if (message.kind === "image") await this.bot.sendPhoto(chatId, url, message.caption);
      else
        await this.bot.sendMessage(chatId, `${message.caption ?? message.filename}\n${message.link ?? url}`);
      return { status: "sent" };
    } catch (error) {
      return classifyZaloBotError(error);
    }
  }
}

/**
 * 429 → pause and retry; 403 → retried with backoff: the Bot docs' error table calls it an internal server
 * error, not "blocked" (zalo.md §0.4), and no blocked/left answer is documented, so nothing here marks a
 * person unreachable; other 4xx (400 bad request, 401 token reset in
 * Bot Creator, 404) → permanent; 408, 5xx and network trouble → transient; a documented limit broken
 * before sending → permanent. Errors never carry the token (the SDK keeps the URL out of messages).
 */
export function classifyZaloBotError(error: unknown): SendResult {
  if (error instanceof ZaloBotApiError) {
    const reason = `${error.code} ${error.method}: ${error.description}`;
    if (error.code === 429) return { status: "retry", afterMs: RATE_LIMIT_PAUSE_MS, reason };
    if (error.code === 403) return { status: "transient", reason: `internal error (${reason})` };
    if (error.code === 408 || error.code >= 500) return { status: "transient", reason };
    if (error.code >= 400) return { status: "failed", reason };
    return { status: "transient", reason };
  }
  if (error instanceof ZaloValidationError) return { status: "failed", reason: error.message };
  // A timeout, a cut connection or an unreadable answer can all come after Zalo acted on the call.
  if (error instanceof ZaloTransportError) {
    return transientFailure(`${error.kind} ${error.method}: ${error.message}`, error);
  }
  return transientFailure(messageOf(error), error);
}
