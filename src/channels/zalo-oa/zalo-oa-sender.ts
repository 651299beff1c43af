import type { Logger } from "../../core/logger";
import type { ChannelSender, MediaStore } from "../../core/ports";
import type { RenderedMessage, SendResult } from "../../core/rendered";
import {
  createNodeTransport,
  IMAGE_UPLOAD_LIMIT_BYTES,
  splitText,
  ZaloOaClient,
  type ZaloOaRecipient,
  type ZaloTransport,
} from "../../sdk/zalo";
import { withNumberedChoices } from "../shared/numbered-choices";
import { classifyZaloOaError } from "./zalo-oa-errors";
import type { ZaloOaTokens } from "./zalo-oa-tokens";

/** Documented limit of the cs buttons template (zalo.md §1.2); more choices are written as numbered lines. */
const MAX_BUTTONS = 5;
const MAX_BUTTON_TITLE = 100;
const UPLOADABLE_IMAGES = new Set(["image/png", "image/jpeg"]);

/**
 * Delivers rendered messages as OA customer-service messages. Buttons are `oa.query.show` buttons whose
 * payload is the button's LABEL: a tap comes back as an ordinary `user_send_text` with that label, which the
 * core's choice matching maps to the real payload through the contact's stored choices (so internal
 * payloads never reach Zalo, and a typed label works the same). Images are uploaded and sent by attachment
 * id; documents (poster PDFs) go as a link to /media, which avoids the upload quota for large files.
 */
export class ZaloOaSender implements ChannelSender {
  readonly channel = "zalo-oa" as const;
  private readonly transport: ZaloTransport;

  constructor(
    private readonly deps: {
      tokens: ZaloOaTokens;
      media: MediaStore;
      publicUrl: string;
      apiRoot: string;
      logger: Logger;
      transport?: ZaloTransport;
    },
  ) {
    this.transport = deps.transport ?? createNodeTransport();
  }

  async send(userId: string, message: RenderedMessage): Promise<SendResult> {
    try {
      await this.deliver(this.client(), { userId }, message);
      return { status: "sent" };
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

  private async deliver(oa: ZaloOaClient, to: ZaloOaRecipient, message: RenderedMessage): Promise<void> {
    if (message.kind === "text") {
      const buttons = message.buttons?.flat() ?? [];
      const asButtons = buttons.length > 0 && buttons.length <= MAX_BUTTONS;
      const parts = splitText(asButtons ? message.text : withNumberedChoices(message));
      for (const [i, part] of parts.entries()) {
        if (asButtons && i === parts.length - 1) {
          await oa.sendTextWithButtons(
            to,
            part,
            buttons.map((b) => ({
              type: "oa.query.show" as const,
              title: b.label.slice(0, MAX_BUTTON_TITLE),
              payload: b.label,
            })),
          );
        } else {
          await oa.sendText(to, part);
        }
      }
      return;
    }
    const link = `${this.deps.publicUrl}/media/${message.mediaId}`;
    if (message.kind === "image") {
      const file = await this.deps.media.get(message.mediaId, new Date());
      if (file && UPLOADABLE_IMAGES.has(file.contentType) && file.data.length <= IMAGE_UPLOAD_LIMIT_BYTES) {
        const { attachmentId } = await oa.uploadImage(file);
        await oa.sendImage(to, { attachmentId }, message.caption);
        return;
      }
    }
    await oa.sendText(to, `${message.caption ?? message.filename}\n${link}`);
  }
}
