/** Driver-adapter error kinds that mean "the database cannot be reached right now" (not "your query is wrong"). */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
/** Prisma's connection error codes: can't reach, timed out, closed, pool timeout. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Why the database cannot take writes right now. */
export type UnavailableReason = "read-only" | "disk-full" | "unreachable";

/**
 * Why the database is down or refusing writes (a restart, a network cut, a full disk, a read-only file),
 * or null for any other error. Webhooks then answer 503 so the platform retries later: an update is never
 * acknowledged unless it was stored. Walks the `cause` chain, because driver adapters wrap the driver's
 * error (direct better-sqlite3 errors carry a `code`).
 */
export function unavailableReason(error: unknown): UnavailableReason | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const x = e as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    const code = typeof x.code === "string" ? x.code : "";
    const message = typeof x.message === "string" ? x.message : "";
    // PostgreSQL: 25006 read_only_sql_transaction (e.g. a standby), 53100 disk_full.
    if (/^SQLITE_READONLY/.test(code) || code === "25006" || /readonly database|read-only/i.test(message))
      return "read-only";
    if (code === "SQLITE_FULL" || code === "53100" || /SQLITE_FULL|disk is full/i.test(message))
      return "disk-full";
    if (
      UNAVAILABLE_CODES.has(code) ||
      /^(08|57P0|53)/.test(code) ||
      /^SQLITE_(IOERR|CANTOPEN|BUSY)/.test(code)
    )
      return "unreachable";
    if (typeof x.kind === "string" && UNAVAILABLE_KINDS.has(x.kind)) return "unreachable";
    if (
      /ECONNREFUSED|ECONNRESET|Connection terminated|SQLITE_(IOERR|CANTOPEN|BUSY)|database is locked/i.test(
        message,
      )
    )
      return "unreachable";
    e = x.meta?.driverAdapterError ?? x.cause;
  }
  return null;
}

/** P2002 is Prisma's unique-constraint error; checked by code because each generated client has its own class. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
