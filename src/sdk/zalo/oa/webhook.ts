/**
 * OA webhook events (zalo.md §1.7): zod schemas, types and a never-throwing parser.
 * Events keep their wire field names (ids normalised to strings) and gain a `kind` discriminator:
 * the event name for modelled events, `oa_echo` for the OA's own `oa_send_*` echoes, and `unsupported`
 * for every other event name (Zalo has dozens; unknown ones must not fail the webhook).
 * @see https://developers.zalo.me/docs/official-account/webhook/tong-quan
 */
import { z } from "zod";
import { decodeWebhookBody, type ZaloParseResult } from "../shared/parse-result";
import { epochMsStringSchema, formatIssues, zaloIdSchema } from "../shared/zod-helpers";

export type { ZaloOaSignatureInput } from "./webhook-signature";
export { isTimestampFresh, verifyZaloOaSignature, ZALO_OA_SIGNATURE_HEADER } from "./webhook-signature";

const party = z.looseObject({ id: zaloIdSchema });

/** Fields every event carries. `timestamp` is epoch milliseconds as a digit string. */
const baseShape = {
  app_id: zaloIdSchema,
  timestamp: epochMsStringSchema,
  /** App-scoped user id; `sender.id`/`follower.id` is the OA-scoped one. */
  user_id_by_app: zaloIdSchema.optional(),
};
/** User → OA messages: the OA is `recipient.id` (one app may serve several OAs). */
const userMessageShape = { ...baseShape, sender: party, recipient: party };

/** Coordinates arrive as decimal strings in the samples; numbers are accepted too. Both become numbers. */
const coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const userSendTextSchema = z.looseObject({
  ...userMessageShape,
  event_name: z.literal("user_send_text"),
  message: z.looseObject({
    msg_id: z.string().min(1),
    text: z.string(),
    /** Present only when the user replied to (quoted) a message. */
    quote_msg_id: z.string().optional(),
  }),
});

const userSendImageSchema = z.looseObject({
  ...userMessageShape,
  event_name: z.literal("user_send_image"),
  message: z.looseObject({
    msg_id: z.string().min(1),
    text: z.string().optional(),
    // Media URLs are temporary (zalo.md §1.7): download promptly.
    attachments: z
      .array(
        z.looseObject({
          type: z.literal("image"),
          payload: z.looseObject({ url: z.string(), thumbnail: z.string().optional() }),
        }),
      )
      .min(1),
  }),
});

const userSendLocationSchema = z.looseObject({
  ...userMessageShape,
  event_name: z.literal("user_send_location"),
  message: z.looseObject({
    msg_id: z.string().min(1),
    text: z.string().optional(),
    attachments: z
      .array(
        z.looseObject({
          type: z.literal("location"),
          payload: z.looseObject({
            coordinates: z.looseObject({ latitude: coordinate, longitude: coordinate }),
          }),
        }),
      )
      .min(1),
  }),
});

/** Follow events route by `oa_id` and name the user `follower.id`. */
const followShape = { ...baseShape, oa_id: zaloIdSchema, follower: party, source: z.string().optional() };
const followSchema = z.looseObject({ ...followShape, event_name: z.literal("follow") });
const unfollowSchema = z.looseObject({ ...followShape, event_name: z.literal("unfollow") });

const userSubmitInfoSchema = z.looseObject({
  ...userMessageShape,
  oa_id: zaloIdSchema.optional(),
  event_name: z.literal("user_submit_info"),
  // Fields depend on the form version (older: address/city/district/ward; newer: user_dob, gender,
  // full_address), so all are optional and unknown ones are kept.
  info: z.looseObject({
    name: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    ward: z.string().optional(),
    user_dob: z.string().optional(),
    gender: z.string().optional(),
    /** A string in older forms; `{user_city, user_ward, user_address}` in the newer one (zalo.md §0.6). */
    full_address: z
      .union([
        z.string(),
        z.looseObject({
          user_city: z.string().optional(),
          user_district: z.string().optional(),
          user_ward: z.string().optional(),
          user_address: z.string().optional(),
        }),
      ])
      .optional(),
  }),
});

const oaEchoSchema = z.looseObject({
  ...baseShape,
  event_name: z.string().regex(/^oa_send_/),
  /** For echoes the OA is `sender.id`; `admin_id` is present only when staff typed it in the OA chat tool. */
  sender: z.looseObject({ id: zaloIdSchema, admin_id: zaloIdSchema.optional() }),
  recipient: party,
  message: z.looseObject({ msg_id: z.string().optional(), text: z.string().optional() }).optional(),
});

const withKind =
  <K extends string>(kind: K) =>
  <T extends object>(event: T): T & { readonly kind: K } => ({ ...event, kind });

const eventSchemas = {
  user_send_text: userSendTextSchema.transform(withKind("user_send_text")),
  user_send_image: userSendImageSchema.transform(withKind("user_send_image")),
  user_send_location: userSendLocationSchema.transform(withKind("user_send_location")),
  follow: followSchema.transform(withKind("follow")),
  unfollow: unfollowSchema.transform(withKind("unfollow")),
  user_submit_info: userSubmitInfoSchema.transform(withKind("user_submit_info")),
} as const;

const oaEchoEventSchema = oaEchoSchema.transform((event) => ({
  ...event,
  kind: "oa_echo" as const,
  /** Staff typed it in the OA chat tool (human takeover) rather than our own API call. */
  isStaffMessage: event.sender.admin_id !== undefined,
}));

/** A user sent text (also how `oa.query.*` button clicks arrive). */
export type ZaloOaUserSendTextEvent = z.output<(typeof eventSchemas)["user_send_text"]>;
/** A user sent one or more images. */
export type ZaloOaUserSendImageEvent = z.output<(typeof eventSchemas)["user_send_image"]>;
/** A user shared a location; coordinates are numbers. */
export type ZaloOaUserSendLocationEvent = z.output<(typeof eventSchemas)["user_send_location"]>;
/** A user followed the OA (opens an interaction window). */
export type ZaloOaFollowEvent = z.output<(typeof eventSchemas)["follow"]>;
/** A user unfollowed the OA. */
export type ZaloOaUnfollowEvent = z.output<(typeof eventSchemas)["unfollow"]>;
/** A user answered a `request_user_info` form. */
export type ZaloOaUserSubmitInfoEvent = z.output<(typeof eventSchemas)["user_submit_info"]>;
/**
 * An `oa_send_*` echo of a message the OA sent. Skip it when `isStaffMessage` is false (our own API call);
 * when true, a human agent took over the conversation.
 */
export type ZaloOaEchoEvent = z.output<typeof oaEchoEventSchema>;
/** Any event name not modelled here (stickers, files, seen/received, tags, `user_withdraw`, …). */
export interface ZaloOaUnsupportedEvent {
  /** Discriminator. */
  readonly kind: "unsupported";
  /** The event name as received. */
  readonly event_name: string;
  /** The body as received, for logging or later support. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Every OA webhook event; switch on `kind`. */
export type ZaloOaEvent =
  | ZaloOaUserSendTextEvent
  | ZaloOaUserSendImageEvent
  | ZaloOaUserSendLocationEvent
  | ZaloOaFollowEvent
  | ZaloOaUnfollowEvent
  | ZaloOaUserSubmitInfoEvent
  | ZaloOaEchoEvent
  | ZaloOaUnsupportedEvent;

const isModelled = (name: string): name is keyof typeof eventSchemas => Object.hasOwn(eventSchemas, name);

/**
 * Parses an OA webhook body (parsed JSON, or raw text/bytes decoded bigint-safely). Never throws:
 * malformed bodies and known events with a wrong shape give a typed error; unknown event names give the
 * `unsupported` variant. Verify the signature on the raw bytes first.
 */
export function parseZaloOaEvent(body: unknown): ZaloParseResult<ZaloOaEvent> {
  const decoded = decodeWebhookBody(body);
  if (!decoded.ok) return decoded;
  const value = decoded.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: { reason: "invalid_shape", message: "body is not a JSON object", issues: [] },
    };
  }
  const name = "event_name" in value ? value.event_name : undefined;
  if (typeof name !== "string" || name.length === 0) {
    return { ok: false, error: { reason: "invalid_shape", message: "body has no event_name", issues: [] } };
  }
  const schema = isModelled(name)
    ? eventSchemas[name]
    : name.startsWith("oa_send_")
      ? oaEchoEventSchema
      : undefined;
  if (schema === undefined)
    return { ok: true, value: { kind: "unsupported", event_name: name, raw: { ...value } } };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    return {
      ok: false,
      error: { reason: "invalid_shape", message: `${name} does not match the documented shape`, issues },
    };
  }
  return { ok: true, value: parsed.data };
}

/**
 * The OA an event belongs to — needed because one app can serve several OAs through one webhook URL.
 * User messages: `recipient.id`; echoes, `user_received_message`, `user_seen_message`: `sender.id`;
 * follow events: `oa_id` (zalo.md §1.7). `undefined` when the body does not say.
 */
export function zaloOaEventOaId(event: ZaloOaEvent): string | undefined {
  switch (event.kind) {
    case "follow":
    case "unfollow":
      return event.oa_id;
    case "oa_echo":
      return event.sender.id;
    case "unsupported":
      return unsupportedOaId(event);
    default:
      return event.recipient.id;
  }
}

function unsupportedOaId(event: ZaloOaUnsupportedEvent): string | undefined {
  const { raw } = event;
  const idOf = (key: string): string | undefined => {
    const party = raw[key];
    if (typeof party !== "object" || party === null || !("id" in party)) return undefined;
    return typeof party.id === "string" ? party.id : undefined;
  };
  if (typeof raw.oa_id === "string") return raw.oa_id;
  const fromOa = /^(oa_|user_received_message$|user_seen_message$)/.test(event.event_name);
  return fromOa ? idOf("sender") : idOf("recipient");
}

/**
 * A key for deduplicating deliveries (Zalo retries re-send the same body): `message.msg_id` when present,
 * else `event_name:timestamp` plus the user, as zalo.md §1.7 recommends.
 */
export function zaloOaEventDedupeKey(event: ZaloOaEvent): string {
  const raw: Readonly<Record<string, unknown>> = event.kind === "unsupported" ? event.raw : event;
  const message = raw.message;
  if (
    typeof message === "object" &&
    message !== null &&
    "msg_id" in message &&
    typeof message.msg_id === "string"
  ) {
    return `msg:${message.msg_id}`;
  }
  const party = event.kind === "follow" || event.kind === "unfollow" ? event.follower : raw.sender;
  const user = typeof party === "object" && party !== null && "id" in party ? String(party.id) : "";
  return `${event.event_name}:${String(raw.timestamp ?? "")}:${user}`;
}
