import { parseCommandText } from "../../core/command-text";
import type { Inbound, InboundEvent } from "../../core/messages";
import { parseZaloOaEvent, type ZaloOaEvent } from "../../sdk/zalo";

/** A data-subject request: the person asks the OA to delete their data (zalo.md §1.7). */
export const USER_WITHDRAW = "user_withdraw";

const idIn = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && "id" in value && typeof value.id === "string"
    ? value.id
    : undefined;

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
      const { raw } = event;
      // Its body is not documented: the user is looked for where the other events put them.
      if (event.event_name === USER_WITHDRAW) {
        return (
          idIn(raw.sender) ??
          idIn(raw.follower) ??
          (typeof raw.user_id === "string" ? raw.user_id : undefined)
        );
      }
      // Other user messages (sticker, file, audio, link …) still deserve a "please type" answer.
      if (!event.event_name.startsWith("user_send_")) return undefined;
      return idIn(raw.sender);
    }
    default:
      return event.sender.id;
  }
}

/**
 * Maps an OA webhook event into {@link Inbound}; `null` when there is nothing to answer. A message keeps its
 * `msg_id` (replies go by it) and every event its time, which opens the person's cs window.
 */
export function zaloOaToInbound(event: ZaloOaEvent, now = new Date()): Inbound | null {
  const userId = zaloOaUserId(event);
  if (userId === undefined) return null;
  const inbound = eventOf(event);
  if (!inbound) return null;
  const raw: Readonly<Record<string, unknown>> = event.kind === "unsupported" ? event.raw : event;
  const message = raw.message;
  const messageId =
    typeof message === "object" &&
    message !== null &&
    "msg_id" in message &&
    typeof message.msg_id === "string"
      ? message.msg_id
      : undefined;
  const at = Number(raw.timestamp);
  // Never later than now: a clock ahead of ours must not stretch the window past what Zalo allows.
  const sentAt = Number.isFinite(at) && at > 0 ? new Date(Math.min(at, now.getTime())) : undefined;
  return {
    channel: "zalo-oa",
    externalId: userId,
    event: inbound,
    ...(messageId ? { messageId } : {}),
    ...(sentAt ? { sentAt } : {}),
  };
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
      // The person asked Zalo to remove their data from this OA: the privacy feature erases it, unasked.
      if (event.event_name === USER_WITHDRAW) return { type: "withdraw" };
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
