import type { Logger } from "../../core/logger";
import type { ChannelId } from "../../core/messages";
import type { ChannelSender, MediaStore, SendContext, SendResult } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import {
  createNodeTransport,
  IMAGE_UPLOAD_LIMIT_BYTES,
  isOutsideInteractionWindow,
  splitText,
  ZaloApiError,
  ZaloOaClient,
  type ZaloOaRecipient,
  type ZaloOaSendResult,
  type ZaloTransport,
} from "../../sdk/zalo";
import { withNumberedChoices } from "../shared/numbered-choices";
import { classifyZaloOaError, OUTSIDE_ZALO_WINDOW } from "./zalo-oa-errors";
import { fillZaloOaTemplate, type ZaloOaTemplates } from "./zalo-oa-templates";
import type { ZaloOaTokens } from "./zalo-oa-tokens";
import type { ZaloOaWindowPolicy } from "./zalo-oa-window-policy";

/** Documented limit of the cs buttons template (zalo.md §1.2); more choices are written as numbered lines. */
const MAX_BUTTONS = 5;
const MAX_BUTTON_TITLE = 100;
const UPLOADABLE_IMAGES = new Set(["image/png", "image/jpeg"]);
/**
 * After an upload is refused with `-211` (the monthly upload quota, reported 5,000), images go as links for
 * this long without trying again: each try would cost a call and delay the message.
 */
const UPLOAD_QUOTA_BACKOFF_MS = 60 * 60 * 1000;
/** What a send without a `quota` object means (zalo.md §1.2): the message was billed. */
export const BILLED_QUOTA = "none";
export const TEMPLATE_QUOTA = "template";

/**
 * Delivers rendered messages as OA messages, within Zalo's rules:
 * - the recipient's window is decided before the call (their last interaction, ZaloOaWindowPolicy): free cs,
 *   billed cs when allowed, an approved template for broadcasts/reminders/alerts, or not sent ("skipped",
 *   never "blocked": the person is written to again after they write);
 * - a reply inside the free window goes by `recipient.message_id` of the message it answers, which Zalo
 *   counts as a reply rather than a proactive message (zalo.md §0.2); each send's `quota_type` is kept;
 * - buttons are `oa.query.show` buttons whose payload is the LABEL: a tap comes back as an ordinary
 *   `user_send_text`, which the core's choice matching maps to the real payload;
 * - images are uploaded and sent by attachment id, or as a link when the upload quota is spent; documents
 *   (posters) go as a link to their stable URL.
 */
export class ZaloOaSender implements ChannelSender {
  readonly channel = "zalo-oa" as const;
  private readonly transport: ZaloTransport;
  private uploadsBlockedUntil = 0;

  constructor(
    private readonly deps: {
      tokens: ZaloOaTokens;
      media: MediaStore;
      publicUrl: string;
      apiRoot: string;
      logger: Logger;
      window: ZaloOaWindowPolicy;
      templates: ZaloOaTemplates;
      lastInboundAt: (channel: ChannelId, externalId: string) => Promise<Date | null>;
      transport?: ZaloTransport;
      now?: () => Date;
    },
  ) {
    this.transport = deps.transport ?? createNodeTransport();
  }

  async send(userId: string, message: RenderedMessage, context: SendContext = {}): Promise<SendResult> {
    const now = this.deps.now?.() ?? new Date();
    try {
      const last = await this.deps.lastInboundAt("zalo-oa", userId);
      const verdict = this.deps.window.verdict(last, context.purpose, now);
      if (verdict === "outside") return outside(last);
      const oa = this.client();
      if (verdict === "template") return await this.sendTemplate(oa, userId, message, context, now);
      // Only a free reply goes by message id; a billed one is proactive whatever it carries.
      const to: ZaloOaRecipient =
        verdict === "free" && context.replyTo ? { messageId: context.replyTo } : { userId };
      try {
        return sentWith(await this.deliver(oa, to, message));
      } catch (error) {
        // Our record of the window can be wrong (an interaction Zalo does not count): a template still helps.
        if (isOutsideInteractionWindow(error) && this.deps.window.hasTemplate(context.purpose)) {
          return await this.sendTemplate(oa, userId, message, context, now);
        }
        throw error;
      }
    } catch (error) {
      const result = classifyZaloOaError(error);
      if (result.status === "failed") {
        this.deps.logger.error({ err: error, channel: "zalo-oa" }, "zalo oa send failed");
      }
      return result;
    }
  }

  /**
   * A client per delivery, remembering the token it used: when Zalo rejects that token the refresh is
   * skipped if another request already replaced it (two sends racing on an expired token refresh once).
   */
  private client(): ZaloOaClient {
    let used = "";
    return new ZaloOaClient({
      apiRoot: this.deps.apiRoot,
      transport: this.transport,
      getAccessToken: async () => {
        used = await this.deps.tokens.accessToken();
        return used;
      },
      onTokenExpired: () => this.deps.tokens.refreshRejected(used),
    });
  }

  private async sendTemplate(
    oa: ZaloOaClient,
    userId: string,
    message: RenderedMessage,
    context: SendContext,
    now: Date,
  ): Promise<SendResult> {
    const text = message.kind === "text" ? message.text : `${message.caption ?? message.filename}`;
    const template = context.purpose
      ? fillZaloOaTemplate(this.deps.templates, context.purpose, { text, now })
      : undefined;
    if (!template) return outside(null);
    await oa.sendTemplate({ userId }, template);
    return { status: "sent", quotaType: TEMPLATE_QUOTA };
  }

  /** Sends every part of a message; returns each call's result (a long text is several calls). */
  private async deliver(
    oa: ZaloOaClient,
    to: ZaloOaRecipient,
    message: RenderedMessage,
  ): Promise<ZaloOaSendResult[]> {
    const results: ZaloOaSendResult[] = [];
    if (message.kind === "text") {
      const buttons = message.buttons?.flat() ?? [];
      const asButtons = buttons.length > 0 && buttons.length <= MAX_BUTTONS;
      const parts = splitText(asButtons ? message.text : withNumberedChoices(message));
      for (const [i, part] of parts.entries()) {
        if (asButtons && i === parts.length - 1) {
          const wire = buttons.map((b) => ({
            type: "oa.query.show" as const,
            title: b.label.slice(0, MAX_BUTTON_TITLE),
            payload: b.label,
          }));
          results.push(await oa.sendTextWithButtons(to, part, wire));
        } else {
          results.push(await oa.sendText(to, part));
        }
      }
      return results;
    }
    // A poster links to its venue's lasting URL; other files to the media copy (kept a day).
    const link = message.link ?? `${this.deps.publicUrl}/media/${message.mediaId}`;
    if (message.kind === "image") {
      const attachmentId = await this.upload(oa, message.mediaId);
      if (attachmentId) return [await oa.sendImage(to, { attachmentId }, message.caption)];
    }
    return [await oa.sendText(to, `${message.caption ?? message.filename}\n${link}`)];
  }

  /**
   * Uploads an image for sending by attachment id; `undefined` when it should go as a link instead: not an
   * uploadable image, or the upload quota is spent (`-211`), which only this feature pays for.
   */
  private async upload(oa: ZaloOaClient, mediaId: string): Promise<string | undefined> {
    if (Date.now() < this.uploadsBlockedUntil) return undefined;
    const file = await this.deps.media.get(mediaId, new Date());
    if (!file || !UPLOADABLE_IMAGES.has(file.contentType) || file.data.length > IMAGE_UPLOAD_LIMIT_BYTES) {
      return undefined;
    }
    try {
      return (await oa.uploadImage(file)).attachmentId;
    } catch (error) {
      if (!(error instanceof ZaloApiError) || error.code !== -211) throw error;
      this.uploadsBlockedUntil = Date.now() + UPLOAD_QUOTA_BACKOFF_MS;
      this.deps.logger.warn(
        { channel: "zalo-oa", code: error.code },
        "zalo oa upload quota spent; images go as links for an hour",
      );
      return undefined;
    }
  }
}

function outside(last: Date | null): SendResult {
  const since = last ? `last interaction ${last.toISOString()}` : "no interaction on record";
  return { status: "skipped", reason: `${OUTSIDE_ZALO_WINDOW} (${since})` };
}

/** `quota_type` of a message (several calls: billed if any part was, else the first part's allowance). */
function sentWith(results: ZaloOaSendResult[]): SendResult {
  const billed = results.some((r) => r.quotaType === undefined);
  return { status: "sent", quotaType: billed ? BILLED_QUOTA : (results[0]?.quotaType ?? BILLED_QUOTA) };
}
