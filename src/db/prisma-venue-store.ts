import { isVenueCategory } from "../features/venues/categories";
import type { VenueDetails, VenueRecord, VenueStore } from "../features/venues/venue-store";
import type { Venue } from "../generated/sqlite/client";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";

/** Prisma implementation of {@link VenueStore}. */
export class PrismaVenueStore implements VenueStore {
  constructor(private readonly db: Db) {}

  async create(
    input: VenueDetails & { id: string; code: string; dedupeKey: string; ownerContactId: string | null },
  ): Promise<VenueRecord | "code-taken"> {
    try {
      return toVenue(await this.db.venue.create({ data: input }));
    } catch (error) {
      if (isUniqueViolation(error)) return "code-taken";
      throw error;
    }
  }

  async update(id: string, details: VenueDetails & { dedupeKey: string }): Promise<VenueRecord> {
    return toVenue(await this.db.venue.update({ where: { id }, data: details }));
  }

  async setActive(id: string, active: boolean): Promise<VenueRecord> {
    return toVenue(await this.db.venue.update({ where: { id }, data: { active } }));
  }

  async findById(id: string): Promise<VenueRecord | null> {
    const row = await this.db.venue.findUnique({ where: { id } });
    return row ? toVenue(row) : null;
  }

  async findByCode(code: string): Promise<VenueRecord | null> {
    const row = await this.db.venue.findUnique({ where: { code } });
    return row ? toVenue(row) : null;
  }

  async findByDedupeKey(dedupeKey: string): Promise<VenueRecord[]> {
    return (await this.db.venue.findMany({ where: { dedupeKey } })).map(toVenue);
  }

  async listByOwner(ownerContactId: string): Promise<VenueRecord[]> {
    return (await this.db.venue.findMany({ where: { ownerContactId }, orderBy: { createdAt: "asc" } })).map(
      toVenue,
    );
  }

  async search(filter: { folded: string; communes: string[] | null; take: number }): Promise<VenueRecord[]> {
    const words = filter.folded.split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length === 0) return [];
    const rows = await this.db.venue.findMany({
      where: {
        AND: words.map((w) => ({ dedupeKey: { contains: w } })),
        ...(filter.communes ? { communeCode: { in: filter.communes } } : {}),
      },
      orderBy: [{ name: "asc" }, { createdAt: "asc" }],
      take: filter.take,
    });
    return rows.map(toVenue);
  }

  async list(filter: { communeCode?: string; skip: number; take: number }) {
    const where = filter.communeCode ? { communeCode: filter.communeCode } : {};
    const [rows, total] = await Promise.all([
      this.db.venue.findMany({ where, orderBy: { createdAt: "asc" }, skip: filter.skip, take: filter.take }),
      this.db.venue.count({ where }),
    ]);
    return { items: rows.map(toVenue), total };
  }
}

function toVenue(row: Venue): VenueRecord {
  if (!isVenueCategory(row.category)) throw new Error(`venue ${row.id} has unknown category ${row.category}`);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    communeCode: row.communeCode,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    ownerContactId: row.ownerContactId,
    active: row.active,
    createdAt: row.createdAt,
  };
}
