import { z } from "zod";

// Commune-level unit types in Vietnam: xã (rural commune), phường (urban ward), thị trấn (township).
const UNIT_TYPES = ["xa", "phuong", "thi-tran"] as const;

const namedCodeSchema = z.object({
  code: z.string().regex(/^\d+$/, "GSO codes are digits"),
  name: z.string().trim().min(1),
});

const districtSchema = z
  .object({
    province: namedCodeSchema,
    district: namedCodeSchema,
    units: z
      .array(
        z.object({
          code: z.string().regex(/^\d{5}$/, "commune GSO codes have 5 digits"),
          name: z.string().trim().min(1),
          type: z.enum(UNIT_TYPES),
        }),
      )
      .min(1),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    // A duplicated code would make a stored venue's commune ambiguous.
    const seen = new Set<string>();
    value.units.forEach((unit, index) => {
      if (seen.has(unit.code)) {
        ctx.addIssue({
          code: "custom",
          path: ["units", index, "code"],
          message: `duplicate code ${unit.code}`,
        });
      }
      seen.add(unit.code);
    });
  });

/** A district's configuration: its province, itself and its commune-level units (GSO codes). */
export type District = z.infer<typeof districtSchema>;

/** One commune-level unit (xã, phường or thị trấn) of a {@link District}. */
export type AdminUnit = District["units"][number];

/** Thrown by {@link loadDistrict} when the district file does not match the expected shape. */
export class DistrictDataError extends Error {
  override readonly name = "DistrictDataError";
}

/**
 * Validates parsed district JSON (e.g. `data/districts/binh-son.json`, read from a configurable path so
 * another district can be served) and returns it typed. Throws {@link DistrictDataError} listing every
 * problem, so a bad file stops start-up with a clear message instead of failing mid-conversation.
 */
export function loadDistrict(json: unknown): District {
  const parsed = districtSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new DistrictDataError(`invalid district data: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** Finds a unit of the district by its GSO code, e.g. `21040` → Thị trấn Châu Ổ. */
export function findUnit(district: District, code: string): AdminUnit | undefined {
  return district.units.find((unit) => unit.code === code);
}
