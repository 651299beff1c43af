import { z } from "zod";
import { LANGUAGES } from "../../core/messages";

/** Who a broadcast goes to. Always subscribers who opted in and are reachable; filters narrow it down. */
export const audienceSchema = z
  .object({
    all: z.literal(true).optional(),
    communes: z
      .array(z.string().regex(/^\d{5}$/, "commune codes have 5 digits"))
      .min(1)
      .max(100)
      .optional(),
    roles: z
      .array(z.enum(["citizen", "venue-owner"]))
      .min(1)
      .optional(),
    languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  })
  .strict()
  .refine((a) => a.all || a.communes || a.roles || a.languages, {
    message: "give all: true or at least one of communes, roles, languages",
  })
  .refine((a) => !(a.all && (a.communes || a.roles || a.languages)), {
    message: "all: true cannot be combined with filters",
  });

export type Audience = z.infer<typeof audienceSchema>;

/** Reads a stored audience (JSON in a TEXT column); anything unreadable targets nobody rather than everyone. */
export function parseAudience(json: string): Audience {
  const parsed = audienceSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : { communes: ["00000"] };
}

/** A broadcast text: what officers may send in one message (Telegram allows 4096 with the footer). */
export const broadcastTextSchema = z
  .string()
  .trim()
  .min(1, "text is empty")
  .max(3500, "at most 3500 characters");
