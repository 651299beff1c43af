import type { VenueDetails, VenueRecord, VenueStore } from "./venue-store";

type StoredVenue = VenueRecord & { dedupeKey: string };

/**
 * In-memory {@link VenueStore} for fast dialog tests. test/contracts/venue-store.contract.ts holds it to the
 * same promises as the Prisma store; like a database, it hands out copies, never its own rows.
 */
export class FakeVenueStore implements VenueStore {
  readonly venues = new Map<string, StoredVenue>();

  async create(
    input: VenueDetails & { id: string; code: string; dedupeKey: string; ownerContactId: string | null },
  ) {
    if ([...this.venues.values()].some((v) => v.code === input.code)) return "code-taken" as const;
    const venue: StoredVenue = { ...input, active: true, createdAt: new Date() };
    this.venues.set(input.id, venue);
    return toRecord(venue);
  }

  async update(id: string, details: VenueDetails & { dedupeKey: string }) {
    return toRecord(Object.assign(this.existing(id), details));
  }

  async setActive(id: string, active: boolean) {
    const venue = this.existing(id);
    venue.active = active;
    return toRecord(venue);
  }

  async findById(id: string) {
    const venue = this.venues.get(id);
    return venue ? toRecord(venue) : null;
  }

  async findByCode(code: string) {
    return this.matching((v) => v.code === code)[0] ?? null;
  }

  async findByDedupeKey(dedupeKey: string) {
    return this.matching((v) => v.dedupeKey === dedupeKey);
  }

  async listByOwner(ownerContactId: string) {
    return this.matching((v) => v.ownerContactId === ownerContactId);
  }

  async search(filter: { folded: string; communes: string[] | null; take: number }) {
    const words = filter.folded.split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length === 0) return [];
    return this.matching(
      (v) =>
        words.every((w) => v.dedupeKey.includes(w)) &&
        (!filter.communes || filter.communes.includes(v.communeCode)),
    )
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, filter.take);
  }

  async list(filter: { communeCode?: string; skip: number; take: number }) {
    const all = this.matching((v) => !filter.communeCode || v.communeCode === filter.communeCode);
    return { items: all.slice(filter.skip, filter.skip + filter.take), total: all.length };
  }

  private existing(id: string): StoredVenue {
    const venue = this.venues.get(id);
    if (!venue) throw new Error(`no venue ${id}`);
    return venue;
  }

  /** Oldest first, as the Prisma store orders by creation time. */
  private matching(keep: (venue: StoredVenue) => boolean): VenueRecord[] {
    return [...this.venues.values()]
      .filter(keep)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(toRecord);
  }
}

function toRecord({ dedupeKey: _, ...venue }: StoredVenue): VenueRecord {
  return { ...venue, createdAt: new Date(venue.createdAt) };
}
