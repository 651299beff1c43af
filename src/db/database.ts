import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaClient as PgClient } from "../generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { loadPrismaPg } from "./load-pg";
import { SharedPg } from "./pg-connection";
import type { SqlDatabase } from "./sql-session";
import { SharedSqlite } from "./sqlite-connection";

/**
 * The one Prisma client type the repositories use. Both generated clients come from the same models
 * (prisma/postgresql/schema.prisma is written from prisma/schema.prisma), so their APIs are identical;
 * the PostgreSQL one is viewed through the SQLite one's type. See docs/adr/002-two-database-providers.md.
 */
export type Db = SqliteClient;
/** The client of a Prisma interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Absolute path of a `file:` SQLite URL, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

export interface Database {
  db: Db;
  provider: Provider;
  /** Plain SQL for the per-message stores (docs/adr/008-sqlite-hot-path.md). */
  sql: SqlDatabase;
  /** The embedded database's connection, shared with Prisma (SQLite only). */
  sqlite?: SharedSqlite;
  close(): Promise<void>;
}

/** Opens the database named by `url`: PostgreSQL for `postgresql://…`, else an embedded SQLite file. */
export function openDatabase(url: string): Database {
  const provider = providerOf(url);
  if (provider === "postgresql") {
    // Deadlines, as for the hot path's pool (pg-connection.ts): a connection attempt caught by a database
    // restart must fail, not wait forever with whatever was waiting on it.
    const PrismaPg = loadPrismaPg();
    const client = new PgClient({
      adapter: new PrismaPg({
        connectionString: url,
        max: 10,
        connectionTimeoutMillis: 5_000,
        query_timeout: 15_000,
      }),
    });
    const db = client as unknown as Db;
    const sql = new SharedPg(url);
    return {
      db,
      provider,
      sql,
      close: async () => {
        await sql.close();
        await client.$disconnect();
      },
    };
  }
  const file = sqlitePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SharedSqlite(file);
  const client = new SqliteClient({ adapter: sqlite.factory });
  sqlite.bind(() => client.$connect());
  return { db: client, provider, sql: sqlite, sqlite, close: () => client.$disconnect() };
}
