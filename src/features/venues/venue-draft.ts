import { z } from "zod";

/** What the registration dialog has collected so far (its stored, versioned draft). */
export const venueDraftSchema = z.object({
  mode: z.enum(["new", "edit"]),
  venueId: z.string().optional(),
  name: z.string().optional(),
  category: z.string().optional(),
  communeCode: z.string().optional(),
  address: z.string().optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  /** Set while changing one field from the summary: go back to the summary afterwards. */
  editing: z.boolean().optional(),
  communePage: z.number().int().optional(),
  /** The registered venue this one looks like, while asking whether to go on. */
  duplicateOf: z.object({ name: z.string(), code: z.string(), mine: z.boolean().optional() }).optional(),
  /** An answer refused as looking like a question: typed again the same, it is taken as the answer. */
  doubted: z.string().optional(),
  /** When this registration was started: shown when resuming, and one reminder per registration. */
  startedAt: z.string(),
});

export type Draft = z.infer<typeof venueDraftSchema>;

/** The registration flow's identity and draft format (the flow itself is built in registration-flow.ts). */
export const VENUE_FLOW_SHAPE = { id: "venue", version: 1, draft: venueDraftSchema } as const;
