import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's `.env`, found from this file so a CLI run from another directory reads the same one. */
export const ENV_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", ".env");

/**
 * Reads `.env` into `process.env` at start (the README says to copy `.env.example` there). Variables already
 * in the environment win over the file, as `process.loadEnvFile` (Node 20.12+) leaves them alone; a missing
 * file is fine, since every variable is optional. Returns whether a file was read.
 */
export function loadEnvFile(file = ENV_FILE): boolean {
  try {
    process.loadEnvFile(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
