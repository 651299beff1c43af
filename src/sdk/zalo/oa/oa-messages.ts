/**
 * Builders for the customer-service message payloads of `POST /v3.0/oa/message/cs` (zalo.md §1.2), with
 * the documented limits checked before anything is sent.
 */
import { ZALO_MAX_TEXT_LENGTH } from "../shared/split-text";
import { ZaloValidationError } from "../shared/validation-error";

/**
 * Who receives a cs message. Prefer `messageId` (reply to an inbound `msg_id`) inside the window: Zalo's
 * support KB says sends carrying only `user_id` may be counted as proactive, i.e. paid (zalo.md §1.2).
 */
export type ZaloOaRecipient = { readonly userId: string } | { readonly messageId: string };

/** A quick-reply button; query buttons come back as an ordinary inbound `user_send_text` with the payload. */
export type ZaloOaButton =
  | {
      /** `show`: the payload appears in the chat as the user's message; `hide`: it is sent silently. */
      readonly type: "oa.query.show" | "oa.query.hide";
      /** Label, ≤ 100 characters. */
      readonly title: string;
      /** Text sent back to the OA, ≤ 1,000 characters. */
      readonly payload: string;
    }
  | {
      /** Opens a web page. */
      readonly type: "oa.open.url";
      /** Label, ≤ 100 characters. */
      readonly title: string;
      /** Page URL. */
      readonly url: string;
    }
  | {
      /** Starts a phone call. */
      readonly type: "oa.open.phone";
      /** Label, ≤ 100 characters. */
      readonly title: string;
      /** Number in international form without `+`, e.g. `84901234567`. */
      readonly phoneCode: string;
    }
  | {
      /** Opens an SMS draft. */
      readonly type: "oa.open.sms";
      /** Label, ≤ 100 characters. */
      readonly title: string;
      /** Number in international form without `+`. */
      readonly phoneCode: string;
      /** Draft text, ≤ 160 characters. */
      readonly content: string;
    };

/** An image to send: an `attachment_id` from `uploadImage`, or a public URL — never both (zalo.md §1.2). */
export type ZaloOaImage = { readonly attachmentId: string } | { readonly url: string };

/** Button limits; configurable because the v3 limits are uncertain (zalo.md "Uncertain"). */
export interface ZaloOaButtonRules {
  /** Max buttons per message. Documented 5; some code uses `template_type: "button"` with ≤ 3. */
  readonly maxButtons: number;
  /** `template_type` to put in the payload; the documented form has none. */
  readonly templateType: string | undefined;
}

/** The documented button rules: ≤ 5 buttons, no `template_type`. */
export const DEFAULT_BUTTON_RULES: ZaloOaButtonRules = { maxButtons: 5, templateType: undefined };

/** Limits from zalo.md §1.2. */
const MAX_TITLE = 100;
const MAX_QUERY_PAYLOAD = 1000;
const MAX_SMS_CONTENT = 160;

/** A JSON value, as sent on the wire. */
export type ZaloJson = string | number | boolean | null | ZaloJson[] | { [key: string]: ZaloJson };
type Json = ZaloJson;

/** Wire form of a recipient. */
export function recipientJson(recipient: ZaloOaRecipient): { [key: string]: Json } {
  return "messageId" in recipient ? { message_id: recipient.messageId } : { user_id: recipient.userId };
}

/** Checks cs text: non-blank and ≤ 2,000 characters (zalo.md §3). Use `splitText` for longer replies. */
export function checkText(text: string, field = "text"): void {
  if (text.trim().length === 0) throw new ZaloValidationError(field, `${field} must not be blank`);
  if (text.length > ZALO_MAX_TEXT_LENGTH) {
    throw new ZaloValidationError(
      field,
      `${field} exceeds ${ZALO_MAX_TEXT_LENGTH} characters; split it first`,
    );
  }
}

function limit(field: string, value: string, max: number): void {
  if (value.length === 0) throw new ZaloValidationError(field, `${field} must not be empty`);
  if (value.length > max) throw new ZaloValidationError(field, `${field} exceeds ${max} characters`);
}

/** Builds the `buttons` template attachment after checking count, title, payload and SMS limits. */
export function buttonsAttachment(buttons: readonly ZaloOaButton[], rules: ZaloOaButtonRules): Json {
  if (buttons.length === 0) throw new ZaloValidationError("buttons", "at least one button is required");
  if (buttons.length > rules.maxButtons) {
    throw new ZaloValidationError("buttons", `at most ${rules.maxButtons} buttons are allowed`);
  }
  const wire = buttons.map((button, i) => buttonJson(button, `buttons[${i}]`));
  const payload: { [key: string]: Json } = { buttons: wire };
  if (rules.templateType !== undefined) payload.template_type = rules.templateType;
  return { type: "template", payload };
}

function buttonJson(button: ZaloOaButton, at: string): Json {
  limit(`${at}.title`, button.title, MAX_TITLE);
  switch (button.type) {
    case "oa.query.show":
    case "oa.query.hide":
      limit(`${at}.payload`, button.payload, MAX_QUERY_PAYLOAD);
      return { title: button.title, type: button.type, payload: button.payload };
    case "oa.open.url":
      if (!/^https?:\/\//i.test(button.url)) {
        throw new ZaloValidationError(`${at}.url`, "url must be http(s)");
      }
      return { title: button.title, type: button.type, payload: { url: button.url } };
    case "oa.open.phone":
      limit(`${at}.phoneCode`, button.phoneCode, 20);
      return { title: button.title, type: button.type, payload: { phone_code: button.phoneCode } };
    case "oa.open.sms":
      limit(`${at}.phoneCode`, button.phoneCode, 20);
      limit(`${at}.content`, button.content, MAX_SMS_CONTENT);
      return {
        title: button.title,
        type: button.type,
        payload: { content: button.content, phone_code: button.phoneCode },
      };
    default:
      // Unreachable for typed callers; guards plain-JS callers from sending an unknown type.
      throw new ZaloValidationError(`${at}.type`, "unknown button type");
  }
}

/** Builds the `media` template attachment for one image. */
export function imageAttachment(image: ZaloOaImage): Json {
  // The union type allows an object with both keys; Zalo rejects that, so refuse it here.
  if ("attachmentId" in image && "url" in image) {
    throw new ZaloValidationError("image", "pass either attachmentId or url, not both");
  }
  const element: Json =
    "attachmentId" in image
      ? { media_type: "image", attachment_id: image.attachmentId }
      : { media_type: "image", url: image.url };
  return { type: "template", payload: { template_type: "media", elements: [element] } };
}

/** Builds the `file` attachment for a token from `uploadFile`. */
export function fileAttachment(token: string): Json {
  if (token.length === 0) throw new ZaloValidationError("token", "file token must not be empty");
  return { type: "file", payload: { token } };
}

/** Assembles the full cs request body. */
export function csBody(recipient: ZaloOaRecipient, message: { [key: string]: Json }): Json {
  return { recipient: recipientJson(recipient), message };
}
