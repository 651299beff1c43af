/**
 * Plain SQL for the per-message stores, on either database (docs/adr/008-sqlite-hot-path.md). Statements are
 * written once with `?` placeholders and quoted identifiers; each connection converts parameters to what its
 * driver and Prisma's storage format expect (dates, booleans, id lists).
 */
export type SqlParam = string | number | boolean | Date | null | number[];

export interface Sql {
  all<R>(text: string, ...params: SqlParam[]): Promise<R[]>;
  get<R>(text: string, ...params: SqlParam[]): Promise<R | undefined>;
  /** Returns the number of rows changed. */
  run(text: string, ...params: SqlParam[]): Promise<number>;
  /** `column IN (…)` over a list of ids given as one parameter, in this database's syntax. */
  inIds(column: string): string;
}

export interface SqlDatabase {
  /** Runs statements alone on the connection. */
  run<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Runs statements in one transaction; rolled back if `work` throws. `durable`: on disk before this
   * resolves, for the commits that an outside effect follows (a webhook acknowledged, a platform called).
   * The others may sit in the write-ahead log a little longer: a crash of the process loses nothing, and
   * the next durable commit writes them out too (docs/adr/008-sqlite-hot-path.md).
   */
  transaction<T>(work: (sql: Sql) => Promise<T>, options?: { durable?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/**
 * A stored date back as the instant it is. Both databases hold UTC: SQLite as Prisma's ISO text
 * ("…T21:44:30.766+00:00"), PostgreSQL as `timestamp` read as text ("2026-11-26 21:44:30.766").
 */
export function parseStoredDate(value: string): Date {
  const iso = value.replace(" ", "T");
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}
