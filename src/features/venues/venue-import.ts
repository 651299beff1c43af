import type { District } from "./district";
import { VENUE_FIELDS, type VenueField, validateVenueDetails } from "./venue-fields";
import type { VenueService } from "./venue-service";
import type { VenueRecord } from "./venue-store";

/** The CSV columns, in the order of the template (docs/venues-import-template.csv). */
export const IMPORT_COLUMNS: readonly VenueField[] = VENUE_FIELDS;

/** What happened to one CSV row. `line` is the 1-based line in the file (the header is line 1). */
export type ImportRowResult =
  | { line: number; status: "created"; venue: VenueRecord }
  | { line: number; status: "existing"; venue: VenueRecord }
  | { line: number; status: "invalid"; errors: Partial<Record<VenueField, string>> };

/**
 * Registers the venues of parsed CSV rows. Re-running the same file creates nothing new: a row whose
 * commune, name and address match a registered venue (ignoring case and diacritics) is reported as
 * "existing" with that venue's code. Invalid rows are reported with the error key of each bad field and
 * do not stop the others. `onRow` is called after each row (progress bars, poster writing).
 */
export async function importVenues(
  rows: Record<string, string>[],
  deps: { service: VenueService; district: District },
  onRow: (result: ImportRowResult) => Promise<void> | void = () => {},
): Promise<ImportRowResult[]> {
  const results: ImportRowResult[] = [];
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const checked = validateVenueDetails(row, deps.district);
    let result: ImportRowResult;
    if (!checked.ok) {
      result = { line, status: "invalid", errors: checked.errors };
    } else {
      const [existing] = await deps.service.findDuplicates(checked.details);
      result = existing
        ? { line, status: "existing", venue: existing }
        : { line, status: "created", venue: await deps.service.register(checked.details, null) };
    }
    results.push(result);
    await onRow(result);
  }
  return results;
}
