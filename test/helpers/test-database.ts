import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { adminUrl, TEMPLATE_DB } from "./test-database-names";

/**
 * A fresh, migrated database for one test file: a copy of the template made by global-setup, on SQLite
 * or on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function freshDatabaseUrl(): Promise<string> {
  const template = inject("dbTemplate");
  if (inject("dbProvider") === "postgresql") {
    const name = `helpdesk_test_${randomBytes(6).toString("hex")}`;
    const client = new pg.Client({ connectionString: adminUrl(template) });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    } finally {
      await client.end();
    }
    const u = new URL(template);
    u.pathname = `/${name}`;
    return u.toString();
  }
  const dir = mkdtempSync(join(tmpdir(), "helpdesk-test-"));
  const file = join(dir, "test.db");
  copyFileSync(template, file);
  return `file:${file}`;
}
