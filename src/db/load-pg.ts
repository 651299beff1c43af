import { createRequire } from "node:module";
import type { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

// Both are CommonJS packages, so they load synchronously on first use and openDatabase stays synchronous.
const requireCjs = createRequire(import.meta.url);

/**
 * The PostgreSQL driver, loaded when a PostgreSQL URL is first opened: with its Prisma adapter it is
 * ≈ 3.5 MB of resident memory that a SQLite deployment never uses (docs/adr/010-rendering-startup-footprint.md).
 */
export function loadPg(): typeof pg {
  return requireCjs("pg") as typeof pg;
}

/** Prisma's driver adapter for `pg`, loaded on first use like {@link loadPg}. */
export function loadPrismaPg(): typeof PrismaPg {
  return (requireCjs("@prisma/adapter-pg") as { PrismaPg: typeof PrismaPg }).PrismaPg;
}
