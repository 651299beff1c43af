import type { HealthAnswers, VisitRecord, VisitSource, VisitStore } from "../features/checkin/visit-store";
import type { Visit } from "../generated/sqlite/client";
import type { Db } from "./database";

/** Prisma implementation of {@link VisitStore}. */
export class PrismaVisitStore implements VisitStore {
  constructor(private readonly db: Db) {}

  async findRecent(
    venueId: string,
    who: { phone?: string | null; contactId?: string | null },
    since: Date,
  ): Promise<VisitRecord | null> {
    const or = [
      ...(who.phone ? [{ phone: who.phone }] : []),
      ...(who.contactId ? [{ contactId: who.contactId }] : []),
    ];
    if (or.length === 0) return null;
    const row = await this.db.visit.findFirst({
      where: { venueId, visitedAt: { gte: since }, OR: or },
      orderBy: { visitedAt: "desc" },
    });
    return row ? toVisit(row) : null;
  }

  async create(visit: VisitRecord): Promise<VisitRecord> {
    const { answers, ...rest } = visit;
    return toVisit(await this.db.visit.create({ data: { ...rest, ...answerColumns(answers) } }));
  }

  async update(
    id: string,
    patch: Partial<Pick<VisitRecord, "phone" | "name" | "contactId" | "answers" | "flagged">>,
  ): Promise<VisitRecord> {
    const { answers, ...rest } = patch;
    return toVisit(
      await this.db.visit.update({
        where: { id },
        data: { ...rest, ...(answers ? answerColumns(answers) : {}) },
      }),
    );
  }

  async findById(id: string): Promise<VisitRecord | null> {
    const row = await this.db.visit.findUnique({ where: { id } });
    return row ? toVisit(row) : null;
  }

  async listByVenues(venueIds: string[], from: Date, to: Date): Promise<VisitRecord[]> {
    const rows = await this.db.visit.findMany({
      where: { venueId: { in: venueIds }, visitedAt: { gte: from, lt: to } },
      orderBy: [{ visitedAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toVisit);
  }

  async visitTimes(venueId: string, since: Date): Promise<Date[]> {
    const rows = await this.db.visit.findMany({
      where: { venueId, visitedAt: { gte: since } },
      select: { visitedAt: true },
    });
    return rows.map((r) => r.visitedAt);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const [visits] = await this.db.$transaction([
      this.db.visit.deleteMany({ where: { visitedAt: { lt: cutoff } } }),
      // Who received an alert is also personal data; it goes with the visits it came from.
      this.db.exposureAlertRecipient.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    ]);
    return visits.count;
  }
}

function answerColumns(answers: HealthAnswers | null | undefined) {
  return {
    symptoms: answers?.symptoms ?? null,
    closeContact: answers?.closeContact ?? null,
    travel: answers?.travel ?? null,
  };
}

function toVisit(row: Visit): VisitRecord {
  const answered = row.symptoms !== null && row.closeContact !== null && row.travel !== null;
  return {
    id: row.id,
    venueId: row.venueId,
    phone: row.phone,
    name: row.name,
    contactId: row.contactId,
    source: row.source as VisitSource,
    visitedAt: row.visitedAt,
    answers: answered
      ? {
          symptoms: row.symptoms === true,
          closeContact: row.closeContact === true,
          travel: row.travel === true,
        }
      : null,
    flagged: row.flagged,
  };
}
