import type { TicketRecord } from "../features/handover/ticket-store";
import type { Db } from "./database";
import { PrismaTicketStore, type TicketColumns, toTicket } from "./prisma-ticket-store";
import { parseStoredDate, type SqlDatabase } from "./sql-session";

interface TicketRow {
  id: string;
  contactId: string;
  channel: string;
  externalId: string;
  language: string;
  communeCode: string | null;
  status: string;
  question: string;
  assigneeId: string | null;
  firstAnsweredAt: string | null;
  lastCitizenAt: string;
  closedAt: string | null;
  rating: string | null;
  ratingComment: string | null;
  remindedOfficersAt: string | null;
  remindedAdminsAt: string | null;
  createdAt: string;
}

const TICKET = `SELECT "id", "contactId", "channel", "externalId", "language", "communeCode", "status", "question",
  "assigneeId", "firstAnsweredAt", "lastCitizenAt", "closedAt", "rating", "ratingComment", "remindedOfficersAt",
  "remindedAdminsAt", "createdAt" FROM "Ticket"`;

/**
 * The handover store with its per-message calls in plain SQL (docs/adr/008-sqlite-hot-path.md): every typed
 * message asks for the person's latest ticket, and every FAQ question records, reads or clears the person's
 * unanswered questions. Through Prisma these were four queries of its per-query CPU on the busiest path
 * (a profile of the webhook bench put them at a fifth of the server's CPU). Officers' calls, rarer, stay
 * on Prisma; rows keep Prisma's formats, so either side reads what the other wrote.
 */
export class SqlTicketStore extends PrismaTicketStore {
  constructor(
    db: Db,
    private readonly database: SqlDatabase,
  ) {
    super(db);
  }

  override findLatest(contactId: string): Promise<TicketRecord | null> {
    return this.database.run(async (sql) => {
      const row = await sql.get<TicketRow>(
        `${TICKET} WHERE "contactId" = ? ORDER BY "createdAt" DESC LIMIT 1`,
        contactId,
      );
      return row ? toTicket(toTicketColumns(row)) : null;
    });
  }

  /** A turn run again (docs/adr/016-scale-out.md) meets its first run's row in the unique effect id. */
  override async recordMiss(contactId: string, text: string, now: Date, effectId?: string): Promise<void> {
    await this.database.run((sql) =>
      sql.run(
        `INSERT INTO "HandoverMiss" ("contactId", "text", "createdAt", "effectId") VALUES (?, ?, ?, ?)
         ON CONFLICT ("effectId") DO NOTHING`,
        contactId,
        text,
        now,
        effectId ?? null,
      ),
    );
  }

  override missesSince(contactId: string, since: Date): Promise<string[]> {
    return this.database.run(async (sql) =>
      (
        await sql.all<{ text: string }>(
          `SELECT "text" FROM "HandoverMiss" WHERE "contactId" = ? AND "createdAt" >= ? ORDER BY "id" LIMIT 10`,
          contactId,
          since,
        )
      ).map((r) => r.text),
    );
  }

  override async clearMisses(contactId: string): Promise<void> {
    await this.database.run((sql) => sql.run(`DELETE FROM "HandoverMiss" WHERE "contactId" = ?`, contactId));
  }
}

/** The row with its stored dates parsed, for the one mapping both stores share. */
function toTicketColumns(row: TicketRow): TicketColumns {
  const date = (value: string | null) => (value === null ? null : parseStoredDate(value));
  return {
    ...row,
    firstAnsweredAt: date(row.firstAnsweredAt),
    lastCitizenAt: parseStoredDate(row.lastCitizenAt),
    closedAt: date(row.closedAt),
    remindedOfficersAt: date(row.remindedOfficersAt),
    remindedAdminsAt: date(row.remindedAdminsAt),
    createdAt: parseStoredDate(row.createdAt),
  };
}
