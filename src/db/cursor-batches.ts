import type { Db, Tx } from "./database";

/** Thrown inside a batch's transaction to roll it back when the cursor moved under us. */
class CursorMoved extends Error {
  override readonly name = "CursorMoved";
}

/** What a parent row's cursor becomes: the batch's last key, or done (`materialisedAt`). */
export type CursorStep = { cursor: string } | { materialisedAt: Date };

/**
 * One batch of an audience queued under a cursor (broadcasts, surveys — ADR 005): in one transaction the
 * parent row moves on from the cursor it was read at (`advance` is a conditional update that must touch
 * exactly one row), then the batch's rows are written. A second process that read the same cursor finds the
 * row moved, rolls back and stops, so nobody is queued twice and a crash loses nothing.
 */
export async function queueBatch(
  db: Db,
  batch: { last: string | undefined; now: Date },
  advance: (tx: Tx, step: CursorStep) => Promise<{ count: number }>,
  write: (tx: Tx) => Promise<void>,
): Promise<"more" | "done" | "stopped"> {
  try {
    await db.$transaction(async (tx) => {
      const step: CursorStep = batch.last ? { cursor: batch.last } : { materialisedAt: batch.now };
      if ((await advance(tx, step)).count !== 1) throw new CursorMoved();
      await write(tx);
    });
  } catch (error) {
    if (error instanceof CursorMoved) return "stopped";
    throw error;
  }
  return batch.last ? "more" : "done";
}
