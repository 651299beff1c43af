import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Shares one flush among everyone who asks while none is running, and one more among everyone who asks
 * while one is (their writes may have come after it started, so it does not cover them).
 */
export class GroupFlush {
  private current: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once everything written before the call is flushed. */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.current) return this.begin();
    const settled = () => undefined;
    this.queued = this.current.then(settled, settled).then(() => {
      this.queued = undefined;
      return this.begin();
    });
    return this.queued;
  }

  private begin(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }
}

/**
 * Makes the embedded database's commits durable without stopping the event loop.
 *
 * Why: with `synchronous = FULL` SQLite syncs the write-ahead log inside COMMIT, and better-sqlite3 runs
 * COMMIT on the thread that answers webhooks: every acknowledgement stopped all other work for the length
 * of an fsync. With `synchronous = NORMAL` a commit only writes its frames to the log (safe against a
 * process crash), and SQLite itself syncs the log before every checkpoint. Syncing the log file from
 * libuv's thread pool after a commit therefore makes it as durable as FULL would have, and commits that
 * finish close together share one sync (docs/adr/008-sqlite-hot-path.md).
 */
export class WalSync {
  private handle: Promise<FileHandle> | undefined;
  private readonly group = new GroupFlush(() => this.flush());

  constructor(private readonly databaseFile: string) {}

  /** Resolves once every commit made before the call is on disk. */
  sync(): Promise<void> {
    return this.group.sync();
  }

  /**
   * The log file is created when the connection opens and deleted when the last one closes; a new
   * connection means a new file, so the next sync opens it afresh.
   */
  async reopen(): Promise<void> {
    const old = this.handle;
    this.handle = undefined;
    await old?.then(
      (h) => h.close(),
      () => undefined,
    );
  }

  private async flush(): Promise<void> {
    this.handle ??= this.openLog();
    const handle = await this.handle.catch((error: unknown) => {
      this.handle = undefined;
      throw error;
    });
    await handle.datasync();
  }

  /** Opens the log and, once, syncs its directory entry (as SQLite does for a file it created). */
  private async openLog(): Promise<FileHandle> {
    const log = await open(`${this.databaseFile}-wal`, "r");
    const directory = await open(dirname(this.databaseFile), "r");
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return log;
  }
}
