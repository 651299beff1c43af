import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { VenueDetails, VenueStore } from "../../src/features/venues/venue-store";
import { freshWorld, type Opened } from "./fresh-world";

const PHO_HANH: VenueDetails = {
  name: "Quán phở Hạnh",
  category: "food-service",
  communeCode: "21025",
  address: "12 Phạm Văn Đồng, TT Châu Ổ",
  contactName: "Nguyễn Thị Hạnh",
  contactPhone: "+84905123456",
};

/** What every {@link VenueStore} promises the venue feature, the fake as much as the Prisma store. */
export function venueStoreContract(subject: string, open: () => Promise<Opened<VenueStore>>): void {
  describe(`${subject} keeps the venues owners register`, () => {
    const store = freshWorld(open);
    let codes = 0;
    const register = async (details: Partial<VenueDetails> & { dedupeKey?: string; owner?: string } = {}) => {
      const { dedupeKey = "quan pho hanh|12 pham van dong", owner = "owner-1", ...rest } = details;
      const created = await store().create({
        ...PHO_HANH,
        ...rest,
        id: randomUUID(),
        code: `BS${String(++codes).padStart(4, "0")}`,
        dedupeKey,
        ownerContactId: owner,
      });
      if (created === "code-taken") throw new Error("fresh code taken");
      return created;
    };

    it("a new venue is active, and is found again by id and by its QR code", async () => {
      const venue = await register();
      expect(venue).toMatchObject({ ...PHO_HANH, active: true, ownerContactId: "owner-1" });
      expect(venue.createdAt).toBeInstanceOf(Date);
      expect(await store().findById(venue.id)).toEqual(venue);
      expect(await store().findByCode(venue.code)).toEqual(venue);
    });

    it("a QR code drawn twice answers code-taken and keeps the first venue as it was", async () => {
      const first = await register();
      const second = await store().create({
        ...PHO_HANH,
        name: "Tạp hoá Minh",
        id: randomUUID(),
        code: first.code,
        dedupeKey: "tap hoa minh",
        ownerContactId: "owner-2",
      });
      expect(second).toBe("code-taken");
      expect(await store().findByCode(first.code)).toEqual(first);
      expect((await store().list({ skip: 0, take: 10 })).total).toBe(1);
    });

    it("unknown ids and codes find nothing", async () => {
      expect(await store().findById(randomUUID())).toBeNull();
      expect(await store().findByCode("BS9999")).toBeNull();
      expect(await store().findByDedupeKey("nowhere")).toEqual([]);
      expect(await store().listByOwner("nobody")).toEqual([]);
    });

    it("editing the details keeps the code, the owner and the active flag", async () => {
      const venue = await register();
      const edited = await store().update(venue.id, {
        ...PHO_HANH,
        name: "Phở Hạnh 2",
        contactPhone: "+84935000111",
        dedupeKey: "pho hanh 2",
      });
      expect(edited).toEqual({ ...venue, name: "Phở Hạnh 2", contactPhone: "+84935000111" });
      expect(await store().findById(venue.id)).toEqual(edited);
      expect(await store().findByDedupeKey("pho hanh 2")).toEqual([edited]);
      expect(await store().findByDedupeKey("quan pho hanh|12 pham van dong")).toEqual([]);
    });

    it("a venue read earlier does not change when it is edited later", async () => {
      const venue = await register();
      const read = await store().findById(venue.id);
      await store().update(venue.id, { ...PHO_HANH, name: "Đổi tên", dedupeKey: "doi ten" });
      await store().setActive(venue.id, false);
      expect(read).toEqual(venue);
    });

    it("a venue can be closed and opened again", async () => {
      const venue = await register();
      expect((await store().setActive(venue.id, false)).active).toBe(false);
      expect((await store().findById(venue.id))?.active).toBe(false);
      expect((await store().setActive(venue.id, true)).active).toBe(true);
    });

    it("editing or closing a venue that does not exist fails", async () => {
      await expect(store().update(randomUUID(), { ...PHO_HANH, dedupeKey: "x" })).rejects.toThrow();
      await expect(store().setActive(randomUUID(), false)).rejects.toThrow();
    });

    it("the same place registered twice is found by its dedupe key, both venues", async () => {
      const a = await register({ owner: "owner-1" });
      const b = await register({ owner: "owner-2" });
      await register({ name: "Tạp hoá Minh", dedupeKey: "tap hoa minh" });
      const same = await store().findByDedupeKey("quan pho hanh|12 pham van dong");
      expect(same.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    });

    it("an owner's venues come oldest first, nobody else's among them", async () => {
      const first = await register({ owner: "owner-1" });
      await sleep(5);
      await register({ owner: "owner-2" });
      const second = await register({ owner: "owner-1", name: "Phở Hạnh cơ sở 2" });
      expect((await store().listByOwner("owner-1")).map((v) => v.id)).toEqual([first.id, second.id]);
    });

    it("the list pages oldest first, filtered by commune, with the total of all pages", async () => {
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(await register({ name: `Quán ${i}`, communeCode: i < 4 ? "21025" : "21028" }));
        await sleep(3);
      }
      const page = await store().list({ communeCode: "21025", skip: 1, take: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((v) => v.name)).toEqual(["Quán 1", "Quán 2"]);
      const everything = await store().list({ skip: 0, take: 10 });
      expect(everything.total).toBe(5);
      expect(everything.items.map((v) => v.id)).toEqual(made.map((v) => v.id));
    });

    it("a search by folded words of the name and address finds the venues of the given communes only, by name", async () => {
      const long = await register({ name: "Chợ Bình Long", dedupeKey: "21025|cho binh long|thon an phu" });
      const longer = await register({
        name: "Chợ Bình Long mới",
        dedupeKey: "21025|cho binh long moi|thon my lai",
      });
      await register({
        name: "Chợ Bình Long",
        communeCode: "21028",
        dedupeKey: "21028|cho binh long|thon tan hoa",
      });
      const found = await store().search({ folded: "cho binh long", communes: ["21025"], take: 10 });
      expect(found.map((v) => v.id)).toEqual([long.id, longer.id]);
      expect(await store().search({ folded: "cho binh long", communes: null, take: 10 })).toHaveLength(3);
      expect(await store().search({ folded: "thon my lai", communes: null, take: 10 })).toEqual([longer]);
      // Words of the name and the address together, in any order.
      expect(await store().search({ folded: "lai long cho", communes: null, take: 10 })).toEqual([longer]);
      expect(await store().search({ folded: "cho binh long", communes: null, take: 1 })).toHaveLength(1);
      expect(await store().search({ folded: "", communes: null, take: 10 })).toEqual([]);
    });
  });
}
