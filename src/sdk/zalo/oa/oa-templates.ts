/**
 * ZBS template messages (transaction / promotion, zalo.md §1.3): the only way to reach a person more than
 * 7 days after their last interaction. The template must be approved in the OA console first; its content
 * is a list of elements (banner, header, text, table) and up to 4 buttons, each with documented limits.
 */
import { ZaloValidationError } from "../shared/validation-error";
import type { ZaloJson } from "./oa-messages";

/** `transaction`: people who interacted within a year · `promotion`: followers, 1 a day, 06:00–21:59. */
export type ZaloOaTemplateCategory = "transaction" | "promotion";

/** One element of a template message. */
export type ZaloOaTemplateElement =
  | { readonly type: "banner"; readonly imageUrl?: string; readonly attachmentId?: string }
  | { readonly type: "header"; readonly content: string; readonly align?: "left" | "center" | "right" }
  | { readonly type: "text"; readonly content: string; readonly align?: "left" | "center" | "right" }
  | {
      readonly type: "table";
      readonly rows: readonly { readonly key: string; readonly value: string; readonly style?: string }[];
    };

/** A template button: opens a page, calls, or sends a query back (as cs buttons do). */
export interface ZaloOaTemplateButton {
  readonly title: string;
  readonly type: "oa.open.url" | "oa.query.show" | "oa.query.hide" | "oa.open.phone";
  /** URL, query text or phone number, by type. */
  readonly value: string;
}

/** A template message to send. */
export interface ZaloOaTemplateMessage {
  readonly category: ZaloOaTemplateCategory;
  /** `template_type` of the approved template, e.g. `transaction_event`, `promotion`. */
  readonly templateType: string;
  /** The approved template's id, when the console gave one (sent as `templateIdField`). */
  readonly templateId?: string;
  /** The payload field for `templateId`: "template_id" unless configured (the name is unconfirmed, zalo.md). */
  readonly templateIdField?: string;
  /** `VI` or `EN`: Zalo's own labels in the message follow it. */
  readonly language?: "VI" | "EN";
  readonly elements: readonly ZaloOaTemplateElement[];
  readonly buttons?: readonly ZaloOaTemplateButton[];
}

/** Documented limits (zalo.md §1.3). */
export const ZALO_TEMPLATE_LIMITS = {
  header: 100,
  text: { transaction: 250, promotion: 1000 },
  tableKey: 35,
  tableValue: 100,
  buttons: 4,
  buttonTitle: 35,
} as const;

function within(field: string, value: string, max: number): string {
  if (value.trim().length === 0) throw new ZaloValidationError(field, `${field} must not be blank`);
  if (value.length > max) throw new ZaloValidationError(field, `${field} exceeds ${max} characters`);
  return value;
}

function elementJson(e: ZaloOaTemplateElement, category: ZaloOaTemplateCategory, at: string): ZaloJson {
  switch (e.type) {
    case "banner":
      if ((e.imageUrl === undefined) === (e.attachmentId === undefined)) {
        throw new ZaloValidationError(at, "a banner takes either imageUrl or attachmentId");
      }
      return e.imageUrl !== undefined
        ? { type: "banner", image_url: e.imageUrl }
        : { type: "banner", attachment_id: e.attachmentId ?? "" };
    case "header":
      return {
        type: "header",
        content: within(`${at}.content`, e.content, ZALO_TEMPLATE_LIMITS.header),
        align: e.align ?? "left",
      };
    case "text":
      return {
        type: "text",
        content: within(`${at}.content`, e.content, ZALO_TEMPLATE_LIMITS.text[category]),
        align: e.align ?? "left",
      };
    case "table":
      return {
        type: "table",
        content: e.rows.map((r, i) => ({
          key: within(`${at}.rows[${i}].key`, r.key, ZALO_TEMPLATE_LIMITS.tableKey),
          value: within(`${at}.rows[${i}].value`, r.value, ZALO_TEMPLATE_LIMITS.tableValue),
          ...(r.style ? { style: r.style } : {}),
        })),
      };
    default:
      throw new ZaloValidationError(at, "unknown element type");
  }
}

function buttonJson(b: ZaloOaTemplateButton, at: string): ZaloJson {
  const title = within(`${at}.title`, b.title, ZALO_TEMPLATE_LIMITS.buttonTitle);
  switch (b.type) {
    case "oa.open.url":
      return { title, type: b.type, payload: { url: b.value } };
    case "oa.open.phone":
      return { title, type: b.type, payload: { phone_code: b.value } };
    default:
      return { title, type: b.type, payload: b.value };
  }
}

/** The `message` of a transaction/promotion request, limits checked. */
export function templateMessageJson(t: ZaloOaTemplateMessage): ZaloJson {
  if (t.elements.length === 0) throw new ZaloValidationError("elements", "a template needs elements");
  const buttons = t.buttons ?? [];
  if (buttons.length > ZALO_TEMPLATE_LIMITS.buttons) {
    throw new ZaloValidationError("buttons", `at most ${ZALO_TEMPLATE_LIMITS.buttons} buttons`);
  }
  const payload: { [key: string]: ZaloJson } = {
    template_type: t.templateType,
    language: t.language ?? "VI",
    elements: t.elements.map((e, i) => elementJson(e, t.category, `elements[${i}]`)),
  };
  if (t.templateId !== undefined) payload[t.templateIdField ?? "template_id"] = t.templateId;
  if (buttons.length > 0) payload.buttons = buttons.map((b, i) => buttonJson(b, `buttons[${i}]`));
  return { attachment: { type: "template", payload } };
}
