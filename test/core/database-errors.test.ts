import { describe, expect, it } from "vitest";
import { unavailableReason } from "../../src/db/database-errors";

/** An error shaped as the drivers throw it (better-sqlite3 and pg both set `code`), or as Prisma wraps it. */
const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
const sqlite = coded;
const pg = coded;
const wrapped = (cause: unknown) =>
  Object.assign(new Error("Invalid prisma.inboxUpdate.create() invocation"), {
    code: "P2010",
    meta: { driverAdapterError: cause },
  });

describe("why the database cannot take a write", () => {
  it.each([
    [sqlite("SQLITE_READONLY", "attempt to write a readonly database"), "read-only"],
    [sqlite("SQLITE_FULL", "database or disk is full"), "disk-full"],
    [pg("25006", "cannot execute INSERT in a read-only transaction"), "read-only"],
    [pg("53100", "could not extend file: No space left on device"), "disk-full"],
    [pg("57P01", "terminating connection due to administrator command"), "unreachable"],
    [new Error("connect ECONNREFUSED 127.0.0.1:5432"), "unreachable"],
    [wrapped(sqlite("SQLITE_FULL", "database or disk is full")), "disk-full"],
    [{ cause: { kind: "DatabaseNotReachable" } }, "unreachable"],
  ])("%s → %s", (error, reason) => {
    expect(unavailableReason(error)).toBe(reason);
  });

  it("a wrong query or a broken rule is not an outage (the request fails as it should)", () => {
    expect(unavailableReason(sqlite("SQLITE_CONSTRAINT_UNIQUE", "UNIQUE constraint failed"))).toBeNull();
    expect(unavailableReason(pg("23505", "duplicate key value violates unique constraint"))).toBeNull();
    expect(unavailableReason(new TypeError("x is undefined"))).toBeNull();
    expect(unavailableReason(null)).toBeNull();
  });
});
