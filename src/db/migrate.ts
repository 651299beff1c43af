import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { providerOf, sqlitePath } from "./database";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Applies pending migrations with `prisma migrate deploy` (idempotent: applied ones are skipped). The CLI
 * runs through prisma.config.ts, which picks the provider from DATABASE_URL exactly as the server does.
 */
export async function migrate(url: string): Promise<void> {
  if (providerOf(url) === "sqlite") mkdirSync(dirname(sqlitePath(url)), { recursive: true });
  const url2 = providerOf(url) === "sqlite" ? `file:${sqlitePath(url)}` : url;
  try {
    await promisify(execFile)(join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url2 },
    });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`database migration failed: ${output.stderr || output.stdout || String(error)}`);
  }
}
