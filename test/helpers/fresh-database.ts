import { afterAll, beforeAll } from "vitest";
import { type Database, openDatabase } from "../../src/db/database";
import { freshDatabaseUrl } from "./test-database";

/** A fresh migrated database for the test file (SQLite, or PostgreSQL in CI), closed after it. */
export function useFreshDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = openDatabase(await freshDatabaseUrl());
  });
  afterAll(() => database?.close());
  return () => {
    if (!database) throw new Error("the database opens in beforeAll");
    return database;
  };
}
