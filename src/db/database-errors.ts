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

/**
 * True when an error means the database is down or unreachable (a restart, a full disk, a read-only file,
 * a network cut). Webhooks then answer 503 so the platform retries later: an update is never acknowledged
 * unless it was stored. Walks the `cause` chain, because driver adapters wrap the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const x = e as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof x.code === "string" && (UNAVAILABLE_CODES.has(x.code) || /^(08|57P0|53)/.test(x.code)))
      return true;
    if (typeof x.kind === "string" && UNAVAILABLE_KINDS.has(x.kind)) return true;
    if (
      typeof x.message === "string" &&
      /ECONNREFUSED|ECONNRESET|Connection terminated|SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY)|database is locked|disk is full|readonly database/i.test(
        x.message,
      )
    ) {
      return true;
    }
    e = x.meta?.driverAdapterError ?? x.cause;
  }
  return false;
}
