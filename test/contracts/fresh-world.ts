import { afterEach, beforeEach } from "vitest";
import { type Database, type Db, openDatabase } from "../../src/db/database";
import { freshDatabaseUrl } from "../helpers/test-database";

/** What a contract runs against: the store under test, ways to arrange and observe around it, a clean-up. */
export interface Opened<W> {
  world: W;
  close?: () => Promise<void>;
}

/**
 * A new world for every test, so each promise is checked on an empty store: a fresh fake, or the real store
 * on a freshly copied database (SQLite, or PostgreSQL with TEST_DATABASE_URL).
 */
export function freshWorld<W>(open: () => Promise<Opened<W>>): () => W {
  let current: Opened<W> | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.close?.();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("the world opens in beforeEach");
    return current.world;
  };
}

/** A real store's world on a fresh migrated database, closed after the test. */
export async function onFreshDatabase<W>(build: (database: Database) => W): Promise<Opened<W>> {
  const database = openDatabase(await freshDatabaseUrl());
  return { world: build(database), close: () => database.close() };
}

/** Every outbox row of a real store's world, oldest first: to whom, and the text (or the message's kind). */
export async function outboxTexts(db: Db): Promise<{ contactId: string; text: string }[]> {
  return (await db.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => {
    const message = JSON.parse(m.body) as { kind: string; text?: string };
    return { contactId: m.contactId ?? "", text: message.text ?? `[${message.kind}]` };
  });
}
