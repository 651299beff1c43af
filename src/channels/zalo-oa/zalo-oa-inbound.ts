import { parseCommandText } from "../../core/command-text";
import type { Inbound, InboundEvent } from "../../core/messages";
import { parseZaloOaEvent, type ZaloOaEvent } from "../../sdk/zalo";

/**
 * The OA-scoped user a conversation is with, or `undefined` for events nobody answers: our own and staff
 * echoes (`oa_send_*`), delivery/read receipts, tag changes and the like.
 */
export function zaloOaUserId(event: ZaloOaEvent): string | undefined {
  switch (event.kind) {
    case "follow":
    case "unfollow":
      return event.follower.id;
    case "oa_echo":
      return undefined;
    case "unsupported": {
      // Other user messages (sticker, file, audio, link …) still deserve a "please type" answer.
      if (!event.event_name.startsWith("user_send_")) return undefined;
      const sender = event.raw.sender;
      return typeof sender === "object" && sender !== null && "id" in sender && typeof sender.id === "string"
        ? sender.id
        : undefined;
    }
    default:
      return event.sender.id;
  }
}

/** Maps an OA webhook event into {@link Inbound}; `null` when there is nothing to answer. */
export function zaloOaToInbound(event: ZaloOaEvent): Inbound | null {
  const userId = zaloOaUserId(event);
  if (userId === undefined) return null;
  const inbound = eventOf(event);
  return inbound ? { channel: "zalo-oa", externalId: userId, event: inbound } : null;
}

function eventOf(event: ZaloOaEvent): InboundEvent | null {
  switch (event.kind) {
    case "user_send_text": {
      // `oa.query.show` buttons come back this way too, carrying the button's label (see the sender).
      const command = parseCommandText(event.message.text);
      return command ? { type: "command", ...command } : { type: "text", text: event.message.text };
    }
    case "user_send_location": {
      const { latitude, longitude } = event.message.attachments[0]?.payload.coordinates ?? {};
      if (latitude === undefined || longitude === undefined) return { type: "unsupported", what: "location" };
      return { type: "location", latitude, longitude };
    }
    case "user_submit_info":
      return event.info.phone ? { type: "contact", phone: event.info.phone } : null;
    case "follow":
      return { type: "follow" };
    case "unfollow":
      return { type: "unfollow" };
    case "user_send_image":
      return { type: "unsupported", what: "image" };
    case "unsupported":
      return { type: "unsupported", what: event.event_name.replace(/^user_send_/, "") };
    default:
      return null;
  }
}

/** Reads a stored webhook body (the exact bytes Zalo sent, decoded bigint-safely) into {@link Inbound}. */
export function parseStoredZaloOaEvent(payload: string): Inbound | null {
  const parsed = parseZaloOaEvent(payload);
  return parsed.ok ? zaloOaToInbound(parsed.value) : null;
}
