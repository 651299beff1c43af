import type pg from "pg";
import { loadPg } from "./load-pg";
import type { Sql, SqlDatabase, SqlParam } from "./sql-session";

const TIMESTAMP = 1114;
/** Each statement's text in PostgreSQL's placeholders, and the name it is prepared under. */
const prepared = new Map<string, { name: string; text: string }>();

/**
 * A small pool of its own for the per-message stores on PostgreSQL, bypassing Prisma as on SQLite
 * (docs/adr/008-sqlite-hot-path.md): Prisma's per-query CPU cost, not the database, limited how many
 * updates a process could answer. Separate connections are fine here: PostgreSQL locks rows, not files.
 *
 * Prisma stores DateTime as `timestamp(3)` (no zone) holding UTC. The driver would read those as local
 * time, so they are read as text (parsed as UTC by the stores) and written as UTC text.
 */
export class SharedPg implements SqlDatabase {
  private readonly pool: pg.Pool;
  private readonly direct: Sql;

  /**
   * `max`: webhook acknowledgements, up to four conversations' turns and the dispatcher each hold a
   * connection while they work; with fewer, acknowledgements would queue behind turns.
   */
  constructor(url: string, max = 8) {
    const { Pool, types } = loadPg();
    this.pool = new Pool({
      connectionString: url,
      max,
      // Without deadlines, a connection attempt or query caught by a database restart can wait forever,
      // and with it the conversation whose update it was processing.
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === TIMESTAMP
            ? (value: string) => value
            : types.getTypeParser(oid, format as "text")) as typeof types.getTypeParser,
      },
    });
    // An idle connection cut by a database restart must not crash the process; the next query reconnects.
    this.pool.on("error", () => undefined);
    this.direct = session(this.pool);
  }

  run<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return work(this.direct);
  }

  /** A transaction that is not `durable` does not wait for its commit to reach the disk. */
  async transaction<T>(work: (sql: Sql) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A connection cut while checked out (a database restart) is reported as an "error" event, which
    // would crash the process if nobody listened; the failing query rejects anyway.
    const cut = () => {
      broken = true;
    };
    client.on("error", cut);
    try {
      // One round trip for both (the simple query protocol takes several statements).
      await client.query(options.durable ? "BEGIN" : "BEGIN; SET LOCAL synchronous_commit TO OFF");
      const result = await work(session(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off("error", cut);
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Statements run as named prepared statements: each connection parses and plans one once, instead of on
 * every message (that parsing was a third of the database server's CPU per update).
 */
function session(target: pg.Pool | pg.PoolClient): Sql {
  const query = (text: string, params: SqlParam[]) =>
    target.query({ ...preparedStatement(text), values: params.map(toPg) });
  return {
    all: async (text, ...params) => (await query(text, params)).rows,
    get: async (text, ...params) => (await query(text, params)).rows[0],
    run: async (text, ...params) => (await query(text, params)).rowCount ?? 0,
    inIds: (column) => `${column} = ANY(?::int[])`,
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the statements hold no literal question marks). */
function preparedStatement(text: string): { name: string; text: string } {
  let statement = prepared.get(text);
  if (statement === undefined) {
    let n = 0;
    statement = { name: `hot${prepared.size}`, text: text.replace(/\?/g, () => `$${++n}`) };
    prepared.set(text, statement);
  }
  return statement;
}

/** Dates as UTC text for a `timestamp` column (a zone in the text is ignored there, as wanted). */
function toPg(value: SqlParam): string | number | boolean | null | number[] {
  return value instanceof Date ? value.toISOString() : value;
}
