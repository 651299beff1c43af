import { isUniqueViolation } from "./database-errors";

/**
 * Runs an insert whose row carries a turn's effect id (src/core/effect-id.ts) in a unique column: when the
 * turn runs again (its process died before committing, docs/adr/016-scale-out.md) the insert meets the
 * first run's row and is a no-op. True when this call inserted. Without a key it is a plain insert.
 */
export async function insertOnce(
  key: string | null | undefined,
  insert: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (key && isUniqueViolation(error)) return false;
    throw error;
  }
}
