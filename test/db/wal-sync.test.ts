import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GroupFlush, WalSync } from "../../src/db/wal-sync";

/** A flush that finishes when the test says so, counting how often it ran. */
function controlledFlush() {
  const finishers: ((error?: Error) => void)[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  return { flush, finishers };
}

describe("durable commits share syncs to disk", () => {
  it("commits made while a sync runs wait for the next one, and all of them share it", async () => {
    const { flush, finishers } = controlledFlush();
    const group = new GroupFlush(flush);
    const done: string[] = [];
    const first = group.sync().then(() => done.push("first"));
    // These two committed after the first sync started, so it may not cover them.
    const second = group.sync().then(() => done.push("second"));
    const third = group.sync().then(() => done.push("third"));
    expect(finishers).toHaveLength(1);

    finishers[0]?.();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(done).toEqual(["first"]);
    expect(finishers).toHaveLength(2);

    finishers[1]?.();
    await Promise.all([second, third]);
    expect(done).toEqual(["first", "second", "third"]);
    expect(finishers).toHaveLength(2);
  });

  it("a failed sync fails the commits that waited for it, and the next commit syncs again", async () => {
    const { flush, finishers } = controlledFlush();
    const group = new GroupFlush(flush);
    const failed = group.sync();
    finishers[0]?.(new Error("EIO"));
    await expect(failed).rejects.toThrow("EIO");
    const next = group.sync();
    expect(finishers).toHaveLength(2);
    finishers[1]?.();
    await expect(next).resolves.toBeUndefined();
  });

  it("syncs the database's write-ahead log file, and reports a missing log instead of pretending", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wal-sync-"));
    const database = join(dir, "app.db");
    const wal = new WalSync(database);
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(`${database}-wal`, "frames");
    await expect(wal.sync()).resolves.toBeUndefined();
    await wal.reopen();
    await expect(wal.sync()).resolves.toBeUndefined();
  });
});
