import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/db/migrate";
import { adminUrl, TEMPLATE_DB } from "./test-database-names";

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: path of a migrated template file; PostgreSQL: the admin URL (template database is migrated). */
    dbTemplate: string;
    dbProvider: "sqlite" | "postgresql";
  }
}

/**
 * Migrates one template database before the suite, so each test gets a fresh database by copying it
 * (SQLite file copy, PostgreSQL CREATE DATABASE … TEMPLATE) instead of running the migration CLI again.
 * TEST_DATABASE_URL=postgresql://… runs the whole suite on PostgreSQL.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl?.startsWith("postgres")) {
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: adminUrl(pgUrl) });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await client.end();
    await migrate(withDatabase(pgUrl, TEMPLATE_DB));
    project.provide("dbProvider", "postgresql");
    project.provide("dbTemplate", pgUrl);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), "helpdesk-template-"));
  const file = join(dir, "template.db");
  await migrate(`file:${file}`);
  project.provide("dbProvider", "sqlite");
  project.provide("dbTemplate", file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
