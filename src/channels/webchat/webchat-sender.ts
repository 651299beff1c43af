import type { ChannelSender, SendContext, SendResult } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import type { WebchatStore } from "./webchat-store";

/** "Sends" by appending to the transcript the page reads; media are linked by their /media URL. */
export class WebchatSender implements ChannelSender {
  readonly channel = "webchat" as const;

  constructor(private readonly store: WebchatStore) {}

  async send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult> {
    await this.store.appendBot(externalId, message, context?.outboxId);
    return { status: "sent" };
  }
}
