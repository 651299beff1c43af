import { foldText } from "../core/fold-text";
import { VENUE_CODE_ALPHABET, VENUE_CODE_LENGTH } from "../core/venue-code-format";
import { parseAudience } from "../features/broadcasts/audience";
import type {
  AuditFilter,
  AuditRow,
  DashboardBroadcast,
  DashboardStore,
  DashboardVenue,
  Scope,
  VenueFilter,
  VenueLabel,
  ZaloOaSendCount,
} from "../features/dashboard/dashboard-store";
import type { Db } from "./database";
import { UNSENT } from "./outbox-rows";

// Bound-parameter lists stay well below SQLite's and PostgreSQL's limits.
const CHUNK = 900;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const inScope = (scope: Scope) => (scope ? { communeCode: { in: scope } } : {});

const countMap = <K extends string>(rows: { key: K | null; n: number }[]) => {
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.key ?? "", (map.get(r.key ?? "") ?? 0) + r.n);
  return map;
};

/** Prisma implementation of {@link DashboardStore}; every query is narrowed to the viewer's scope. */
export class PrismaDashboardStore implements DashboardStore {
  constructor(private readonly db: Db) {}

  async zaloOaSends(since: Date): Promise<ZaloOaSendCount[]> {
    const groups = await this.db.outboxMessage.groupBy({
      by: ["purpose", "quotaType"],
      where: { channel: "zalo-oa", status: "sent", sentAt: { gte: since } },
      _count: { _all: true },
    });
    return groups.map((g) => ({ purpose: g.purpose, quotaType: g.quotaType, count: g._count._all }));
  }

  async venuesPerCommune(scope: Scope) {
    const groups = await this.db.venue.groupBy({
      by: ["communeCode"],
      where: inScope(scope),
      _count: { _all: true },
    });
    return countMap(groups.map((g) => ({ key: g.communeCode, n: g._count._all })));
  }

  async targets() {
    const rows = await this.db.communeTarget.findMany();
    return new Map(rows.map((r) => [r.communeCode, r.venues]));
  }

  async setTarget(communeCode: string, venues: number, by: string) {
    await this.db.communeTarget.upsert({
      where: { communeCode },
      create: { communeCode, venues, updatedBy: by },
      update: { venues, updatedBy: by },
    });
  }

  async visitTimes(scope: Scope, from: Date, to: Date) {
    const venues = await this.db.venue.findMany({
      where: inScope(scope),
      select: { id: true, communeCode: true },
    });
    const communeOf = new Map(venues.map((v) => [v.id, v.communeCode]));
    const out: { at: Date; communeCode: string }[] = [];
    for (const ids of chunks([...communeOf.keys()])) {
      const visits = await this.db.visit.findMany({
        where: { venueId: { in: ids }, visitedAt: { gte: from, lt: to } },
        select: { venueId: true, visitedAt: true },
      });
      for (const v of visits) out.push({ at: v.visitedAt, communeCode: communeOf.get(v.venueId) ?? "" });
    }
    return out;
  }

  private async activeSubscribers(scope: Scope) {
    return this.db.subscription.findMany({
      where: { active: true, ...inScope(scope) },
      select: { contactId: true, communeCode: true },
    });
  }

  async subscribersPerChannel(scope: Scope) {
    const subs = await this.activeSubscribers(scope);
    const rows: { key: string; n: number }[] = [];
    for (const ids of chunks(subs.map((s) => s.contactId))) {
      const groups = await this.db.contact.groupBy({
        by: ["channel"],
        where: { id: { in: ids }, reachable: true },
        _count: { _all: true },
      });
      rows.push(...groups.map((g) => ({ key: g.channel, n: g._count._all })));
    }
    return countMap(rows);
  }

  async subscribersPerCommune(scope: Scope) {
    const subs = await this.activeSubscribers(scope);
    return countMap(subs.map((s) => ({ key: s.communeCode, n: 1 })));
  }

  async venuesRegistered(scope: Scope, from: Date, to: Date) {
    const groups = await this.db.venue.groupBy({
      by: ["communeCode"],
      where: { ...inScope(scope), createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    });
    return countMap(groups.map((g) => ({ key: g.communeCode, n: g._count._all })));
  }

  async listVenues(scope: Scope, filter: VenueFilter, limit: number): Promise<DashboardVenue[]> {
    // The commune filter narrows the scope, never widens it.
    const communes = filter.commune
      ? scope
        ? scope.filter((c) => c === filter.commune)
        : [filter.commune]
      : scope;
    return this.db.venue.findMany({
      where: {
        ...inScope(communes),
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.status ? { active: filter.status === "active" } : {}),
        // The folded name and address (venue registration keeps them to spot duplicates): "cho chau o" and
        // "CHỢ" find "Chợ Châu Ổ" on either database, whatever the case and the diacritics typed.
        // A code is typed as read off a poster ("7kq3-mzp9"): upper-cased, spaces and dashes dropped.
        ...(filter.q
          ? { OR: [{ dedupeKey: { contains: foldText(filter.q) } }, ...codeSearch(filter.q)] }
          : {}),
      },
      orderBy: [{ communeCode: "asc" }, { name: "asc" }],
      take: limit,
      select: venueSelect,
    });
  }

  findVenue(scope: Scope, id: string) {
    return this.db.venue.findFirst({ where: { id, ...inScope(scope) }, select: venueSelect });
  }

  async setVenueActive(scope: Scope, id: string, active: boolean) {
    const { count } = await this.db.venue.updateMany({ where: { id, ...inScope(scope) }, data: { active } });
    return count === 1;
  }

  async listBroadcasts(scope: Scope, limit: number, from?: Date, to?: Date): Promise<DashboardBroadcast[]> {
    const rows = await this.db.broadcast.findMany({
      where: from && to ? { sendAt: { gte: from, lt: to } } : {},
      orderBy: { sendAt: "desc" },
      // Scoped viewers filter after reading (the audience is JSON); read more so the page is still full.
      take: scope ? limit * 5 : limit,
    });
    const visible = rows
      .filter((b) => {
        if (!scope) return true;
        const communes = parseAudience(b.audience).communes;
        return !communes || communes.some((c) => scope.includes(c));
      })
      .slice(0, limit);
    const out: DashboardBroadcast[] = [];
    for (const b of visible) {
      const groups = await this.db.outboxMessage.groupBy({
        by: ["status"],
        where: { broadcastId: b.id },
        _count: { _all: true },
      });
      const n = (statuses: string[]) =>
        groups.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
      out.push({
        id: b.id,
        text: b.text,
        status: b.status,
        sendAt: b.sendAt,
        createdBy: b.createdBy,
        communes: parseAudience(b.audience).communes ?? null,
        counts: {
          total: n([...UNSENT, "sent", "failed", "blocked", "cancelled", "skipped"]),
          sent: n(["sent"]),
          failed: n(["failed"]),
          blocked: n(["blocked"]),
          pending: n(UNSENT),
        },
      });
    }
    return out;
  }

  async listAudit(scope: Scope, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    const and: object[] = [];
    if (scope) {
      const venues = await this.db.venue.findMany({ where: inScope(scope), select: { id: true } });
      and.push({
        OR: [{ venueId: { in: venues.map((v) => v.id).slice(0, 5000) } }, { communeCode: { in: scope } }],
      });
    }
    if (filter.actors) and.push({ actor: { in: filter.actors } });
    if (filter.action) and.push({ action: filter.action });
    if (filter.actionPrefix) and.push({ action: { startsWith: filter.actionPrefix } });
    if (filter.from || filter.to)
      and.push({
        createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) },
      });
    if (filter.beforeId !== undefined) and.push({ id: { lt: filter.beforeId } });
    return this.db.auditLog.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: limit });
  }

  async venueLabels(ids: string[]): Promise<Map<string, VenueLabel>> {
    const out = new Map<string, VenueLabel>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.venue.findMany({
        where: { id: { in: part } },
        select: { id: true, name: true, code: true },
      });
      for (const r of rows) out.set(r.id, { name: r.name, code: r.code });
    }
    return out;
  }

  async feedbackPerTopic() {
    const groups = await this.db.faqFeedback.groupBy({ by: ["topic", "helpful"], _count: { _all: true } });
    const map = new Map<string, { topic: string; up: number; down: number }>();
    for (const g of groups) {
      const row = map.get(g.topic) ?? { topic: g.topic, up: 0, down: 0 };
      if (g.helpful) row.up += g._count._all;
      else row.down += g._count._all;
      map.set(g.topic, row);
    }
    return [...map.values()].sort((a, b) => b.down - a.down || a.topic.localeCompare(b.topic));
  }
}

const venueSelect = {
  id: true,
  code: true,
  name: true,
  category: true,
  communeCode: true,
  address: true,
  contactName: true,
  contactPhone: true,
  active: true,
  createdAt: true,
} as const;

/** The code condition of a venue search: a part of a code (three characters at least, from its alphabet). */
function codeSearch(q: string): { code: { contains: string } }[] {
  const typed = q.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  return new RegExp(`^[${VENUE_CODE_ALPHABET}]{3,${VENUE_CODE_LENGTH}}$`).test(typed)
    ? [{ code: { contains: typed } }]
    : [];
}
