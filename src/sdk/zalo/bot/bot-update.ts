/**
 * Zalo Bot Platform update shapes (webhook bodies and `getUpdates` results), zalo.md §2.
 * Updates keep their wire field names; each carries a `kind` discriminator added by the parser so that an
 * unknown `event_name` can be represented without widening the known variants.
 */
import { z } from "zod";
import { decodeWebhookBody, type ZaloParseResult } from "../shared/parse-result";
import { formatIssues, zaloIdSchema } from "../shared/zod-helpers";

/** `date` is epoch ms (a number in the docs); a digit string is accepted too. */
const epochMsNumberSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

const senderSchema = z.looseObject({
  id: zaloIdSchema,
  display_name: z.string().optional(),
  is_bot: z.boolean().optional(),
});

const chatSchema = z.looseObject({
  id: zaloIdSchema,
  /** `PRIVATE`, or `GROUP` (groups in internal testing; bots only see mentions/replies). */
  chat_type: z.string(),
});

const baseMessageShape = {
  message_id: zaloIdSchema,
  date: epochMsNumberSchema,
  from: senderSchema,
  chat: chatSchema,
};

const textMessageSchema = z.looseObject({ ...baseMessageShape, text: z.string() });
// zalo.md §2: the photo field name is uncertain (`photo` vs `photo_url`), so both are optional.
const imageMessageSchema = z.looseObject({
  ...baseMessageShape,
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
});
const stickerMessageSchema = z.looseObject({
  ...baseMessageShape,
  sticker: z.string().optional(),
  url: z.string().optional(),
});
const unsupportedMessageSchema = z.looseObject(baseMessageShape);
/** Newer docs add voice messages (zalo.md §0.8); the audio field is not documented, so only the base. */
const voiceMessageSchema = z.looseObject({ ...baseMessageShape, url: z.string().optional() });

const textUpdateSchema = z
  .looseObject({ event_name: z.literal("message.text.received"), message: textMessageSchema })
  .transform((u) => ({ kind: "text" as const, ...u }));
const imageUpdateSchema = z
  .looseObject({ event_name: z.literal("message.image.received"), message: imageMessageSchema })
  .transform((u) => ({ kind: "image" as const, ...u }));
const stickerUpdateSchema = z
  .looseObject({ event_name: z.literal("message.sticker.received"), message: stickerMessageSchema })
  .transform((u) => ({ kind: "sticker" as const, ...u }));
const unsupportedUpdateSchema = z
  .looseObject({ event_name: z.literal("message.unsupported.received"), message: unsupportedMessageSchema })
  .transform((u) => ({ kind: "unsupported" as const, ...u }));

const voiceUpdateSchema = z
  .looseObject({ event_name: z.literal("message.voice.received"), message: voiceMessageSchema })
  .transform((u) => ({ kind: "voice" as const, ...u }));

/** A text message: reply to `message.chat.id`. */
export type ZaloBotTextUpdate = z.output<typeof textUpdateSchema>;
/** An image message; read the URL with {@link zaloBotPhotoUrl}. */
export type ZaloBotImageUpdate = z.output<typeof imageUpdateSchema>;
/** A sticker message. */
export type ZaloBotStickerUpdate = z.output<typeof stickerUpdateSchema>;
/** A voice message (the bot cannot listen to it; answer with "please type"). */
export type ZaloBotVoiceUpdate = z.output<typeof voiceUpdateSchema>;
/**
 * Content Zalo does not forward: unsupported types, and every message from a protected user (e.g. a
 * minor) — zalo.md §2. Answer with a generic "please send text" at most.
 */
export type ZaloBotUnsupportedUpdate = z.output<typeof unsupportedUpdateSchema>;
/** An `event_name` this SDK does not know yet (the platform is young); the raw body is kept. */
export interface ZaloBotUnknownUpdate {
  /** Discriminator. */
  readonly kind: "unknown";
  /** The unrecognised event name. */
  readonly event_name: string;
  /** The unwrapped update as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Any Bot Platform update; switch on `kind`. */
export type ZaloBotUpdate =
  | ZaloBotTextUpdate
  | ZaloBotImageUpdate
  | ZaloBotStickerUpdate
  | ZaloBotVoiceUpdate
  | ZaloBotUnsupportedUpdate
  | ZaloBotUnknownUpdate;

/** The message of any known update. */
export type ZaloBotMessage = Exclude<ZaloBotUpdate, ZaloBotUnknownUpdate>["message"];

const schemas = {
  "message.text.received": textUpdateSchema,
  "message.image.received": imageUpdateSchema,
  "message.sticker.received": stickerUpdateSchema,
  "message.voice.received": voiceUpdateSchema,
  "message.unsupported.received": unsupportedUpdateSchema,
} as const;

const isKnownEvent = (name: string): name is keyof typeof schemas => Object.hasOwn(schemas, name);

const shapeError = (message: string, issues: readonly string[] = []): ZaloParseResult<never> => ({
  ok: false,
  error: { reason: "invalid_shape", message, issues },
});

/**
 * Parses a Bot Platform webhook body. Accepts the documented wrapped form `{ ok: true, result: {…} }` and
 * the flat `{ event_name, message }` form that production integrations report receiving (zalo.md §2).
 * `body` may be parsed JSON or the raw text/bytes. Never throws.
 */
export function parseZaloBotWebhook(body: unknown): ZaloParseResult<ZaloBotUpdate> {
  const decoded = decodeWebhookBody(body);
  if (!decoded.ok) return decoded;
  const value = decoded.value;
  if (typeof value === "object" && value !== null && "result" in value) {
    if (!("ok" in value) || value.ok !== true)
      return shapeError("wrapped update is not { ok: true, result }");
    return parseZaloBotUpdate(value.result);
  }
  return parseZaloBotUpdate(value);
}

/** Parses one unwrapped update object (the `result` of `getUpdates`, or a flat webhook body). Never throws. */
export function parseZaloBotUpdate(value: unknown): ZaloParseResult<ZaloBotUpdate> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return shapeError("update is not a JSON object");
  }
  const eventName = "event_name" in value ? value.event_name : undefined;
  if (typeof eventName !== "string" || eventName.length === 0) return shapeError("update has no event_name");
  if (!isKnownEvent(eventName)) {
    return { ok: true, value: { kind: "unknown", event_name: eventName, raw: { ...value } } };
  }
  const parsed = schemas[eventName].safeParse(value);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    return shapeError(`${eventName} does not match the documented shape`, issues);
  }
  return { ok: true, value: parsed.data };
}

/** The image URL of an image message, whichever field name Zalo used (`photo_url` or `photo`). */
export function zaloBotPhotoUrl(message: ZaloBotImageUpdate["message"]): string | undefined {
  return message.photo_url ?? message.photo;
}

const unknownMessageSchema = z.looseObject({ message: z.looseObject(baseMessageShape) });

/**
 * The message of an update whose `event_name` is not known yet (e.g. `message.video.received`), when it has
 * the common message fields: enough to answer the person that this kind of message cannot be read.
 */
export function zaloBotUnknownMessage(update: ZaloBotUnknownUpdate): ZaloBotMessage | undefined {
  const parsed = unknownMessageSchema.safeParse(update.raw);
  return parsed.success ? parsed.data.message : undefined;
}
