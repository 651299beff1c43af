import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database as SqliteDatabase, Statement } from "better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** Parameters of a statement: what better-sqlite3 binds (dates and booleans converted by the caller). */
export type SqlValue = string | number | bigint | null;

/**
 * The embedded database's one connection, shared by Prisma and the stores on the webhook path.
 *
 * Why: a Prisma query costs 0.3–0.9 ms of CPU (the query compiler and the adapter), a prepared
 * better-sqlite3 statement about 0.01 ms, and on SQLite all of it runs on the thread that acknowledges
 * webhooks. The few statements every update runs (inbox, contact, dialog, outbox) go direct; everything
 * else stays on Prisma. See docs/adr/008-sqlite-hot-path.md.
 *
 * Sharing one connection (rather than opening a second) means no lock contention between the two, but
 * a direct statement must never run inside one of Prisma's open transactions: both take {@link Mutex}
 * (Prisma's `startTransaction` is wrapped to hold it until commit or rollback).
 */
export class SharedSqlite {
  private raw: SqliteDatabase | undefined;
  private readonly statements = new Map<string, Statement>();
  private readonly lock = new Mutex();
  private connect: (() => Promise<void>) | undefined;
  /** The adapter factory to hand to the PrismaClient: Prisma's own, whose connections we adopt. */
  readonly factory: Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

  constructor(file: string) {
    const inner = new PrismaBetterSQLite3({ url: `file:${file}` });
    this.factory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => this.adopt(await inner.connect()),
      connectToShadowDb: () => inner.connectToShadowDb(),
    };
  }

  /** Prisma connects lazily; the direct stores ask it to connect on their first statement. */
  bind(connect: () => Promise<void>): void {
    this.connect = connect;
  }

  /** Runs synchronous statements alone on the connection (no Prisma transaction is open meanwhile). */
  async run<T>(work: (sql: SqlRunner) => T): Promise<T> {
    const raw = await this.connection();
    const release = await this.lock.acquire();
    try {
      return work(this.runner(raw));
    } finally {
      release();
    }
  }

  /** Like {@link run}, as one transaction (BEGIN IMMEDIATE: it writes, so it takes the write lock first). */
  transaction<T>(work: (sql: SqlRunner) => T): Promise<T> {
    return this.run((sql) => {
      const raw = this.raw as SqliteDatabase;
      return raw.transaction(() => work(sql)).immediate();
    });
  }

  private async connection(): Promise<SqliteDatabase> {
    if (!this.raw) await this.connect?.();
    if (!this.raw) throw new Error("SQLite connection not open");
    return this.raw;
  }

  private adopt(adapter: Adapter): Adapter {
    const client = (adapter as unknown as { client: SqliteDatabase }).client;
    if (client !== this.raw) this.statements.clear();
    this.raw = client;
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

  private runner(raw: SqliteDatabase): SqlRunner {
    const prepare = (text: string): Statement => {
      let statement = this.statements.get(text);
      if (!statement) {
        statement = raw.prepare(text);
        // Prisma's adapter turns safe integers on for the connection; our ids fit in a double.
        if (statement.reader) statement.safeIntegers(false);
        this.statements.set(text, statement);
      }
      return statement;
    };
    return {
      all: <R>(text: string, ...params: SqlValue[]) => prepare(text).all(...params) as R[],
      get: <R>(text: string, ...params: SqlValue[]) => prepare(text).get(...params) as R | undefined,
      run: (text: string, ...params: SqlValue[]) => prepare(text).run(...params).changes,
    };
  }
}

/** Synchronous statements on the shared connection; prepared once and cached by their text. */
export interface SqlRunner {
  all<R>(sql: string, ...params: SqlValue[]): R[];
  get<R>(sql: string, ...params: SqlValue[]): R | undefined;
  /** Returns the number of rows changed. */
  run(sql: string, ...params: SqlValue[]): number;
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

/** A date as Prisma's SQLite adapter writes it (ISO 8601 with "+00:00"), so both read and compare alike. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A stored date back (the adapter's ISO text; older rows may lack the offset). */
export function parseSqliteDate(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
