import { readFileSync } from "node:fs";
import { z } from "zod";
import type { OutboxPurpose } from "../../core/ports";
import { vietnamDay } from "../../core/vietnam-time";
import {
  ZALO_TEMPLATE_LIMITS,
  type ZaloOaTemplateCategory,
  type ZaloOaTemplateElement,
  type ZaloOaTemplateMessage,
} from "../../sdk/zalo";

const text = z.string().min(1);
const align = z.enum(["left", "center", "right"]).optional();
const elementSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("banner"), imageUrl: z.url().optional(), attachmentId: text.optional() }),
  z.object({ type: z.literal("header"), content: text, align }),
  z.object({ type: z.literal("text"), content: text, align }),
  z.object({
    type: z.literal("table"),
    rows: z.array(z.object({ key: text, value: text, style: z.string().optional() })).min(1),
  }),
]);
const templateSchema = z.object({
  /** `transaction` (people who interacted within a year) or `promotion` (followers, 1 a day, daytime). */
  category: z.enum(["transaction", "promotion"]),
  templateType: text,
  templateId: text.optional(),
  /**
   * The payload field that carries `templateId`. "template_id" by default, but no public source we have
   * (zalo.md) confirms that name for ZBS transaction/promotion messages: check it against the OA console's
   * sample request and set it here if it differs.
   */
  templateIdField: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional(),
  language: z.enum(["VI", "EN"]).optional(),
  elements: z.array(elementSchema).min(1),
  buttons: z
    .array(
      z.object({
        title: text,
        type: z.enum(["oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.phone"]),
        value: text,
      }),
    )
    .max(ZALO_TEMPLATE_LIMITS.buttons)
    .optional(),
});

/**
 * ZBS templates by purpose, from ZALO_OA_TEMPLATES_FILE. Each is the approved template's type/id and how its
 * elements are filled: `{text}` is the message the person would have got as a cs message (shortened to the
 * element's limit), `{date}` the sending day (dd/mm/yyyy, Vietnam time).
 */
export const zaloOaTemplatesSchema = z.strictObject({
  broadcast: templateSchema.optional(),
  reminder: templateSchema.optional(),
  alert: templateSchema.optional(),
});
export type ZaloOaTemplates = z.output<typeof zaloOaTemplatesSchema>;

/** Reads and checks the templates file; throws with the field at fault. */
export function loadZaloOaTemplates(path: string): ZaloOaTemplates {
  const parsed = zaloOaTemplatesSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** dd/mm/yyyy of the Vietnamese calendar day. */
function vietnamDate(at: Date): string {
  const [year, month, day] = vietnamDay(at).split("-");
  return `${day}/${month}/${year}`;
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** The template message for one row: the configured elements with `{text}` and `{date}` filled in. */
export function fillZaloOaTemplate(
  templates: ZaloOaTemplates,
  purpose: OutboxPurpose,
  values: { text: string; now: Date },
): ZaloOaTemplateMessage | undefined {
  const template = templates[purpose];
  if (!template) return undefined;
  const category: ZaloOaTemplateCategory = template.category;
  const fill = (pattern: string, max: number) =>
    shorten(
      pattern.replaceAll("{date}", vietnamDate(values.now)).replaceAll("{text}", values.text.trim()),
      max,
    );
  const elements = template.elements.map((e): ZaloOaTemplateElement => {
    switch (e.type) {
      case "header":
        return { ...e, content: fill(e.content, ZALO_TEMPLATE_LIMITS.header) };
      case "text":
        return { ...e, content: fill(e.content, ZALO_TEMPLATE_LIMITS.text[category]) };
      case "table":
        return {
          type: "table",
          rows: e.rows.map((r) => ({
            ...r,
            key: fill(r.key, ZALO_TEMPLATE_LIMITS.tableKey),
            value: fill(r.value, ZALO_TEMPLATE_LIMITS.tableValue),
          })),
        };
      default:
        return e;
    }
  });
  return {
    category,
    templateType: template.templateType,
    ...(template.templateId ? { templateId: template.templateId } : {}),
    ...(template.templateIdField ? { templateIdField: template.templateIdField } : {}),
    ...(template.language ? { language: template.language } : {}),
    elements,
    ...(template.buttons ? { buttons: template.buttons } : {}),
  };
}
