import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database as SqliteDatabase, Statement } from "better-sqlite3";
import type { Sql, SqlDatabase, SqlParam } from "./sql-session";
import { WalSync } from "./wal-sync";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The embedded database's one connection, shared by Prisma and the per-message stores.
 *
 * Why: a Prisma query costs 0.3–0.9 ms of CPU (the query compiler and the adapter), a prepared
 * better-sqlite3 statement about 0.01 ms, and on SQLite all of it runs on the thread that acknowledges
 * webhooks. The few statements every update runs go direct (docs/adr/008-sqlite-hot-path.md).
 *
 * One connection (rather than a second one) means no lock contention and no SQLITE_BUSY_SNAPSHOT for
 * Prisma's read-then-write transactions. In exchange, everything on the connection takes turns through
 * one {@link Mutex}: Prisma's queries and transactions (its adapter is wrapped to take it; a transaction
 * holds it until commit or rollback) and ours, so no statement ever lands inside someone else's
 * transaction.
 */
export class SharedSqlite implements SqlDatabase {
  private raw: SqliteDatabase | undefined;
  /** Statements on `raw`, made once per connection (every message's store calls go through it). */
  private sql: Sql | undefined;
  private readonly statements = new Map<string, Statement>();
  private readonly lock = new Mutex();
  private readonly wal: WalSync;
  /** Whether the open connection is in WAL mode (migrations set it; it stays with the file). */
  private writeAheadLog = false;
  private connect: (() => Promise<void>) | undefined;
  /** The adapter factory to hand to the PrismaClient: Prisma's own, whose connections we adopt. */
  readonly factory: Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

  constructor(file: string) {
    this.wal = new WalSync(file);
    const inner = new PrismaBetterSQLite3({ url: `file:${file}` });
    this.factory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => this.adopt(await inner.connect()),
      connectToShadowDb: () => inner.connectToShadowDb(),
    };
  }

  /** Prisma connects lazily; our first statement asks it to. */
  bind(connect: () => Promise<void>): void {
    this.connect = connect;
  }

  async run<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const sql = await this.connection();
    return this.lock.run(() => work(sql));
  }

  /**
   * BEGIN IMMEDIATE: the transaction writes, so it takes the write lock up front. The connection runs with
   * `synchronous = NORMAL` (no sync to disk per commit in WAL mode). A durable transaction then waits for
   * the log to be synced off the event loop ({@link WalSync}), which also covers everything committed
   * before it; without a write-ahead log it commits with FULL instead.
   */
  async transaction<T>(work: (sql: Sql) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
    // Read once connected (the first statement opens the connection and learns its journal mode).
    let syncLog = false;
    const result = await this.run(async (sql) => {
      const raw = this.raw as SqliteDatabase;
      syncLog = !!options.durable && this.writeAheadLog;
      const full = options.durable && !this.writeAheadLog;
      if (full) raw.pragma("synchronous = FULL");
      try {
        raw.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(sql);
          raw.exec("COMMIT");
          return result;
        } catch (error) {
          if (raw.inTransaction) raw.exec("ROLLBACK");
          throw error;
        }
      } finally {
        if (full) raw.pragma("synchronous = NORMAL");
      }
    });
    if (syncLog) await this.wal.sync();
    return result;
  }

  /** Prisma owns the connection and closes it on `$disconnect`. */
  async close(): Promise<void> {}

  private async connection(): Promise<Sql> {
    if (!this.sql) await this.connect?.();
    if (!this.sql) throw new Error("SQLite connection not open");
    return this.sql;
  }

  private adopt(adapter: Adapter): Adapter {
    const client = (adapter as unknown as { client: SqliteDatabase }).client;
    if (client !== this.raw) {
      this.statements.clear();
      void this.wal.reopen();
    }
    this.raw = client;
    this.sql = this.session(client);
    client.pragma("synchronous = NORMAL");
    this.writeAheadLog = client.pragma("journal_mode", { simple: true }) === "wal";
    const locked =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        this.lock.run(() => fn(...args));
    adapter.queryRaw = locked(adapter.queryRaw.bind(adapter));
    adapter.executeRaw = locked(adapter.executeRaw.bind(adapter));
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await this.lock.acquire();
      try {
        return holdUntilEnd(await start(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  }

  private session(raw: SqliteDatabase): Sql {
    const prepare = (text: string): Statement => {
      let statement = this.statements.get(text);
      if (!statement) {
        statement = raw.prepare(text);
        // Prisma's adapter turns safe integers on for the connection; our ids and counts fit in a double.
        if (statement.reader) statement.safeIntegers(false);
        this.statements.set(text, statement);
      }
      return statement;
    };
    return {
      all: async <R>(text: string, ...params: SqlParam[]) =>
        prepare(text).all(...params.map(toSqlite)) as R[],
      get: async <R>(text: string, ...params: SqlParam[]) =>
        prepare(text).get(...params.map(toSqlite)) as R | undefined,
      run: async (text: string, ...params: SqlParam[]) => prepare(text).run(...params.map(toSqlite)).changes,
      inIds: (column) => `${column} IN (SELECT value FROM json_each(?))`,
    };
  }
}

/** Parameters as Prisma's SQLite adapter stores them: ISO dates with "+00:00", booleans as 0/1. */
function toSqlite(value: SqlParam): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

function holdUntilEnd(tx: Transaction, release: () => void): Transaction {
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.commit = async () => {
    try {
      await commit();
    } finally {
      release();
    }
  };
  tx.rollback = async () => {
    try {
      await rollback();
    } finally {
      release();
    }
  };
  return tx;
}

/** A promise-based mutual exclusion lock; waiters are served in order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `work` holding the lock. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}
