import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { providerOf, sqlitePath } from "./db/database";

/** The file name of the generated secret, kept beside the SQLite file (or in ./data for PostgreSQL). */
export const SESSION_SECRET_FILE = "session-secret";

/** Where the generated secret lives for a database URL. */
export function sessionSecretPath(databaseUrl: string): string {
  return providerOf(databaseUrl) === "sqlite"
    ? join(dirname(sqlitePath(databaseUrl)), SESSION_SECRET_FILE)
    : resolve("data", SESSION_SECRET_FILE);
}

/**
 * The secret that signs web chat cookies when `SESSION_SECRET` is not set: generated once and kept in a file
 * (mode 600) next to the data, so a web chat person keeps their identity, venues and subscriptions across
 * restarts with the quick-start settings. A random secret per start used to orphan every web chat owner on
 * each redeploy. Rotating: delete the file (or set SESSION_SECRET); every web chat session starts afresh.
 * Two processes starting together agree: the file is created exclusively and the loser reads the winner's.
 */
export function persistedSessionSecret(databaseUrl: string): string {
  const file = sessionSecretPath(databaseUrl);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`${file} holds no usable session secret (at least 32 characters); delete it`);
  return created;
}

function readSecret(file: string): string | undefined {
  try {
    const secret = readFileSync(file, "utf8").trim();
    return secret.length >= 32 ? secret : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
