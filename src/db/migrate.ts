import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import { providerOf, sqlitePath } from "./database";
import { loadPg } from "./load-pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The migration folders of each provider, written by `npm run db:new-migration`. */
const MIGRATIONS = {
  sqlite: join(root, "prisma/migrations"),
  postgresql: join(root, "prisma/postgresql/migrations"),
};

/** Table recording applied migrations (our own: see docs/adr/002-two-database-providers.md). */
const TABLE = "_app_migrations";

interface Migration {
  name: string;
  sql: string;
}

function migrationsOf(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

/**
 * Applies pending migrations, each in its own transaction, and records them; applied ones are skipped, so
 * it is safe on every start. `prisma migrate deploy` cannot be used: through the PostgreSQL driver adapter it
 * fails reading the catalog ("Column type 'name' could not be deserialized"), and without an adapter it needs
 * a native engine these machines cannot download. Returns the names applied now.
 */
export async function migrate(url: string): Promise<string[]> {
  return providerOf(url) === "postgresql" ? migratePostgres(url) : migrateSqlite(sqlitePath(url));
}

function migrateSqlite(file: string): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Sqlite(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const applied: string[] = [];
    for (const m of migrationsOf(MIGRATIONS.sqlite)) {
      // IMMEDIATE takes the write lock first, so two processes starting together cannot both apply one migration.
      const run = db.transaction(() => {
        if (db.prepare(`SELECT 1 FROM "${TABLE}" WHERE name = ?`).get(m.name)) return false;
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${TABLE}" (name, "appliedAt") VALUES (?, ?)`).run(
          m.name,
          new Date().toISOString(),
        );
        return true;
      });
      if (run.immediate()) applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new (loadPg().Client)({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes sharing the server.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`,
    );
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT name FROM "${TABLE}"`)).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of migrationsOf(MIGRATIONS.postgresql)) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, "appliedAt") VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}
