import { z } from "zod";

/** One directive (công văn, chỉ thị) in the register. */
export interface DirectiveRecord {
  id: string;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  title: string;
  summary: string;
  link: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The fields an officer enters, checked the same way in chat and in the API. */
export const directiveSchema = z.object({
  number: z.string().trim().min(1).max(50),
  issuedOn: z.iso.date(),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(1500),
  // A bare domain ("binhson.gov.vn/cv-15") is how officers copy links: it gets https://. Any other scheme
  // (javascript:, ftp:) stays and is refused.
  link: z
    .preprocess(
      (v) => (typeof v === "string" && v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v),
      z
        .url({ protocol: /^https?$/ })
        .max(500)
        .nullish(),
    )
    .transform((v) => v ?? null),
});

export type DirectiveInput = z.infer<typeof directiveSchema>;

/** Directive storage port (Prisma in src/db). */
export interface DirectiveStore {
  add(input: DirectiveInput & { id: string; createdBy: string }): Promise<DirectiveRecord>;
  /** Newest first (by date issued, then by when it was entered). */
  latest(limit: number): Promise<DirectiveRecord[]>;
}
