import type { AccessLog, AccessView } from "../features/privacy/access-log";
import type { Db } from "./database";

const TRACE_ACTIONS = ["visits.venue", "visits.commune", "alert.venue"] as const;
type TraceAction = (typeof TRACE_ACTIONS)[number];

/** Prisma implementation of {@link AccessLog}: the person's visits matched against the audit log. */
export class PrismaAccessLog implements AccessLog {
  constructor(private readonly db: Db) {}

  async viewsOf(contactId: string, limit: number): Promise<AccessView[]> {
    const visits = await this.db.visit.findMany({
      where: { contactId },
      select: { venueId: true, visitedAt: true },
    });
    if (visits.length === 0) return [];
    const venues = await this.db.venue.findMany({
      where: { id: { in: [...new Set(visits.map((v) => v.venueId))] } },
      select: { id: true, communeCode: true },
    });
    const communeOf = new Map(venues.map((v) => [v.id, v.communeCode]));
    const earliest = new Date(Math.min(...visits.map((v) => v.visitedAt.getTime())));
    const rows = await this.db.auditLog.findMany({
      where: {
        action: { in: [...TRACE_ACTIONS] },
        createdAt: { gte: earliest },
        OR: [
          { venueId: { in: [...communeOf.keys()] } },
          { communeCode: { in: [...new Set(communeOf.values())] } },
        ],
      },
      orderBy: { id: "desc" },
      take: 500,
    });
    const included = rows.filter((row) =>
      visits.some((v) => {
        const place =
          row.action === "visits.commune"
            ? row.communeCode === communeOf.get(v.venueId)
            : row.venueId === v.venueId;
        const from = row.windowFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
        const to = row.windowTo?.getTime() ?? Number.POSITIVE_INFINITY;
        const at = v.visitedAt.getTime();
        return place && from <= at && at < to && at <= row.createdAt.getTime();
      }),
    );
    const officerIds = [...new Set(included.flatMap((r) => officerIdOf(r.actor) ?? []))];
    const officers = await this.db.officer.findMany({
      where: { id: { in: officerIds } },
      select: { id: true, role: true, communes: true },
    });
    const byId = new Map(officers.map((o) => [o.id, o]));
    return included.slice(0, limit).map((row): AccessView => {
      const officer = byId.get(officerIdOf(row.actor) ?? "");
      return {
        at: row.createdAt,
        by: officer ? (officer.role === "admin" ? "admin" : "officer") : "shared-token",
        communes: officer?.communes ? officer.communes.split(",").filter(Boolean) : [],
        action: row.action as TraceAction,
      };
    });
  }
}

/** Audit actors of people: "officer:<officer id>" (chat, dashboard and personal API tokens alike). */
function officerIdOf(actor: string): string | undefined {
  return actor.startsWith("officer:") ? actor.slice("officer:".length) : undefined;
}
